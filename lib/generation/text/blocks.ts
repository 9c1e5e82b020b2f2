/** A run of the material as the author laid it out. */
export interface Block {
  kind: "heading" | "paragraph" | "list";
  text: string;
}

const MARKDOWN_HEADING = /^#{1,6}\s+(.+?)\s*#*\s*$/;
const LIST_ITEM = /^\s*(?:[-*•–]|\d{1,2}[.)]|[a-z][.)])\s+/;
const SENTENCE_END = /[.!?:;"'”’)\]]$/;

/**
 * Splits raw material into headings, paragraphs and lists. Headings are markdown `#` lines or short
 * lone lines without closing punctuation (a title); hard-wrapped lines of one paragraph are joined.
 */
export function splitBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  const chunks = text.replace(/\r\n?/g, "\n").split(/\n\s*\n/);
  for (const chunk of chunks) {
    const lines = chunk
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean);
    let paragraph: string[] = [];
    const flush = () => {
      if (paragraph.length > 0) blocks.push({ kind: "paragraph", text: paragraph.join(" ") });
      paragraph = [];
    };
    for (const line of lines) {
      const heading = MARKDOWN_HEADING.exec(line);
      if (heading) {
        flush();
        blocks.push({ kind: "heading", text: heading[1] });
      } else if (LIST_ITEM.test(line)) {
        flush();
        blocks.push({ kind: "list", text: line.replace(LIST_ITEM, "") });
      } else if (lines.length === 1 && isTitleLine(line)) {
        blocks.push({ kind: "heading", text: line });
      } else {
        paragraph.push(line);
      }
    }
    flush();
  }
  return blocks;
}

function isTitleLine(line: string): boolean {
  const words = line.split(/\s+/);
  return words.length <= 12 && /^[A-Z0-9]/.test(line) && !SENTENCE_END.test(line);
}

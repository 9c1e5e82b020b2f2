import type { ExtractedDocument } from "./extracted-document";
import { groupIntoSections, type PageBlocks, type TextBlock } from "./group-into-sections";
import { IngestError } from "./ingest-error";

/**
 * Reads a UTF-8 text or Markdown file. Paragraphs are separated by blank lines; in Markdown,
 * `#` lines and underlined (`===`, `---`) lines are headings. A form feed, which text exports of
 * PDFs put between pages, starts a new page, and then the pages are numbered.
 */
export function extractText(bytes: Uint8Array, kind: "text" | "markdown"): ExtractedDocument {
  const text = new TextDecoder("utf-8").decode(bytes).replace(/\r\n?/g, "\n");
  const pageTexts = text.split("\f");
  const isPaged = pageTexts.length > 1;
  const readBlocks = kind === "markdown" ? readMarkdownBlocks : readParagraphs;
  const pages: PageBlocks[] = pageTexts.map((pageText, index) => ({
    page: isPaged ? index + 1 : null,
    blocks: readBlocks(index === 0 && kind === "markdown" ? stripFrontMatter(pageText) : pageText),
  }));
  const sections = groupIntoSections(pages);
  if (sections.length === 0) throw new IngestError("empty", "only whitespace");
  return { kind, pageCount: isPaged ? pageTexts.length : null, sections };
}

function readParagraphs(text: string): TextBlock[] {
  return text.split(/\n[ \t]*\n/).map((paragraph) => ({ isHeading: false, text: trimLines(paragraph) }));
}

const ATX_HEADING = /^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
const THEMATIC_BREAK = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const CODE_FENCE = /^ {0,3}(```|~~~)/;

function readMarkdownBlocks(text: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  let paragraph: string[] = [];
  let fence: string | null = null;
  const endParagraph = () => {
    if (paragraph.length > 0) blocks.push({ isHeading: false, text: cleanInlineMarkdown(trimLines(paragraph.join("\n"))) });
    paragraph = [];
  };
  for (const line of text.split("\n")) {
    const fenceMatch = CODE_FENCE.exec(line);
    if (fence !== null) {
      // Code is kept as written, as one paragraph; a "#" in it is a comment, not a heading.
      if (fenceMatch?.[1] === fence) {
        endParagraph();
        fence = null;
      } else {
        paragraph.push(line);
      }
      continue;
    }
    if (fenceMatch) {
      endParagraph();
      fence = fenceMatch[1];
      continue;
    }
    const atx = ATX_HEADING.exec(line);
    if (atx) {
      endParagraph();
      blocks.push({ isHeading: true, text: cleanInlineMarkdown(atx[1] ?? "") });
    } else if (paragraph.length > 0 && SETEXT_UNDERLINE.test(line)) {
      blocks.push({ isHeading: true, text: cleanInlineMarkdown(paragraph.map((part) => part.trim()).join(" ")) });
      paragraph = [];
    } else if (line.trim() === "" || THEMATIC_BREAK.test(line)) {
      endParagraph();
    } else {
      paragraph.push(line);
    }
  }
  endParagraph();
  return blocks;
}

function stripFrontMatter(text: string): string {
  const match = /^---\n[\s\S]*?\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(text);
  return match ? text.slice(match[0].length) : text;
}

// Keeps what a reader sees: link and image text without their addresses, no emphasis markers.
function cleanInlineMarkdown(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, "$2")
    .replace(/`([^`\n]+)`/g, "$1");
}

function trimLines(text: string): string {
  return text
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .trim();
}

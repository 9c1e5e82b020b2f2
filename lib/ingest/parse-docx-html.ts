import type { DocumentSection } from "./extracted-document";
import { groupIntoSections, type TextBlock } from "./group-into-sections";

type Container =
  | { type: "list"; isOrdered: boolean; count: number; lines: string[] }
  | { type: "item"; text: string; isWritten: boolean }
  | { type: "table"; rows: string[][] }
  | { type: "cell"; text: string };

const TOKEN = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*>|([^<]+)/g;
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/**
 * Reads the HTML mammoth makes from a Word file back into headings and paragraphs. List items
 * become "- item" or "1. item" lines (nested ones indented), table rows "cell | cell" lines, so
 * a list or a table stays together as one paragraph.
 */
export function parseDocxHtml(html: string): DocumentSection[] {
  const blocks: TextBlock[] = [];
  const stack: Container[] = [];
  let inline = "";

  // Hands finished text to the innermost open container, or makes it a block of its own.
  const deliver = (text: string, isHeading: boolean) => {
    if (text === "") return;
    const container = stack[stack.length - 1];
    if (!container) blocks.push({ isHeading, text });
    else if (container.type === "cell" || container.type === "item") {
      container.text = container.text === "" ? text : `${container.text} ${text}`;
    } else if (container.type === "list") container.lines.push(text);
  };
  const flushInline = (isHeading = false) => {
    const text = inline.replace(/\s+/g, " ").trim();
    inline = "";
    deliver(text, isHeading);
  };
  const writeItem = (item: Extract<Container, { type: "item" }>) => {
    const list = stack[stack.length - 2];
    if (item.isWritten || list?.type !== "list") return;
    item.isWritten = true;
    const depth = stack.filter((container) => container.type === "list").length - 1;
    const marker = list.isOrdered ? `${list.count}.` : "-";
    list.lines.push(`${"  ".repeat(depth)}${marker} ${item.text}`);
  };

  for (const [, closing, tagName, text] of html.matchAll(TOKEN)) {
    if (text !== undefined) {
      inline += decodeEntities(text);
      continue;
    }
    const tag = tagName.toLowerCase();
    const isClosing = closing === "/";
    const top = stack[stack.length - 1];
    if (tag === "p" || /^h[1-6]$/.test(tag)) {
      flushInline(isClosing && tag !== "p");
    } else if (tag === "br") {
      inline += " ";
    } else if (tag === "ul" || tag === "ol") {
      flushInline();
      if (!isClosing) {
        // A nested list follows its parent item's own text, so that line is written first.
        if (top?.type === "item") writeItem(top);
        stack.push({ type: "list", isOrdered: tag === "ol", count: 0, lines: [] });
      } else if (top?.type === "list") {
        stack.pop();
        const parent = stack[stack.length - 1];
        const parentList = parent?.type === "item" ? stack[stack.length - 2] : undefined;
        if (parentList?.type === "list") parentList.lines.push(...top.lines);
        else if (parent?.type === "cell") deliver(top.lines.map(stripMarker).join("; "), false);
        else deliver(top.lines.join("\n"), false);
      }
    } else if (tag === "li") {
      flushInline();
      if (!isClosing && top?.type === "list") {
        top.count++;
        stack.push({ type: "item", text: "", isWritten: false });
      } else if (isClosing && top?.type === "item") {
        writeItem(top);
        stack.pop();
      }
    } else if (tag === "table") {
      flushInline();
      if (!isClosing) stack.push({ type: "table", rows: [] });
      else if (top?.type === "table") {
        stack.pop();
        const rows = top.rows.filter((row) => row.some((cell) => cell !== ""));
        const isNested = stack.length > 0;
        deliver(rows.map((row) => row.join(" | ")).join(isNested ? "; " : "\n"), false);
      }
    } else if (tag === "tr" && !isClosing && top?.type === "table") {
      top.rows.push([]);
    } else if (tag === "td" || tag === "th") {
      flushInline();
      if (!isClosing) stack.push({ type: "cell", text: "" });
      else if (top?.type === "cell") {
        stack.pop();
        const table = stack[stack.length - 1];
        if (table?.type === "table") {
          if (table.rows.length === 0) table.rows.push([]);
          table.rows[table.rows.length - 1].push(top.text);
        }
      }
    }
  }
  flushInline();
  return groupIntoSections([{ page: null, blocks }]);
}

function stripMarker(line: string): string {
  return line.replace(/^\s*(?:-|\d+\.)\s/, "");
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
    if (name[0] === "#") {
      const code = name[1].toLowerCase() === "x" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return ENTITIES[name.toLowerCase()] ?? entity;
  });
}

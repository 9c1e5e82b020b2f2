import type { DocumentSection } from "./extracted-document";
import { groupIntoSections, type TextBlock } from "./group-into-sections";
import type { PdfPageText, PdfTextItem } from "./run-extraction-worker";

interface Line {
  text: string;
  y: number;
  size: number;
}

// Lines of one paragraph sit 1.1–1.5 font sizes apart (single to generous leading), so a wider
// gap starts a new paragraph; word processors set headings at least 15% larger than the body.
const PARAGRAPH_GAP_RATIO = 1.6;
const HEADING_SIZE_RATIO = 1.15;
const MAX_HEADING_WORDS = 15;
const PAGE_NUMBER_LINE = /^(?:page\s+)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$/i;
// Front matter is numbered i, ii, … xxxix in lower case.
const ROMAN_PAGE_NUMBER_LINE = /^x{0,3}(?:ix|iv|v?i{1,3}|v)$|^x{1,3}$/;
// "2.1 Naming . . . . . 14": a contents entry, which would outrank the chapter it points to.
const CONTENTS_ENTRY_LINE = /(?:\.\s*){4,}\d+$/;
// Running heads and feet sit in the first or last lines of a page and recur on many pages.
const EDGE_LINES = 2;
const MIN_RUNNING_LINE_PAGES = 3;

/**
 * Rebuilds headings and paragraphs from pdf.js text items, which only know where each run of
 * text was drawn and how large. Headings are lines set clearly larger than the body text.
 */
export function buildPdfSections(pages: PdfPageText[]): DocumentSection[] {
  const linesByPage = dropRunningLines(
    pages.map((page) => ({ page: page.page, lines: joinItemsIntoLines(page.items) })),
  );
  const allLines = linesByPage.flatMap((page) => page.lines);
  // Judged from lines that cannot be headings, so a short handout's big title is not the "body".
  const bodyLines = allLines.filter((line) => !isHeadingLike(line.text));
  const bodySize = findDominantSize(bodyLines.length > 0 ? bodyLines : allLines);
  return groupIntoSections(
    linesByPage.map(({ page, lines }) => ({ page, blocks: groupLinesIntoBlocks(lines, bodySize) })),
  );
}

function joinItemsIntoLines(items: PdfTextItem[]): Line[] {
  const lines: Line[] = [];
  let current: { parts: PdfTextItem[]; text: string; y: number; endX: number } | null = null;
  let isLineEnded = true;
  for (const item of items) {
    const size = item.size || 1;
    if (item.text !== "") {
      const hasMovedVertically = current !== null && Math.abs(item.y - current.y) > size / 2;
      if (!current || isLineEnded || hasMovedVertically) {
        if (current) lines.push(finishLine(current));
        current = { parts: [], text: "", y: item.y, endX: item.x };
      }
      const gap = item.x - current.endX;
      const needsSpace = current.text !== "" && gap > size * 0.15 && !/\s$/.test(current.text) && !/^\s/.test(item.text);
      current.text += (needsSpace ? " " : "") + item.text;
      current.parts.push(item);
      current.endX = item.x + item.width;
    }
    isLineEnded = item.hasEOL;
  }
  if (current) lines.push(finishLine(current));
  return lines.filter(
    (line) =>
      line.text !== "" &&
      !PAGE_NUMBER_LINE.test(line.text) &&
      !ROMAN_PAGE_NUMBER_LINE.test(line.text) &&
      !CONTENTS_ENTRY_LINE.test(line.text),
  );
}

/**
 * Removes page headers and footers: edge lines that, page numbers aside, recur on several pages.
 * A line ending a sentence is kept, since running heads are titles and body text is sentences.
 */
function dropRunningLines(pages: { page: number; lines: Line[] }[]): { page: number; lines: Line[] }[] {
  const toRunningKey = (line: Line) => line.text.toLowerCase().replace(/\d+/g, "#");
  const isEdge = (index: number, count: number) => index < EDGE_LINES || index >= count - EDGE_LINES;
  const pagesByKey = new Map<string, Set<number>>();
  for (const { page, lines } of pages) {
    lines.forEach((line, index) => {
      if (!isEdge(index, lines.length)) return;
      const key = toRunningKey(line);
      pagesByKey.set(key, (pagesByKey.get(key) ?? new Set()).add(page));
    });
  }
  const isRunning = (line: Line) =>
    !/[.!?]$/.test(line.text) && (pagesByKey.get(toRunningKey(line))?.size ?? 0) >= MIN_RUNNING_LINE_PAGES;
  return pages.map(({ page, lines }) => ({
    page,
    lines: lines.filter((line, index) => !(isEdge(index, lines.length) && isRunning(line))),
  }));
}

function finishLine(line: { parts: PdfTextItem[]; text: string; y: number }): Line {
  return { text: line.text.replace(/\s+/g, " ").trim(), y: line.y, size: findDominantSize(line.parts) };
}

/** The size most of a line's characters are set in; a big initial letter does not make a heading. */
function findDominantSize(items: { text: string; size: number }[]): number {
  const characterCounts = new Map<number, number>();
  for (const item of items) {
    const size = Math.round(item.size * 2) / 2;
    characterCounts.set(size, (characterCounts.get(size) ?? 0) + item.text.trim().length);
  }
  let best = 0;
  let bestCount = -1;
  for (const [size, count] of characterCounts) {
    if (count > bestCount || (count === bestCount && size < best)) {
      best = size;
      bestCount = count;
    }
  }
  return best;
}

function groupLinesIntoBlocks(lines: Line[], bodySize: number): TextBlock[] {
  const blocks: TextBlock[] = [];
  let previous: Line | null = null;
  for (const line of lines) {
    const isHeading = bodySize > 0 && line.size >= bodySize * HEADING_SIZE_RATIO && isHeadingLike(line.text);
    const last = blocks[blocks.length - 1];
    const gap = previous ? previous.y - line.y : 0;
    const isSameBlock =
      last !== undefined &&
      previous !== null &&
      last.isHeading === isHeading &&
      Math.abs(line.size - previous.size) < 0.5 &&
      gap > 0 &&
      gap <= previous.size * PARAGRAPH_GAP_RATIO;
    if (isSameBlock) last.text = joinLines(last.text, line.text);
    else blocks.push({ isHeading, text: line.text });
    previous = line;
  }
  return blocks;
}

function isHeadingLike(text: string): boolean {
  return /\p{L}/u.test(text) && text.split(" ").length <= MAX_HEADING_WORDS && !/[.,;]$/.test(text);
}

// "infor-" + "mation" was one word broken by the layout; "well-" + "Known" is kept as written.
function joinLines(before: string, after: string): string {
  if (/\p{L}-$/u.test(before) && /^\p{Ll}/u.test(after)) return before.slice(0, -1) + after;
  return `${before} ${after}`;
}

import type { DocumentChunk } from "../ingest/chunk-document";
import type { ExtractedDocument } from "../ingest/extracted-document";

/** A later page beginning inside a chunk's text. */
export interface PageBreak {
  offset: number;
  page: number;
  heading: string | null;
}

// A paragraph longer than this may have been split for size; its opening is searched for instead.
const WHOLE_PARAGRAPH_CHARACTERS = 1000;
const OPENING_CHARACTERS = 200;

/**
 * Where each page after the chunk's first begins in its text. Chunks of short pages (slides,
 * handouts) run over several; without this every question from such a chunk would cite its first
 * page. A page starts with its first paragraph, or with that paragraph's heading line when the
 * chunker wrote the heading into the text. Pages not found (an odd extraction) are left out, so
 * their text is attributed to the page before: never to a later page than the truth.
 */
export function findPageBreaks(chunk: DocumentChunk, document: ExtractedDocument): PageBreak[] {
  if (chunk.page === null || chunk.lastPage === null || chunk.lastPage <= chunk.page) return [];
  const breaks: PageBreak[] = [];
  let searchFrom = 0;
  let previousHeading = chunk.heading;
  for (let page = chunk.page + 1; page <= chunk.lastPage; page++) {
    const section = document.sections.find((candidate) => candidate.page === page);
    if (!section) continue;
    const firstParagraph = section.text.split(/\n{2,}/)[0].trim();
    const needle = firstParagraph.length <= WHOLE_PARAGRAPH_CHARACTERS ? firstParagraph : firstParagraph.slice(0, OPENING_CHARACTERS);
    const found = findAtParagraphStart(chunk.text, needle, searchFrom);
    if (found <= 0) continue;
    let offset = found;
    const headingLine = section.heading !== null && section.heading !== previousHeading ? `${section.heading}\n\n` : null;
    if (headingLine && chunk.text.slice(offset - headingLine.length, offset) === headingLine) offset -= headingLine.length;
    breaks.push({ offset, page, heading: section.heading });
    searchFrom = found + 1;
    previousHeading = section.heading;
  }
  return breaks;
}

function findAtParagraphStart(text: string, needle: string, from: number): number {
  if (needle === "") return -1;
  for (let at = text.indexOf(needle, from); at !== -1; at = text.indexOf(needle, at + 1)) {
    if (at === 0 || text[at - 1] === "\n") return at;
  }
  return -1;
}

/** A chunk's text cut at its page breaks: one piece per page, each with its page and heading. */
export function splitAtPageBreaks(
  text: string,
  first: { page: number | null; heading: string | null },
  breaks: PageBreak[],
): { text: string; page: number | null; heading: string | null }[] {
  const pieces = [];
  let start = 0;
  let current = first;
  for (const pageBreak of breaks) {
    if (pageBreak.offset <= start || pageBreak.offset >= text.length) continue;
    pieces.push({ text: text.slice(start, pageBreak.offset).trim(), ...current });
    start = pageBreak.offset;
    current = { page: pageBreak.page, heading: pageBreak.heading };
  }
  pieces.push({ text: text.slice(start).trim(), ...current });
  return pieces.filter((piece) => piece.text !== "");
}

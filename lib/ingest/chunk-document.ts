import type { ExtractedDocument } from "./extracted-document";

export interface DocumentChunk {
  /** 0-based position in the document. */
  ordinal: number;
  text: string;
  /** The heading the chunk's text sits under, or null before the first heading. */
  heading: string | null;
  /** Page the chunk's own text starts on (the overlap sentence may come from the page before). */
  page: number | null;
  /** Page it ends on; equal to `page` unless the chunk runs over a page break. */
  lastPage: number | null;
}

export interface ChunkSizes {
  /** A chunk this short is still extended over a page break or into the next heading's text. */
  minWords: number;
  /** No chunk grows beyond this, apart from the overlap sentence it starts with. */
  maxWords: number;
  /** Longest carried-over ending of the previous chunk. */
  overlapWords: number;
}

// About a page of prose per chunk: enough context for a question, yet specific enough for a
// full-text search to rank it, and a few of them fit a language model's prompt.
export const DEFAULT_CHUNK_SIZES: ChunkSizes = { minWords: 150, maxWords: 400, overlapWords: 40 };

interface Unit {
  text: string;
  words: number;
  heading: string | null;
  page: number | null;
}

interface OpenChunk {
  parts: string[];
  words: number;
  heading: string | null;
  /** Heading of the last paragraph added, which differs from `heading` after a merge. */
  lastHeading: string | null;
  page: number | null;
  lastPage: number | null;
}

/**
 * Splits a document into chunks along its own structure: never inside a paragraph unless the
 * paragraph alone is too long (then between lines, sentences, or finally words), preferably at a
 * page break, and at every heading unless the chunk so far is still short. Each chunk after the
 * first under a heading starts with the previous chunk's last sentence, so a fact spanning the
 * cut is whole in one of them. The same document always gives the same chunks.
 */
export function chunkDocument(document: ExtractedDocument, sizes: ChunkSizes = DEFAULT_CHUNK_SIZES): DocumentChunk[] {
  const chunks: DocumentChunk[] = [];
  let open: OpenChunk | null = null;
  for (const unit of splitIntoUnits(document, sizes.maxWords)) {
    if (open === null) {
      open = startChunk(unit, null);
    } else {
      const isNewHeading = unit.heading !== open.lastHeading;
      const isTooLong = open.words + unit.words > sizes.maxWords;
      const isLongEnough = open.words >= sizes.minWords;
      if (isTooLong || (isLongEnough && (isNewHeading || unit.page !== open.lastPage))) {
        chunks.push(finishChunk(open, chunks.length));
        const overlap = isNewHeading ? null : takeLastSentence(open.parts[open.parts.length - 1], sizes.overlapWords);
        open = startChunk(unit, overlap);
      } else if (isNewHeading && unit.heading !== null) {
        // A short section runs on into the next one; the next heading stays visible in the text.
        open.parts.push(unit.heading);
        open.words += countWords(unit.heading);
      }
    }
    open.parts.push(unit.text);
    open.words += unit.words;
    open.lastHeading = unit.heading;
    open.lastPage = unit.page;
  }
  if (open !== null) chunks.push(finishChunk(open, chunks.length));
  return chunks;
}

function startChunk(unit: Unit, overlap: string | null): OpenChunk {
  return {
    parts: overlap ? [overlap] : [],
    words: overlap ? countWords(overlap) : 0,
    heading: unit.heading,
    lastHeading: unit.heading,
    page: unit.page,
    lastPage: unit.page,
  };
}

function finishChunk(open: OpenChunk, ordinal: number): DocumentChunk {
  return { ordinal, text: open.parts.join("\n\n"), heading: open.heading, page: open.page, lastPage: open.lastPage };
}

function splitIntoUnits(document: ExtractedDocument, maxWords: number): Unit[] {
  const units: Unit[] = [];
  for (const section of document.sections) {
    for (const paragraph of section.text.split(/\n{2,}/)) {
      const trimmed = paragraph.trim();
      if (trimmed === "") continue;
      for (const piece of splitOversized(trimmed, maxWords)) {
        units.push({ text: piece, words: countWords(piece), heading: section.heading, page: section.page });
      }
    }
  }
  return units;
}

// Lines first (list items, table rows), then sentences, then plain word windows.
function splitOversized(text: string, maxWords: number): string[] {
  if (countWords(text) <= maxWords) return [text];
  if (text.includes("\n")) return packPieces(text.split("\n"), "\n", maxWords);
  const sentences = splitSentences(text);
  if (sentences.length > 1) return packPieces(sentences, " ", maxWords);
  const words = text.split(/\s+/);
  const windows: string[] = [];
  for (let at = 0; at < words.length; at += maxWords) windows.push(words.slice(at, at + maxWords).join(" "));
  return windows;
}

function packPieces(pieces: string[], separator: string, maxWords: number): string[] {
  const packed: string[] = [];
  let current: string[] = [];
  let words = 0;
  for (const piece of pieces.flatMap((part) => splitOversized(part, maxWords))) {
    const pieceWords = countWords(piece);
    if (current.length > 0 && words + pieceWords > maxWords) {
      packed.push(current.join(separator));
      current = [];
      words = 0;
    }
    current.push(piece);
    words += pieceWords;
  }
  if (current.length > 0) packed.push(current.join(separator));
  return packed;
}

// Ends at . ! ? or … (optionally followed by a closing quote or bracket) before a capital or digit.
const SENTENCE_BREAK = /(?<=[.!?…]["'”’)\]]*)\s+(?=["'“‘(\[]?[\p{Lu}\p{N}])/u;

function splitSentences(text: string): string[] {
  return text
    .split(/\n+/)
    .flatMap((line) => line.split(SENTENCE_BREAK))
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence !== "");
}

function takeLastSentence(text: string, maxWords: number): string | null {
  const sentence = splitSentences(text).at(-1);
  if (!sentence) return null;
  const words = sentence.split(/\s+/);
  return words.length <= maxWords ? sentence : words.slice(-maxWords).join(" ");
}

function countWords(text: string): number {
  const matches = text.match(/\S+/g);
  return matches ? matches.length : 0;
}

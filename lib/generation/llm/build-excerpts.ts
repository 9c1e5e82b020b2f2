import type { SourcePassage } from "@/lib/generation/generator";
import { chunkDocument } from "@/lib/ingest/chunk-document";

/** A numbered piece of the material, as the model sees it and cites it. */
export interface Excerpt {
  /** 1-based, stable for the whole generation, so a citation means the same excerpt in every batch. */
  number: number;
  text: string;
  document?: string;
  page?: number;
  heading?: string;
}

/**
 * Numbers the material for citation. Retrieved chunks stay as they are; pasted text is cut the
 * way documents are chunked (about a page each, along paragraphs and headings).
 */
export function buildExcerpts(passages: SourcePassage[]): Excerpt[] {
  const excerpts: Excerpt[] = [];
  for (const passage of passages) {
    const chunks = chunkDocument({
      kind: "text",
      pageCount: null,
      sections: [{ page: passage.page ?? null, heading: passage.heading ?? null, text: passage.text }],
    });
    for (const chunk of chunks) {
      if (chunk.text.trim() === "") continue;
      const excerpt: Excerpt = { number: excerpts.length + 1, text: chunk.text };
      if (passage.document) excerpt.document = passage.document;
      const page = chunk.page ?? passage.page;
      if (page) excerpt.page = page;
      const heading = chunk.heading ?? passage.heading;
      if (heading) excerpt.heading = heading;
      excerpts.push(excerpt);
    }
  }
  return excerpts;
}

// About 3,000 tokens of material: with the instructions and five questions of reply it fits the
// 8k context of small local models.
export const MAX_WORDS_PER_CALL = 2_400;

/** Consecutive excerpts grouped so each group fits one call. */
export function groupExcerpts(excerpts: Excerpt[], maxWords = MAX_WORDS_PER_CALL): Excerpt[][] {
  const groups: Excerpt[][] = [];
  let current: Excerpt[] = [];
  let words = 0;
  for (const excerpt of excerpts) {
    const count = excerpt.text.split(/\s+/).filter(Boolean).length;
    if (current.length > 0 && words + count > maxWords) {
      groups.push(current);
      current = [];
      words = 0;
    }
    current.push(excerpt);
    words += count;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

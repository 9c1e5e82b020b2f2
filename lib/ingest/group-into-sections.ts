import type { DocumentSection } from "./extracted-document";

/** A heading or a paragraph (a list or a table counts as one paragraph of lines). */
export interface TextBlock {
  isHeading: boolean;
  text: string;
}

export interface PageBlocks {
  page: number | null;
  blocks: TextBlock[];
}

/**
 * Turns a stream of headings and paragraphs into sections: each heading opens one, each page
 * opens one, and a heading stays in force across pages until the next. A heading with no text
 * under it (a chapter title directly followed by its first subheading) makes no section.
 */
export function groupIntoSections(pages: PageBlocks[]): DocumentSection[] {
  const sections: { page: number | null; heading: string | null; paragraphs: string[] }[] = [];
  let heading: string | null = null;
  for (const { page, blocks } of pages) {
    let isSectionOpen = false;
    for (const block of blocks) {
      const text = block.text.trim();
      if (text === "") continue;
      if (block.isHeading) {
        heading = text;
        isSectionOpen = false;
        continue;
      }
      if (!isSectionOpen) {
        sections.push({ page, heading, paragraphs: [] });
        isSectionOpen = true;
      }
      sections[sections.length - 1].paragraphs.push(text);
    }
  }
  return sections.map(({ page, heading, paragraphs }) => ({ page, heading, text: paragraphs.join("\n\n") }));
}

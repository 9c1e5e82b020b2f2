import type { ExtractedDocument } from "../ingest/extracted-document";

export interface PreviewSection {
  page: number | null;
  heading: string | null;
  text: string;
}

/** Enough of the extracted text to check the machine read it right, without storing a book twice. */
export const PREVIEW_CHARACTERS = 6000;

/** The first sections of a document as read, cut after about 6,000 characters. */
export function buildPreview(document: ExtractedDocument, maxCharacters = PREVIEW_CHARACTERS): PreviewSection[] {
  const preview: PreviewSection[] = [];
  let room = maxCharacters;
  for (const section of document.sections) {
    if (room <= 0) break;
    const text = section.text.length > room ? `${cutAtWord(section.text, room)} …` : section.text;
    preview.push({ page: section.page, heading: section.heading, text: stripNul(text) });
    room -= section.text.length;
  }
  return preview;
}

function cutAtWord(text: string, length: number): string {
  const cut = text.slice(0, length);
  const space = cut.lastIndexOf(" ");
  return space > length * 0.8 ? cut.slice(0, space) : cut;
}

/** Postgres text cannot hold NUL, which a damaged or odd file may yield. */
export function stripNul(text: string): string {
  return text.includes("\u0000") ? text.replace(/\u0000/g, "") : text;
}

export const DOCUMENT_KINDS = ["pdf", "docx", "text", "markdown"] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/**
 * A run of text under one heading on one page. A new section starts at every heading and, in a
 * PDF, at every page; a section continuing onto the next page repeats its heading there.
 * Paragraphs inside `text` are separated by a blank line; list items and table rows by one newline.
 */
export interface DocumentSection {
  /** 1-based page in a PDF (or a form-feed-paged text file); null where a format has no pages. */
  page: number | null;
  /** The nearest heading above this text, or null before the first heading. */
  heading: string | null;
  text: string;
}

/** What was read from an uploaded file, in reading order. Never contains an empty section. */
export interface ExtractedDocument {
  kind: DocumentKind;
  pageCount: number | null;
  sections: DocumentSection[];
}

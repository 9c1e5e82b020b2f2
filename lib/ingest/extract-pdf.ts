import { buildPdfSections } from "./build-pdf-sections";
import type { ExtractedDocument } from "./extracted-document";
import { IngestError } from "./ingest-error";
import { runExtractionWorker, type ExtractionLimits } from "./run-extraction-worker";

// A scan without a text layer yields nothing, or a stray mark or two; real text is far more.
const MIN_LETTERS_AND_DIGITS = 20;

/** Reads a PDF's text page by page, with headings recognised by their size. */
export async function extractPdf(bytes: Uint8Array, limits: ExtractionLimits = {}): Promise<ExtractedDocument> {
  const { pageCount, pages } = await runExtractionWorker({ kind: "pdf", bytes }, limits);
  const sections = buildPdfSections(pages);
  const headings = new Set(sections.map((section) => section.heading ?? ""));
  const letterAndDigitCount = [...headings, ...sections.map((section) => section.text)].reduce(
    (count, text) => count + (text.match(/[\p{L}\p{N}]/gu)?.length ?? 0),
    0,
  );
  if (letterAndDigitCount < MIN_LETTERS_AND_DIGITS) {
    throw new IngestError("pdf-no-text", `${letterAndDigitCount} letters or digits on ${pageCount} pages`);
  }
  return { kind: "pdf", pageCount, sections };
}

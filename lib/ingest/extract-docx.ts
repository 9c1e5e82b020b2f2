import type { ExtractedDocument } from "./extracted-document";
import { IngestError } from "./ingest-error";
import { MAX_DOCX_EXPANDED_BYTES } from "./limits";
import { parseDocxHtml } from "./parse-docx-html";
import { readZipDirectory, ZipFormatError, type ZipEntry } from "./read-zip-directory";
import { runExtractionWorker, type ExtractionLimits } from "./run-extraction-worker";

/**
 * Reads a Word document's headings, paragraphs, lists and tables. The archive's declared sizes
 * are checked here, before any work; the worker then inflates every entry once, counting and
 * discarding the output, before mammoth may open it, so a bomb that lies about its sizes is
 * stopped after at most MAX_DOCX_EXPANDED_BYTES of decompression.
 */
export async function extractDocx(bytes: Uint8Array, limits: ExtractionLimits = {}): Promise<ExtractedDocument> {
  const zipEntries = readWordPackage(bytes);
  const declaredBytes = zipEntries.reduce((total, entry) => total + entry.uncompressedSize, 0);
  if (declaredBytes > MAX_DOCX_EXPANDED_BYTES) {
    throw new IngestError("docx-too-expanded", `declares ${declaredBytes} bytes uncompressed`);
  }
  const { html } = await runExtractionWorker(
    { kind: "docx", bytes, zipEntries, maxExpandedBytes: MAX_DOCX_EXPANDED_BYTES },
    limits,
  );
  const sections = parseDocxHtml(html);
  if (sections.length === 0) throw new IngestError("docx-no-text");
  return { kind: "docx", pageCount: null, sections };
}

function readWordPackage(bytes: Uint8Array): ZipEntry[] {
  try {
    return readZipDirectory(bytes);
  } catch (error) {
    if (error instanceof ZipFormatError) throw new IngestError("docx-damaged", error.message, { cause: error });
    throw error;
  }
}

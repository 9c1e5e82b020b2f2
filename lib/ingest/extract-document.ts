import { assertUploadSize } from "./assert-upload-size";
import { detectFileType } from "./detect-file-type";
import { extractDocx } from "./extract-docx";
import { extractPdf } from "./extract-pdf";
import { extractText } from "./extract-text";
import type { ExtractedDocument } from "./extracted-document";
import type { ExtractionLimits } from "./run-extraction-worker";

export type { ExtractionLimits };

/**
 * Reads an uploaded file into sections of text. The type comes from the bytes; `fileName` only
 * tells Markdown from plain text. PDF and Word files are parsed in a worker thread bounded by
 * `timeoutMs` and `memoryLimitMb`; aborting `signal` stops it and rejects with the signal's
 * reason. Anything the teacher should be told about rejects with an `IngestError`.
 */
export async function extractDocument(
  bytes: Uint8Array,
  fileName: string,
  limits: ExtractionLimits = {},
): Promise<ExtractedDocument> {
  assertUploadSize(bytes.byteLength);
  limits.signal?.throwIfAborted();
  const kind = detectFileType(bytes, fileName);
  if (kind === "pdf") return extractPdf(bytes, limits);
  if (kind === "docx") return extractDocx(bytes, limits);
  return extractText(bytes, kind);
}

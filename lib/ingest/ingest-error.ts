import { MAX_DOCX_EXPANDED_MB, MAX_UPLOAD_MB } from "./limits";

/**
 * Why a file could not be read. Each code has one sentence a teacher understands; the job stores
 * that sentence as the failed status, while `message` keeps the technical detail for the log.
 */
export const INGEST_ERROR_CODES = [
  "empty",
  "too-large",
  "unsupported-type",
  "legacy-word",
  "password-protected-word",
  "pdf-no-text",
  "pdf-password-protected",
  "pdf-damaged",
  "docx-too-expanded",
  "docx-damaged",
  "docx-no-text",
  "timed-out",
  "out-of-memory",
] as const;
export type IngestErrorCode = (typeof INGEST_ERROR_CODES)[number];

const USER_MESSAGES: Record<IngestErrorCode, string> = {
  empty: "The file is empty",
  "too-large": `This file is larger than the ${MAX_UPLOAD_MB} MB limit`,
  "unsupported-type": "This file is not a PDF, Word document or text file",
  "legacy-word": "This is an old-style Word document (.doc) — save it as .docx and upload it again",
  "password-protected-word": "This Word document is password-protected",
  "pdf-no-text": "This PDF has no extractable text — it may be a scan",
  "pdf-password-protected": "This PDF is password-protected",
  "pdf-damaged": "This PDF is damaged and could not be read",
  "docx-too-expanded": `This Word document expands to more than ${MAX_DOCX_EXPANDED_MB} MB — it may be corrupt or malicious`,
  "docx-damaged": "This Word document is damaged and could not be read",
  "docx-no-text": "This Word document has no text — it may contain only images",
  "timed-out": "Reading this file took too long — it may be damaged or too complex",
  "out-of-memory": "Reading this file needed too much memory — it may be damaged or too complex",
};

export class IngestError extends Error {
  readonly code: IngestErrorCode;
  /** One sentence for the teacher, shown as the document's failed status. */
  readonly userMessage: string;

  constructor(code: IngestErrorCode, detail?: string, options?: { cause?: unknown }) {
    const userMessage = USER_MESSAGES[code];
    super(detail ? `${userMessage} (${detail})` : userMessage, options);
    this.name = "IngestError";
    this.code = code;
    this.userMessage = userMessage;
  }
}

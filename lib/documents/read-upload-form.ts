import { AppError } from "../errors";
import { IngestError } from "../ingest/ingest-error";
import { MAX_UPLOAD_BYTES } from "../ingest/limits";
import { cleanFileName } from "./clean-file-name";
import { collectionNameSchema } from "./document-schemas";

export interface UploadForm {
  fileName: string;
  bytes: Uint8Array;
  /** The collection to add the document to; absent → a new collection. */
  collectionName?: string;
}

// Boundaries, part headers and the small text fields around the file.
const FORM_OVERHEAD_BYTES = 64 * 1024;
const MAX_FORM_BYTES = MAX_UPLOAD_BYTES + FORM_OVERHEAD_BYTES;

const DOC_PATH_UNSUPPORTED =
  'doc_path is not supported: Bloomery never reads files from the server\'s disk; upload the file as the multipart field "file"';
const NO_FILE = 'No file was uploaded: send it as multipart/form-data in the field "file"';

/**
 * Reads `POST /chunking` and `POST /api/documents`: a multipart `file` and an optional
 * `collection_name` (form field or query string). A body beyond 20 MB is refused with 413 from
 * its Content-Length before any of it is read, or as soon as the stream passes the limit.
 * EduMate's legacy `doc_path` (a path on the server) is a 400 saying it is not supported.
 */
export async function readUploadForm(request: Request): Promise<UploadForm> {
  const url = new URL(request.url);
  if (url.searchParams.has("doc_path")) throw new AppError("bad_request", DOC_PATH_UNSUPPORTED);
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\s*;/i.test(contentType.trim())) {
    // EduMate's documentation sends doc_path in a JSON body; say what is wrong with it rather than "no file".
    const text = new TextDecoder().decode(await readBodyBytes(request, FORM_OVERHEAD_BYTES).catch(() => new Uint8Array()));
    throw new AppError("bad_request", /\bdoc_path\b/.test(text) ? DOC_PATH_UNSUPPORTED : NO_FILE);
  }
  const body = await readBodyBytes(request, MAX_FORM_BYTES);
  let form: FormData;
  try {
    form = await new Response(body, { headers: { "content-type": contentType } }).formData();
  } catch {
    throw new AppError("bad_request", "The upload is not a valid multipart/form-data body");
  }
  if (form.has("doc_path")) throw new AppError("bad_request", DOC_PATH_UNSUPPORTED);
  const file = form.get("file");
  if (file === null) throw new AppError("bad_request", NO_FILE);
  if (typeof file === "string") throw new AppError("bad_request", 'The field "file" must be a file, not text');
  if (file.size > MAX_UPLOAD_BYTES) throw tooLarge();
  return {
    fileName: cleanFileName(file.name),
    bytes: new Uint8Array(await file.arrayBuffer()),
    collectionName: readCollectionName(form.get("collection_name") ?? url.searchParams.get("collection_name")),
  };
}

function readCollectionName(value: FormDataEntryValue | null): string | undefined {
  if (value === null) return undefined;
  if (typeof value !== "string") throw new AppError("bad_request", "collection_name must be text, not a file");
  if (value.trim() === "") return undefined;
  const parsed = collectionNameSchema.safeParse(value);
  if (!parsed.success) throw new AppError("bad_request", parsed.error.issues[0].message);
  return parsed.data;
}

async function readBodyBytes(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const parts: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    parts.push(value);
  }
  const body = new Uint8Array(received);
  let offset = 0;
  for (const part of parts) {
    body.set(part, offset);
    offset += part.byteLength;
  }
  return body;
}

function tooLarge(): AppError {
  return new AppError("payload_too_large", new IngestError("too-large").userMessage);
}

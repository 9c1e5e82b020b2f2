import { IngestError } from "./ingest-error";
import { MAX_UPLOAD_BYTES } from "./limits";

/**
 * Refuses an upload by its size alone, so a route can answer 413 from `Content-Length` or
 * `File.size` before reading the body.
 */
export function assertUploadSize(byteLength: number): void {
  if (byteLength === 0) throw new IngestError("empty");
  if (byteLength > MAX_UPLOAD_BYTES) {
    throw new IngestError("too-large", `${byteLength} bytes, limit ${MAX_UPLOAD_BYTES}`);
  }
}

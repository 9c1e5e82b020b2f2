import { createHash } from "node:crypto";
import { AppError } from "../errors";
import { formatBytes } from "../http/read-body";

/**
 * What makes two requests "the same" for an Idempotency-Key: method, path and query, and the body
 * by meaning rather than by bytes, so a client that re-encodes its retry still matches. JSON is
 * compared with its keys sorted; a multipart form by its fields and the SHA-256 of each file (a
 * re-sent form has a new boundary); anything else byte for byte.
 */
export async function fingerprintRequest(request: Request, maxBytes: number): Promise<string> {
  const url = new URL(request.url);
  const body = await readBodyBytes(request.clone(), maxBytes);
  const contentType = request.headers.get("content-type") ?? "";
  return createHash("sha256")
    .update(`${request.method} ${url.pathname}${url.search}\n`)
    .update(await canonicalBody(body, contentType))
    .digest("hex");
}

async function readBodyBytes(request: Request, maxBytes: number): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel();
      throw new AppError("payload_too_large", `Request body is larger than ${formatBytes(maxBytes)}`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

async function canonicalBody(body: Uint8Array, contentType: string): Promise<Uint8Array | string> {
  if (/^application\/(.+\+)?json\b/i.test(contentType)) {
    try {
      return `json:${stableStringify(JSON.parse(new TextDecoder().decode(body)))}`;
    } catch {
      return body;
    }
  }
  if (/^multipart\/form-data\b/i.test(contentType)) {
    try {
      const form = await new Request("http://form.invalid/", { method: "POST", headers: { "content-type": contentType }, body: body as BodyInit }).formData();
      const fields: string[] = [];
      for (const [name, value] of form.entries()) {
        if (typeof value === "string") fields.push(`${name}=${value}`);
        else fields.push(`${name}=file:${value.name}:${createHash("sha256").update(Buffer.from(await value.arrayBuffer())).digest("hex")}`);
      }
      return `form:${JSON.stringify(fields)}`;
    } catch {
      return body;
    }
  }
  return body;
}

function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stableStringify(item)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

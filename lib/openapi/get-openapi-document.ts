import { env } from "../env";
import { buildOpenApiDocument, type OpenApiDocument } from "./build-document";

const cache = new Map<string, OpenApiDocument>();

/** The document for this server's public address (APP_BASE_URL, else the address the request came to), built once per address. */
export function getOpenApiDocument(request: Request): OpenApiDocument {
  const serverUrl = env.APP_BASE_URL ?? new URL(request.url).origin;
  let document = cache.get(serverUrl);
  if (!document) {
    document = buildOpenApiDocument({ serverUrl });
    cache.set(serverUrl, document);
  }
  return document;
}

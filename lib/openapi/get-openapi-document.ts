import { env } from "../env";
import { buildOpenApiDocument, type OpenApiDocument } from "./build-document";

let built: OpenApiDocument | undefined;

/**
 * The address clients reach this server at: APP_BASE_URL when set, otherwise what the request says
 * (a proxy's X-Forwarded-* first). Next.js rewrites request.url's host, so the Host header is read.
 */
export function publicOrigin(headers: Headers, fallbackUrl: string): string {
  if (env.APP_BASE_URL) return env.APP_BASE_URL.replace(/\/+$/, "");
  const fallback = new URL(fallbackUrl);
  const host = headers.get("x-forwarded-host")?.split(",")[0].trim() || headers.get("host") || fallback.host;
  const proto = headers.get("x-forwarded-proto")?.split(",")[0].trim() || fallback.protocol.replace(":", "");
  return `${proto}://${host}`;
}

/** The document naming a given server; the rest is built once per process. */
export function openApiDocumentFor(serverUrl: string): OpenApiDocument {
  built ??= buildOpenApiDocument();
  return { ...built, servers: [{ url: serverUrl }] };
}

/** The document naming the server the request came to. */
export function getOpenApiDocument(request: Request): OpenApiDocument {
  return openApiDocumentFor(publicOrigin(request.headers, request.url));
}

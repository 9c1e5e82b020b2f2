import { AsyncLocalStorage } from "node:async_hooks";
import { env } from "../env";

/**
 * The site address a reset link should point at, carried from the request to better-auth's
 * sendResetPassword callback, which is configured once and has no request of its own.
 */
export const resetLinkContext = new AsyncLocalStorage<{ baseUrl: string }>();

/**
 * APP_BASE_URL when set (env.ts requires it whenever mail really leaves by SMTP, because a Host
 * header is the caller's to choose); otherwise the address the request came to, which only ever
 * reaches the server log and the development mailbox.
 */
export function getLinkBaseUrl(request: Request): string {
  if (env.APP_BASE_URL) return env.APP_BASE_URL.replace(/\/+$/, "");
  const url = new URL(request.url);
  const host = request.headers.get("x-forwarded-host")?.split(",")[0].trim() || request.headers.get("host") || url.host;
  const proto = request.headers.get("x-forwarded-proto")?.split(",")[0].trim() || url.protocol.replace(":", "");
  return `${proto}://${host}`;
}

export function buildResetLink(baseUrl: string, token: string): string {
  return `${baseUrl}/reset-password?token=${encodeURIComponent(token)}`;
}

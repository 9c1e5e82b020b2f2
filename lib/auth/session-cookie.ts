import { isHttpsRequest } from "./request-origin";

/**
 * Copies the Set-Cookie headers better-auth produced onto our response. better-auth already marks
 * them HttpOnly and SameSite=Lax; Secure is added whenever the browser came over HTTPS, so a
 * cookie issued behind a TLS proxy never travels in clear text.
 */
export function forwardAuthCookies(from: Headers, request: Request, to: Headers): void {
  const secure = isHttpsRequest(request);
  for (const cookie of from.getSetCookie()) {
    to.append("Set-Cookie", secure && !/;\s*secure\b/i.test(cookie) ? `${cookie}; Secure` : cookie);
  }
}

import { env } from "../env";
import { AppError } from "../errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isSafeMethod(request: Request): boolean {
  return SAFE_METHODS.has(request.method.toUpperCase());
}

/** The hosts this site answers as: the configured public address and the one the request came to. */
function ownHosts(request: Request): Set<string> {
  const hosts = new Set<string>();
  if (env.APP_BASE_URL) hosts.add(new URL(env.APP_BASE_URL).host);
  const forwarded = request.headers.get("x-forwarded-host")?.split(",")[0].trim();
  if (forwarded) hosts.add(forwarded);
  const host = request.headers.get("host");
  if (host) hosts.add(host);
  hosts.add(new URL(request.url).host);
  return hosts;
}

/**
 * True when a browser says the request comes from another site: Sec-Fetch-Site other than
 * same-origin/none, or an Origin whose host is not ours. Programs send neither header, and a
 * request with no cookie cannot ride on anyone's session, so those are not refused here.
 */
export function isCrossSiteRequest(request: Request): boolean {
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") return true;
  const origin = request.headers.get("origin");
  if (!origin) return false;
  if (origin === "null") return true;
  try {
    return !ownHosts(request).has(new URL(origin).host);
  } catch {
    return true;
  }
}

/** Refuses a browser request from another site (used where a cookie is set or relied on). */
export function assertSameSite(request: Request): void {
  if (isCrossSiteRequest(request)) {
    throw new AppError("forbidden", "Cross-site request refused: this action must come from Bloomery's own pages");
  }
}

/** Whether the browser reached us over HTTPS, directly or through a proxy that says so. */
export function isHttpsRequest(request: Request): boolean {
  if (env.APP_BASE_URL?.startsWith("https://")) return true;
  const forwarded = request.headers.get("x-forwarded-proto")?.split(",")[0].trim().toLowerCase();
  if (forwarded) return forwarded === "https";
  return new URL(request.url).protocol === "https:";
}

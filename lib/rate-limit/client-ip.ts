import { env } from "../env";

/**
 * The caller's address for per-IP limits. Next.js fills X-Forwarded-For from the socket when no
 * proxy did; a proxy that appends puts the address it saw last. Entries further left were written
 * by the client itself and can be forged, so the one CLIENT_IP_XFF_POSITION from the right is used.
 */
export function getClientIp(request: Request, positionFromRight = env.CLIENT_IP_XFF_POSITION): string {
  const entries = (request.headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const chosen = entries[entries.length - positionFromRight] ?? entries[0];
  return chosen ?? request.headers.get("x-real-ip") ?? "unknown";
}

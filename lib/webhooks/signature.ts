import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, keyed with the secret's UTF-8 bytes. */
export const SIGNATURE_HEADER = "Bloomery-Signature";

/** How old a signature a receiver should accept; older ones may be replays. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

const SECRET_PREFIX = "whsec_";

/** 32 random bytes: a receiver uses the whole string, prefix included, as the HMAC key. */
export function generateSigningSecret(): string {
  return SECRET_PREFIX + randomBytes(32).toString("base64url");
}

function hmacHex(secret: string, timestamp: number, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`, "utf8").digest("hex");
}

/** The Bloomery-Signature value for a body sent at `timestamp` (unix seconds). */
export function signWebhookBody(secret: string, body: string, timestamp = Math.floor(Date.now() / 1000)): string {
  return `t=${timestamp},v1=${hmacHex(secret, timestamp, body)}`;
}

/**
 * What a receiver does: recompute the HMAC over the raw body as received, compare in constant time,
 * and refuse a timestamp outside the tolerance so a captured request cannot be replayed later.
 */
export function verifyWebhookSignature(
  secret: string,
  header: string | null | undefined,
  body: string,
  { toleranceSeconds = SIGNATURE_TOLERANCE_SECONDS, now = Date.now() } = {},
): boolean {
  if (!header) return false;
  const parts = header.split(",").map((part) => part.trim().split("="));
  const timestamp = Number(parts.find(([name]) => name === "t")?.[1]);
  if (!Number.isInteger(timestamp) || Math.abs(now / 1000 - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(hmacHex(secret, timestamp, body), "hex");
  return parts
    .filter(([name]) => name === "v1")
    .some(([, value]) => {
      const given = Buffer.from(value ?? "", "hex");
      return given.length === expected.length && timingSafeEqual(given, expected);
    });
}

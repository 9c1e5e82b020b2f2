import { createHash, randomBytes } from "node:crypto";

/** Every key starts with this, so a leaked one is recognisable and never mistaken for a login token. */
export const API_KEY_PREFIX = "blm_";
const PREFIX_SHOWN = API_KEY_PREFIX.length + 6;

export function isApiKeyShaped(token: string): boolean {
  return token.startsWith(API_KEY_PREFIX);
}

/** 32 random bytes: far beyond guessing, which is why a plain SHA-256 (not a slow hash) is enough to store it. */
export function generateApiKey(): { key: string; prefix: string; keyHash: string } {
  const key = API_KEY_PREFIX + randomBytes(32).toString("base64url");
  return { key, prefix: key.slice(0, PREFIX_SHOWN), keyHash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

import { getPool } from "../db";
import { getClientIp } from "../rate-limit/client-ip";
import { assertWithinRateLimit, consumeRateLimit, tightestState, type RateLimitState } from "../rate-limit/rate-limit";
import { RATE_LIMITS } from "../rate-limit/rules";
import { getAuth } from "./auth";
import { getLinkBaseUrl, resetLinkContext } from "./reset-link";

export const FORGOT_PASSWORD_MESSAGE = "If the email exists, a reset link has been sent.";

/**
 * Mails a single-use, 15-minute reset link when the address has an account, and does nothing
 * visible otherwise: the caller gets the same answer either way, and the token never appears in
 * it. The per-account limit counts unknown addresses too, so a 429 reveals nothing either.
 */
export async function requestPasswordReset(request: Request, email: string): Promise<RateLimitState> {
  const db = await getPool();
  const perIp = await consumeRateLimit(db, RATE_LIMITS.forgotPerIp, getClientIp(request));
  assertWithinRateLimit(perIp, "Too many password-reset requests from this address.");
  const account = email.trim().toLowerCase();
  const perAccount = await consumeRateLimit(db, RATE_LIMITS.forgotPerAccount, account);
  assertWithinRateLimit(perAccount, "Too many password-reset requests for this address.");

  const auth = await getAuth();
  await resetLinkContext.run({ baseUrl: getLinkBaseUrl(request) }, () =>
    auth.api.requestPasswordReset({ body: { email: account } }),
  );
  return tightestState([perIp, perAccount]);
}

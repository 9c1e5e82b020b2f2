import { getPool } from "../db";
import { AppError } from "../errors";
import { getClientIp } from "../rate-limit/client-ip";
import {
  assertWithinRateLimit,
  consumeRateLimit,
  rateLimitHeaders,
  resetRateLimit,
  tightestState,
  type RateLimitState,
} from "../rate-limit/rate-limit";
import { RATE_LIMITS } from "../rate-limit/rules";
import { CLIENT_IP_HEADER, getAuth } from "./auth";
import { getAuthErrorCode } from "./auth-error-code";
import type { AuthenticatedUser } from "./authenticate-request";

export interface SignInResult {
  user: AuthenticatedUser;
  /** The session token: EduMate's access_token, and the value behind the session cookie. */
  token: string;
  /** Set-Cookie headers for a browser sign-in; an API login ignores them. */
  cookies: Headers;
  rateLimit: RateLimitState;
}

/**
 * Checks an email and password and opens a session. Each attempt counts against the caller's IP
 * and against the account, before the password is checked, so parallel guesses cannot slip past
 * the limit; the right password clears the account's count. Unknown email and wrong password give
 * the same 400 "Incorrect email or password".
 */
export async function signInWithPassword(request: Request, credentials: { email: string; password: string }): Promise<SignInResult> {
  const db = await getPool();
  const ip = getClientIp(request);
  const account = credentials.email.trim().toLowerCase();
  const perIp = await consumeRateLimit(db, RATE_LIMITS.loginPerIp, ip);
  assertWithinRateLimit(perIp, "Too many sign-in attempts from this address.");
  const perAccount = await consumeRateLimit(db, RATE_LIMITS.loginPerAccount, account);
  assertWithinRateLimit(perAccount, "Too many failed sign-in attempts for this account.");

  const auth = await getAuth();
  try {
    const { headers, response } = await auth.api.signInEmail({
      body: { email: account, password: credentials.password },
      headers: new Headers({ "user-agent": request.headers.get("user-agent") ?? "", [CLIENT_IP_HEADER]: ip }),
      returnHeaders: true,
    });
    await resetRateLimit(db, RATE_LIMITS.loginPerAccount, account);
    return {
      user: { id: Number(response.user.id), name: response.user.name, email: response.user.email },
      token: response.token,
      cookies: headers,
      rateLimit: perIp,
    };
  } catch (error) {
    const code = getAuthErrorCode(error);
    if (code === "INVALID_EMAIL_OR_PASSWORD" || code === "INVALID_EMAIL" || code === "INVALID_PASSWORD" || code === "PASSWORD_TOO_LONG") {
      throw new AppError("bad_request", "Incorrect email or password", {
        headers: rateLimitHeaders(tightestState([perIp, perAccount])),
      });
    }
    throw error;
  }
}

import type { Queryable } from "../db";
import type { Authentication } from "../auth/authenticate-request";
import { getClientIp } from "./client-ip";
import { assertWithinRateLimit, consumeRateLimit, type RateLimitRule, type RateLimitState } from "./rate-limit";

export interface CallerLimits {
  anonymous: RateLimitRule;
  signedIn: RateLimitRule;
  messages: { anonymous: string; signedIn: string };
}

/**
 * Counts one request against the caller's budget: per IP when anonymous, per user (usually a higher
 * budget) when signed in. Throws a 429 when over; otherwise returns the state for the RateLimit-* headers.
 */
export async function limitPerCaller(
  db: Queryable,
  request: Request,
  auth: Authentication | null,
  limits: CallerLimits,
): Promise<RateLimitState> {
  const state = auth
    ? await consumeRateLimit(db, limits.signedIn, `user:${auth.user.id}`)
    : await consumeRateLimit(db, limits.anonymous, getClientIp(request));
  assertWithinRateLimit(state, auth ? limits.messages.signedIn : limits.messages.anonymous);
  return state;
}

import type { Queryable } from "../db";
import type { Authentication } from "../auth/authenticate-request";
import { getClientIp } from "./client-ip";
import { assertWithinRateLimit, consumeRateLimit, type RateLimitState } from "./rate-limit";
import { RATE_LIMITS } from "./rules";

/**
 * Counts one generation request: per IP when anonymous, per user (with a higher budget) when signed
 * in. Throws a 429 when over; otherwise returns the state for the RateLimit-* headers. Every route
 * that starts generation (POST /api/generate, POST /chat) calls this first.
 */
export async function limitGeneration(db: Queryable, request: Request, auth: Authentication | null): Promise<RateLimitState> {
  const state = auth
    ? await consumeRateLimit(db, RATE_LIMITS.generateSignedIn, `user:${auth.user.id}`)
    : await consumeRateLimit(db, RATE_LIMITS.generateAnonymous, getClientIp(request));
  assertWithinRateLimit(
    state,
    auth ? "You have started too many generations." : "Too many generations from this address; sign in for a higher limit.",
  );
  return state;
}

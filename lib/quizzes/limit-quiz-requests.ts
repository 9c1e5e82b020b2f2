import type { Queryable } from "../db";
import { env } from "../env";
import { getClientIp } from "../rate-limit/client-ip";
import { assertWithinRateLimit, consumeRateLimit, type RateLimitRule, type RateLimitState } from "../rate-limit/rate-limit";

/** The per-address budgets of quiz takers' routes (documented in the OpenAPI document with them). */
export const QUIZ_RATE_LIMITS = {
  /**
   * A six-character code is far easier to guess than a link token, so looking quizzes up is
   * counted per address: GET /api/quizzes/{key}, and a code typed into /q/<code>.
   */
  lookupPerIp: { name: "quiz-lookup-ip", limit: env.RATE_LIMIT_QUIZ_LOOKUP_PER_IP, windowSeconds: env.RATE_LIMIT_QUIZ_WINDOW_SECONDS },
  /** Starting attempts, so nobody can flood a teacher's results (or probe codes through starts). */
  startPerIp: { name: "quiz-start-ip", limit: env.RATE_LIMIT_QUIZ_START_PER_IP, windowSeconds: env.RATE_LIMIT_QUIZ_WINDOW_SECONDS },
} satisfies Record<string, RateLimitRule>;

/** Counts one quiz lookup from this address; a 429 when over, else the state for RateLimit-* headers. */
export async function limitQuizLookup(db: Queryable, request: Request): Promise<RateLimitState> {
  const state = await consumeRateLimit(db, QUIZ_RATE_LIMITS.lookupPerIp, getClientIp(request));
  assertWithinRateLimit(state, "Too many quizzes looked up from this address.");
  return state;
}

/** Counts one attempt started from this address; a 429 when over. */
export async function limitAttemptStart(db: Queryable, request: Request): Promise<RateLimitState> {
  const state = await consumeRateLimit(db, QUIZ_RATE_LIMITS.startPerIp, getClientIp(request));
  assertWithinRateLimit(state, "Too many quiz attempts started from this address.");
  return state;
}

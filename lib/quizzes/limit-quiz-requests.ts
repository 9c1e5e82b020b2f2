import type { Queryable } from "../db";
import { env } from "../env";
import { getClientIp } from "../rate-limit/client-ip";
import { assertWithinRateLimit, consumeRateLimit, type RateLimitRule } from "../rate-limit/rate-limit";
import { parseQuizKey } from "./quiz-keys";

const START_PER_IP: RateLimitRule = { name: "quiz-start-ip", limit: env.RATE_LIMIT_QUIZ_START_PER_IP, windowSeconds: env.RATE_LIMIT_QUIZ_WINDOW_SECONDS };
const CODE_PER_IP: RateLimitRule = { name: "quiz-code-ip", limit: env.RATE_LIMIT_QUIZ_CODE_PER_IP, windowSeconds: env.RATE_LIMIT_QUIZ_WINDOW_SECONDS };

/**
 * A six-character code is far easier to guess than a link token, so looking quizzes up by code is
 * counted per address; a link token is not (guessing 144 bits is hopeless).
 */
export async function limitQuizLookup(db: Queryable, request: Request, rawKey: string): Promise<void> {
  if (parseQuizKey(rawKey)?.kind !== "code") return;
  const state = await consumeRateLimit(db, CODE_PER_IP, getClientIp(request));
  assertWithinRateLimit(state, "Too many quiz codes tried from this address.");
}

/** Starting attempts is counted per address, so nobody can flood a teacher's results. */
export async function limitAttemptStart(db: Queryable, request: Request): Promise<void> {
  const state = await consumeRateLimit(db, START_PER_IP, getClientIp(request));
  assertWithinRateLimit(state, "Too many quiz attempts started from this address.");
}

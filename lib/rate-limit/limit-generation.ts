import type { Queryable } from "../db";
import type { Authentication } from "../auth/authenticate-request";
import { limitPerCaller } from "./limit-per-caller";
import type { RateLimitState } from "./rate-limit";
import { RATE_LIMITS } from "./rules";

/**
 * Counts one generation request. Every route that starts generation (POST /api/generate, POST /chat,
 * generate-more) calls this first.
 */
export function limitGeneration(db: Queryable, request: Request, auth: Authentication | null): Promise<RateLimitState> {
  return limitPerCaller(db, request, auth, {
    anonymous: RATE_LIMITS.generateAnonymous,
    signedIn: RATE_LIMITS.generateSignedIn,
    messages: {
      anonymous: "Too many generations from this address; sign in for a higher limit.",
      signedIn: "You have started too many generations.",
    },
  });
}

import type { Queryable } from "../db";
import type { Authentication } from "../auth/authenticate-request";
import { limitPerCaller } from "./limit-per-caller";
import type { RateLimitState } from "./rate-limit";
import { RATE_LIMITS } from "./rules";

/**
 * Counts one document upload (POST /chunking, POST /api/documents) before its body is read, so a
 * flood of 20 MB files is refused without reading them.
 */
export function limitUploads(db: Queryable, request: Request, auth: Authentication | null): Promise<RateLimitState> {
  return limitPerCaller(db, request, auth, {
    anonymous: RATE_LIMITS.uploadAnonymous,
    signedIn: RATE_LIMITS.uploadSignedIn,
    messages: {
      anonymous: "Too many uploads from this address; sign in for a higher limit.",
      signedIn: "You have uploaded too many files.",
    },
  });
}

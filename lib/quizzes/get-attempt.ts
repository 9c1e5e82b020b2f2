import type { PrismaClient } from "../generated/prisma/client";
import type { AttemptView } from "./attempt-view";
import { loadAttempt, viewLoadedAttempt } from "./load-attempt";

/** A taker's attempt as their browser shows it: to resume it, or to review it once submitted. */
export async function getAttempt(prisma: PrismaClient, rawKey: string, attemptToken: string, now = new Date()): Promise<AttemptView> {
  return viewLoadedAttempt(await loadAttempt(prisma, rawKey, attemptToken), now);
}

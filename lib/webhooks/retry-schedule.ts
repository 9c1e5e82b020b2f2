import { env } from "../env";

/** Delivery retries: base, 2×base, 4×base … capped, for as long as the window lasts. */
export interface RetrySchedule {
  baseSeconds: number;
  maxDelaySeconds: number;
  windowSeconds: number;
}

export function retryScheduleFromEnv(): RetrySchedule {
  return {
    baseSeconds: env.WEBHOOK_RETRY_BASE_SECONDS,
    maxDelaySeconds: env.WEBHOOK_RETRY_MAX_DELAY_SECONDS,
    windowSeconds: env.WEBHOOK_RETRY_WINDOW_SECONDS,
  };
}

/** The wait after failed attempt number `attempt` (1 for the first). */
export function retryDelaySeconds(attempt: number, schedule: RetrySchedule): number {
  return Math.min(schedule.baseSeconds * 2 ** Math.max(0, attempt - 1), schedule.maxDelaySeconds);
}

/**
 * Attempts needed for the retries to span the window. With the defaults (30 s doubling to an hour,
 * for a day) that is 31: the last one comes about 24 hours after the first.
 */
export function maxDeliveryAttempts(schedule: RetrySchedule): number {
  let attempts = 1;
  let waited = 0;
  while (waited < schedule.windowSeconds) {
    waited += retryDelaySeconds(attempts, schedule);
    attempts++;
  }
  return attempts;
}

import type { Queryable } from "../db";
import { AppError } from "../errors";

/** A budget of `limit` hits per `windowSeconds` for each subject (an IP, an account, a user). */
export interface RateLimitRule {
  name: string;
  limit: number;
  windowSeconds: number;
}

export interface RateLimitState {
  limit: number;
  remaining: number;
  /** Seconds until the window ends and the budget is whole again. */
  resetSeconds: number;
  isLimited: boolean;
}

function keyOf(rule: RateLimitRule, subject: string): string {
  return `${rule.name}:${subject}`;
}

// Lapsed windows are deleted now and then by whichever request happens by, so no instance needs a timer.
const SWEEP_PROBABILITY = 0.01;

/**
 * Counts one hit against the subject's window and reports what is left. A single upsert, so any
 * number of instances sharing the database count together and never lose a hit to a race.
 */
export async function consumeRateLimit(db: Queryable, rule: RateLimitRule, subject: string): Promise<RateLimitState> {
  const { rows } = await db.query<{ hits: number; reset_seconds: number }>(
    `INSERT INTO rate_limits (key, hits, expires_at) VALUES ($1, 1, now() + make_interval(secs => $2))
     ON CONFLICT (key) DO UPDATE SET
       hits = CASE WHEN rate_limits.expires_at <= now() THEN 1 ELSE rate_limits.hits + 1 END,
       expires_at = CASE WHEN rate_limits.expires_at <= now() THEN EXCLUDED.expires_at ELSE rate_limits.expires_at END
     RETURNING hits, LEAST($3, GREATEST(1, CEIL(EXTRACT(EPOCH FROM expires_at - now()))))::int AS reset_seconds`,
    // expires_at keeps milliseconds, rounded half up: capped so a 60 s window never reports 61.
    [keyOf(rule, subject), rule.windowSeconds, Math.ceil(rule.windowSeconds)],
  );
  if (Math.random() < SWEEP_PROBABILITY) await sweepRateLimits(db);
  return stateOf(rule, rows[0].hits, rows[0].reset_seconds);
}

/** Forgets the subject's hits, e.g. an account's failed sign-ins once the right password is given. */
export async function resetRateLimit(db: Queryable, rule: RateLimitRule, subject: string): Promise<void> {
  await db.query(`DELETE FROM rate_limits WHERE key = $1`, [keyOf(rule, subject)]);
}

export async function sweepRateLimits(db: Queryable): Promise<void> {
  await db.query(`DELETE FROM rate_limits WHERE key IN (SELECT key FROM rate_limits WHERE expires_at < now() LIMIT 1000)`);
}

function stateOf(rule: RateLimitRule, hits: number, resetSeconds: number): RateLimitState {
  return {
    limit: rule.limit,
    remaining: Math.max(0, rule.limit - hits),
    resetSeconds,
    isLimited: hits > rule.limit,
  };
}

/** The most restrictive of several states: the one a client must respect. */
export function tightestState(states: RateLimitState[]): RateLimitState {
  const limited = states.filter((state) => state.isLimited);
  if (limited.length > 0) return limited.reduce((a, b) => (b.resetSeconds > a.resetSeconds ? b : a));
  return states.reduce((a, b) => (b.remaining < a.remaining ? b : a));
}

/** The IETF draft's RateLimit-* headers, which clients use to slow down before they are refused. */
export function rateLimitHeaders(state: RateLimitState): Record<string, string> {
  return {
    "RateLimit-Limit": String(state.limit),
    "RateLimit-Remaining": String(state.remaining),
    "RateLimit-Reset": String(state.resetSeconds),
  };
}

/** Throws a 429 carrying Retry-After when the state is over its limit. */
export function assertWithinRateLimit(state: RateLimitState, message: string): void {
  if (!state.isLimited) return;
  throw new AppError("rate_limited", `${message} Try again in ${describeWait(state.resetSeconds)}.`, {
    headers: { ...rateLimitHeaders(state), "Retry-After": String(state.resetSeconds) },
  });
}

function describeWait(seconds: number): string {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minutes`;
}

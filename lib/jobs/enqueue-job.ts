import type { Queryable } from "../db";
import { env } from "../env";
import type { JobKind } from "./types";

export const JOBS_CHANNEL = "bloomery_jobs";

export interface EnqueueOptions {
  timeoutSeconds?: number;
  maxAttempts?: number;
  /** Do not run before this moment (retries with backoff). */
  runAfter?: Date;
  /** The signed-in user who asked for it, so they alone can save or see it as theirs. */
  userId?: number;
  /** POST the job's final status here when it ends (lib/webhooks); checked by the caller first. */
  callbackUrl?: string;
  /** The API key that asked for it, when one did: its secret signs the webhook. */
  apiKeyId?: string;
}

/**
 * Inserts a job and wakes listening workers in the same statement, so a NOTIFY is never sent for a
 * row that was not committed. The payload is validated here and again when the job runs.
 */
export async function enqueueJob<P>(
  db: Queryable,
  kind: JobKind<P, unknown>,
  payload: P,
  options: EnqueueOptions = {},
): Promise<{ id: string }> {
  const valid = kind.payloadSchema.parse(payload);
  const { rows } = await db.query<{ id: string }>(
    `WITH inserted AS (
       INSERT INTO jobs (kind, payload, timeout_seconds, max_attempts, run_after, user_id, callback_url, api_key_id)
       VALUES ($1, $2, $3, $4, COALESCE($5, now()), $7, $8, $9)
       RETURNING id
     )
     SELECT id, pg_notify($6, $1) FROM inserted`,
    [
      kind.kind,
      JSON.stringify(valid),
      options.timeoutSeconds ?? env.JOB_TIMEOUT_SECONDS,
      options.maxAttempts ?? env.JOB_MAX_ATTEMPTS,
      options.runAfter ?? null,
      JOBS_CHANNEL,
      options.userId ?? null,
      options.callbackUrl ?? null,
      options.apiKeyId ?? null,
    ],
  );
  return { id: rows[0].id };
}

import type pg from "pg";
import type { Queryable } from "../db";
import { describeError, log } from "../log";
import type { EndedJob, JobEndedHook } from "./types";

interface EndedJobRow {
  id: string;
  kind: string;
  status: "finished" | "failed";
  payload: unknown;
  result: unknown;
  error: string | null;
  user_id: number | null;
  api_key_id: string | null;
  callback_url: string | null;
}

/**
 * Runs the hooks for jobs that have just ended. Call it inside the transaction that ended them:
 * each job's hooks run under a savepoint, so a failing hook is undone alone and logged, and the job
 * still ends (a lost webhook is bad; a job that can never finish, or a sweeper stuck on it, is worse).
 */
export async function runJobEndedHooks(db: Queryable, jobIds: string[], hooks: JobEndedHook[]): Promise<void> {
  if (hooks.length === 0 || jobIds.length === 0) return;
  const { rows } = await db.query<EndedJobRow>(
    `SELECT id, kind, status, payload, result, error, user_id, api_key_id, callback_url
     FROM jobs WHERE id = ANY($1) AND status IN ('finished', 'failed')`,
    [jobIds],
  );
  for (const row of rows) {
    const job: EndedJob = {
      id: row.id,
      kind: row.kind,
      status: row.status,
      payload: row.payload,
      result: row.result,
      error: row.error,
      userId: row.user_id,
      apiKeyId: row.api_key_id,
      callbackUrl: row.callback_url,
    };
    await db.query("SAVEPOINT job_ended_hooks");
    try {
      for (const hook of hooks) await hook(db, job);
      await db.query("RELEASE SAVEPOINT job_ended_hooks");
    } catch (error) {
      await db.query("ROLLBACK TO SAVEPOINT job_ended_hooks");
      log.error("a job-ended hook failed; the job ends without it", { job: job.id, kind: job.kind, ...describeError(error) });
    }
  }
}

/**
 * Ends a job with `end` (a guarded completeJob or failJob) and, when that really ended it, runs the
 * hooks in the same transaction. Without hooks it is the single guarded statement, as before.
 */
export async function endJobWithHooks(
  pool: pg.Pool,
  jobId: string,
  hooks: JobEndedHook[],
  end: (db: Queryable) => Promise<boolean>,
): Promise<boolean> {
  if (hooks.length === 0) return end(pool);
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const hasEnded = await end(client);
    if (hasEnded) await runJobEndedHooks(client, [jobId], hooks);
    await client.query("COMMIT");
    return hasEnded;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

import type pg from "pg";
import { runJobEndedHooks } from "./job-ended-hooks";
import type { JobEndedHook } from "./types";

// Distinct from the migration lock; one sweeper at a time across all instances.
const SWEEPER_LOCK_KEY = 72_707_370;

export interface SweepOptions {
  /** A started job whose heartbeat is older than this has lost its worker. */
  staleAfterSeconds: number;
  ttlSeconds: number;
  /** Run for each job the sweep fails, in the sweep's transaction. */
  onJobEnded?: JobEndedHook[];
}

export interface SweepResult {
  requeued: string[];
  failed: string[];
  deleted: number;
  /** False when another instance held the sweeper lock and this call did nothing. */
  ran: boolean;
}

/**
 * Recovers jobs whose worker died (requeued while attempts remain, failed after the last one) and
 * deletes results past their lifetime. Runs in one transaction under an advisory lock.
 */
export async function sweepJobs(pool: pg.Pool, options: SweepOptions): Promise<SweepResult> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_xact_lock($1) AS locked", [
      SWEEPER_LOCK_KEY,
    ]);
    if (!rows[0].locked) {
      await client.query("ROLLBACK");
      return { requeued: [], failed: [], deleted: 0, ran: false };
    }
    const requeued = await client.query<{ id: string }>(
      `UPDATE jobs SET status = 'queued', locked_by = NULL, heartbeat_at = NULL, progress = NULL, run_after = now()
       WHERE status = 'started' AND heartbeat_at < now() - make_interval(secs => $1) AND attempts < max_attempts
       RETURNING id`,
      [options.staleAfterSeconds],
    );
    const failed = await client.query<{ id: string }>(
      `UPDATE jobs SET status = 'failed', locked_by = NULL, finished_at = now(),
         expires_at = now() + make_interval(secs => $2),
         error = 'The job stopped its worker ' || attempts || ' times and was given up.'
       WHERE status = 'started' AND heartbeat_at < now() - make_interval(secs => $1) AND attempts >= max_attempts
       RETURNING id`,
      [options.staleAfterSeconds, options.ttlSeconds],
    );
    await runJobEndedHooks(
      client,
      failed.rows.map((row) => row.id),
      options.onJobEnded ?? [],
    );
    const deleted = await client.query(`DELETE FROM jobs WHERE expires_at <= now()`);
    if (requeued.rowCount) await client.query(`SELECT pg_notify('bloomery_jobs', 'requeued')`);
    await client.query("COMMIT");
    return {
      requeued: requeued.rows.map((row) => row.id),
      failed: failed.rows.map((row) => row.id),
      deleted: deleted.rowCount ?? 0,
      ran: true,
    };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

import type { Queryable } from "../db";
import type { JobRow } from "./types";

/**
 * Claims up to `limit` runnable jobs of the given kinds in one statement. SKIP LOCKED lets many
 * instances claim at once without waiting on each other or taking the same row; the attempt is
 * counted here so a job that kills its worker still uses up its attempts.
 */
export async function claimJobs(db: Queryable, workerId: string, kinds: string[], limit: number): Promise<JobRow[]> {
  if (limit <= 0 || kinds.length === 0) return [];
  const { rows } = await db.query<JobRow>(
    `WITH next AS (
       SELECT id FROM jobs
       WHERE status = 'queued' AND run_after <= now() AND kind = ANY($2)
       ORDER BY run_after, created_at
       LIMIT $3
       FOR UPDATE SKIP LOCKED
     )
     UPDATE jobs AS j
     SET status = 'started', locked_by = $1, heartbeat_at = now(),
         started_at = now(), attempts = j.attempts + 1, progress = NULL
     FROM next WHERE j.id = next.id
     RETURNING j.*`,
    [workerId, kinds, limit],
  );
  return rows;
}

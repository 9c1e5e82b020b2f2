import type { Queryable } from "../db";
import type { JobProgress } from "./types";

// Every write below is guarded by owner and state: a worker whose lease lapsed (and whose job the
// sweeper gave to someone else) changes nothing, so a job is finished exactly once. A finished or
// failed row keeps `locked_by`: it names the worker that ended it.

/** Touches the heartbeat of every job this worker still holds. */
export async function renewLeases(db: Queryable, workerId: string, jobIds: string[]): Promise<void> {
  if (jobIds.length === 0) return;
  await db.query(`UPDATE jobs SET heartbeat_at = now() WHERE locked_by = $1 AND status = 'started' AND id = ANY($2)`, [
    workerId,
    jobIds,
  ]);
}

export async function saveProgress(db: Queryable, workerId: string, jobId: string, progress: JobProgress): Promise<void> {
  await db.query(`UPDATE jobs SET progress = $3 WHERE id = $1 AND locked_by = $2 AND status = 'started'`, [
    jobId,
    workerId,
    JSON.stringify(progress),
  ]);
}

/** Returns false when the job was no longer ours to finish. */
export async function completeJob(
  db: Queryable,
  workerId: string,
  jobId: string,
  result: unknown,
  ttlSeconds: number,
): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE jobs SET status = 'finished', result = $3, error = NULL, progress = NULL,
       finished_at = now(), expires_at = now() + make_interval(secs => $4)
     WHERE id = $1 AND locked_by = $2 AND status = 'started'`,
    [jobId, workerId, JSON.stringify(result ?? null), ttlSeconds],
  );
  return rowCount === 1;
}

export async function failJob(
  db: Queryable,
  workerId: string,
  jobId: string,
  message: string,
  ttlSeconds: number,
): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE jobs SET status = 'failed', error = $3,
       finished_at = now(), expires_at = now() + make_interval(secs => $4)
     WHERE id = $1 AND locked_by = $2 AND status = 'started'`,
    [jobId, workerId, message, ttlSeconds],
  );
  return rowCount === 1;
}

/** Puts the job back in the queue to run again after `delaySeconds`, keeping its attempt count. */
export async function retryJobLater(
  db: Queryable,
  workerId: string,
  jobId: string,
  message: string,
  delaySeconds: number,
): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE jobs SET status = 'queued', error = $3, locked_by = NULL, heartbeat_at = NULL, progress = NULL,
       run_after = now() + make_interval(secs => $4)
     WHERE id = $1 AND locked_by = $2 AND status = 'started'`,
    [jobId, workerId, message, delaySeconds],
  );
  return rowCount === 1;
}

/**
 * Returns a job this worker could not finish because it is shutting down. The attempt is given
 * back too: stopping an instance is not the job's fault.
 */
export async function handBackJob(db: Queryable, workerId: string, jobId: string): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE jobs SET status = 'queued', locked_by = NULL, heartbeat_at = NULL, progress = NULL,
       attempts = GREATEST(attempts - 1, 0), run_after = now()
     WHERE id = $1 AND locked_by = $2 AND status = 'started'`,
    [jobId, workerId],
  );
  return rowCount === 1;
}

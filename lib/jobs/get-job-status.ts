import { z } from "zod";
import type { Queryable } from "../db";
import type { JobProgress, JobStatus } from "./types";

/** The job-status contract: exactly these shapes, nothing that could leak a stack trace. */
export type JobStatusResponse =
  | { status: null }
  | { status: "queued" }
  | { status: "started"; progress?: JobProgress }
  | { status: "finished"; result: unknown }
  | { status: "failed"; error: string }
  | { status: "canceled" };

const jobIdSchema = z.uuid();

export function isJobId(value: unknown): value is string {
  return jobIdSchema.safeParse(value).success;
}

/**
 * Reads one job's status. Unknown, expired and malformed ids all answer `{status: null}`, as the
 * contract says; a result past its lifetime is gone even before the sweeper deletes the row.
 */
export async function getJobStatus(db: Queryable, jobId: unknown, kinds?: string[]): Promise<JobStatusResponse> {
  if (!isJobId(jobId)) return { status: null };
  const { rows } = await db.query<{
    status: JobStatus;
    result: unknown;
    error: string | null;
    progress: JobProgress | null;
    kind: string;
  }>(
    `SELECT status, result, error, progress, kind FROM jobs
     WHERE id = $1 AND (expires_at IS NULL OR expires_at > now())`,
    [jobId],
  );
  const job = rows[0];
  if (!job || (kinds && !kinds.includes(job.kind))) return { status: null };
  return toJobStatusResponse(job);
}

/** A job row in the contract's shape; webhooks send this very body when a job ends. */
export function toJobStatusResponse(job: {
  status: JobStatus;
  result: unknown;
  error: string | null;
  progress?: JobProgress | null;
}): JobStatusResponse {
  switch (job.status) {
    case "queued":
      return { status: "queued" };
    case "started":
      return job.progress ? { status: "started", progress: job.progress } : { status: "started" };
    case "finished":
      return { status: "finished", result: job.result };
    case "failed":
      return { status: "failed", error: job.error ?? "The job failed." };
    case "canceled":
      return { status: "canceled" };
  }
}

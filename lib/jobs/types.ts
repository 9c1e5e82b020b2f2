import type { z } from "zod";
import type { Queryable } from "../db";

export const JOB_STATUSES = ["queued", "started", "finished", "failed", "canceled"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
export const TERMINAL_STATUSES: ReadonlySet<JobStatus> = new Set(["finished", "failed", "canceled"]);

/** A row of the jobs table as the queue reads it. */
export interface JobRow {
  id: string;
  kind: string;
  status: JobStatus;
  payload: unknown;
  result: unknown;
  error: string | null;
  progress: unknown;
  attempts: number;
  max_attempts: number;
  timeout_seconds: number;
  locked_by: string | null;
  heartbeat_at: Date | null;
  run_after: Date;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  expires_at: Date | null;
}

export interface JobProgress {
  done: number;
  total: number;
  stage?: string;
}

export interface JobContext {
  jobId: string;
  attempt: number;
  /** The last attempt this job gets; a RetryLaterError on it fails the job. */
  maxAttempts: number;
  /** Aborted on timeout or shutdown; pass it to everything that can wait. */
  signal: AbortSignal;
  reportProgress(progress: JobProgress): Promise<void>;
}

/** Each job kind is an id, a payload schema and a handler. */
export interface JobKind<P = unknown, R = unknown> {
  kind: string;
  payloadSchema: z.ZodType<P>;
  handle(payload: P, context: JobContext): Promise<R>;
}

/** A job as it ended (finished or failed), as the hooks that run when a job ends see it. */
export interface EndedJob {
  id: string;
  kind: string;
  status: "finished" | "failed";
  payload: unknown;
  result: unknown;
  error: string | null;
  userId: number | null;
  apiKeyId: string | null;
  callbackUrl: string | null;
}

/**
 * Runs in the transaction that ends a job, so what it writes (a webhook delivery, say) exists if and
 * only if the job really ended. A hook that throws is rolled back alone; the job still ends.
 */
export type JobEndedHook = (db: Queryable, job: EndedJob) => Promise<void>;

export function defineJobKind<P, R>(definition: JobKind<P, R>): JobKind<P, R> {
  return definition;
}

import type { z } from "zod";

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

export function defineJobKind<P, R>(definition: JobKind<P, R>): JobKind<P, R> {
  return definition;
}

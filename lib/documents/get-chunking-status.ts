import type { Queryable } from "../db";
import { getJobStatus } from "../jobs/get-job-status";
import type { IngestResult } from "./ingest-result";

/** EduMate's `/chunking/status` shapes; `chunked` carries the ingest result. */
export type ChunkingStatusResponse =
  | { status: null }
  | { status: "queued" }
  | { status: "started" }
  | { status: "chunked"; result: IngestResult }
  | { status: "failed"; error: string }
  | { status: "canceled" };

/** The status of an ingest job; a generation job's id (or any other) is unknown here: `{status: null}`. */
export async function getChunkingStatus(db: Queryable, jobId: unknown): Promise<ChunkingStatusResponse> {
  const job = await getJobStatus(db, jobId, ["ingest"]);
  switch (job.status) {
    case "finished":
      return { status: "chunked", result: job.result as IngestResult };
    case "started":
      return { status: "started" };
    default:
      return job;
  }
}

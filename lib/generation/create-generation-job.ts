import type { Queryable } from "../db";
import { enqueueJob } from "../jobs/enqueue-job";
import { generateJob } from "./generate-job";
import type { GenerateRequest } from "./generate-request";

/** Queues a generation job for a validated request and returns its id. */
export async function createGenerationJob(db: Queryable, request: GenerateRequest): Promise<{ jobId: string }> {
  const { id } = await enqueueJob(db, generateJob, {
    text: request.text,
    title: request.title,
    counts: request.blooms,
    seed: request.seed ?? 0,
    exclude: request.exclude ?? [],
  });
  return { jobId: id };
}

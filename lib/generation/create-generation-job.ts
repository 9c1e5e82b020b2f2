import type { Queryable } from "../db";
import { resolveDocumentSource } from "../documents/generation-source";
import { AppError } from "../errors";
import { enqueueJob } from "../jobs/enqueue-job";
import type { CallbackOptions } from "../webhooks/callback-url";
import { generateJob } from "./generate-job";
import type { GenerateRequest, GeneratorName } from "./generate-request";
import { readLlmConfig } from "./llm/llm-config";

/**
 * Queues a generation job for a validated request and returns its id. A signed-in caller's id is
 * recorded on the job, so only they (or an anonymous job's holder) can save it to an account.
 * Uploaded documents are resolved now: an unknown one is a 404, one still being read a 409.
 */
export async function createGenerationJob(
  db: Queryable,
  request: GenerateRequest,
  { userId, ...callback }: { userId?: number } & CallbackOptions = {},
): Promise<{ jobId: string }> {
  const payload = {
    ...(request.text !== undefined ? { text: request.text } : { documents: await resolveDocumentSource(db, request, userId) }),
    title: request.title,
    counts: request.blooms,
    seed: request.seed ?? 0,
    exclude: request.exclude ?? [],
    generator: chooseGenerator(request.generator),
  };
  const { id } = await enqueueJob(db, generateJob, payload, { userId, ...callback });
  return { jobId: id };
}

/** The language model when one is configured, unless the request says otherwise. */
export function chooseGenerator(requested: GeneratorName | undefined): GeneratorName {
  const isLlmConfigured = readLlmConfig() !== null;
  // Asking for a model the server does not have is the caller's mistake: a 400 now, not a failed job later.
  if (requested === "llm" && !isLlmConfigured) {
    const message = 'generator "llm" is not available: no language model is configured on this server';
    throw new AppError("bad_request", message, { issues: [{ path: "generator", message }] });
  }
  return requested ?? (isLlmConfigured ? "llm" : "builtin");
}

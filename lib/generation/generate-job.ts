import { z } from "zod";
import { documentSourceSchema, retrieveForGeneration } from "../documents/generation-source";
import { defineJobKind } from "../jobs/types";
import { BLOOM_LEVELS, type BloomCounts } from "./blooms";
import { generatorNameSchema, type GeneratorName } from "./generate-request";
import type { GenerationContext, GenerationInput } from "./generator";
import { readLlmConfig } from "./llm/llm-config";
import { generationResultSchema, type GenerationResult } from "./mcq";

const countsSchema = z.object(
  Object.fromEntries(BLOOM_LEVELS.map((level) => [level, z.number().int().min(0).max(100)])) as Record<
    keyof BloomCounts,
    z.ZodNumber
  >,
);

export const generatePayloadSchema = z
  .object({
    /** Pasted material, or… */
    text: z.string().min(1).optional(),
    /** …uploaded documents to retrieve passages from when the job runs. */
    documents: documentSourceSchema.optional(),
    title: z.string().optional(),
    counts: countsSchema,
    seed: z.number().int().default(0),
    exclude: z.array(z.string()).default([]),
    /** Chosen when the job was queued; absent in jobs queued before there was a choice. */
    generator: generatorNameSchema.optional(),
  })
  .refine((payload) => (payload.text === undefined) !== (payload.documents === undefined), "give text or documents");
export type GeneratePayload = z.input<typeof generatePayloadSchema>;

/** Generates the requested questions from pasted material or from passages of uploaded documents. */
export const generateJob = defineJobKind({
  kind: "generate",
  payloadSchema: generatePayloadSchema,
  async handle(payload, context): Promise<GenerationResult> {
    await context.reportProgress({ done: 0, total: totalOf(payload.counts), stage: "reading material" });
    const result = await runGenerator(
      payload.generator ?? (readLlmConfig() ? "llm" : "builtin"),
      context.jobId,
      {
        passages: payload.documents
          ? await retrieveForGeneration(payload.documents, totalOf(payload.counts))
          : [{ text: payload.text ?? "" }],
        title: payload.title,
        counts: payload.counts,
        seed: payload.seed,
        exclude: payload.exclude,
      },
      { signal: context.signal, onProgress: (progress) => context.reportProgress(progress) },
    );
    // Whatever a generator returns is checked against the contract before anyone sees it.
    return generationResultSchema.parse(result);
  },
});

// Each generator is loaded on first use: the built-in one's NLP model is large, and request-only
// instances need neither.
async function runGenerator(name: GeneratorName, jobId: string, input: GenerationInput, context: GenerationContext): Promise<GenerationResult> {
  if (name === "llm") {
    const { generateForJob } = await import("./llm");
    return generateForJob(jobId, input, context);
  }
  const { generateBuiltin } = await import("./builtin");
  return generateBuiltin(input, context);
}

function totalOf(counts: BloomCounts): number {
  return BLOOM_LEVELS.reduce((sum, level) => sum + counts[level], 0);
}

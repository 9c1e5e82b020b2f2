import { getPool } from "@/lib/db";
import type { GenerationContext, GenerationInput } from "@/lib/generation/generator";
import type { GenerationResult } from "@/lib/generation/mcq";
import { JobFailedError } from "@/lib/jobs/job-errors";
import { describeError, log } from "@/lib/log";
import { createLlmGenerator } from "./create-llm-generator";
import { getConfiguredLlmProvider } from "./llm-provider";
import { recordJobUsage } from "./record-job-usage";
import { UsageMeter } from "./usage-meter";

/**
 * Runs the configured language model for one job and records its token usage on the job's row,
 * whether the job succeeds or not: tokens spent on a failed job cost the same.
 */
export async function generateForJob(jobId: string, input: GenerationInput, context: GenerationContext): Promise<GenerationResult> {
  const provider = getConfiguredLlmProvider();
  if (!provider) {
    throw new JobFailedError("This job asks for the language model, but none is configured on the server (LLM_BASE_URL and LLM_MODEL).");
  }
  const meter = new UsageMeter(provider.config.model);
  try {
    return await createLlmGenerator(provider, { meter })(input, context);
  } finally {
    if (meter.hasCalls) {
      await recordJobUsage(await getPool(), jobId, meter.snapshot()).catch((error) =>
        log.warn("could not record language model usage", { job: jobId, ...describeError(error) }),
      );
    }
  }
}

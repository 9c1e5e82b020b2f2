import type { Queryable } from "@/lib/db";
import type { LlmUsage } from "./usage-meter";

/**
 * Adds a run's token usage to its job row. Usage is added, not replaced, so a job retried on
 * another instance shows what all its attempts cost; the model is the one of the latest attempt.
 */
export async function recordJobUsage(db: Queryable, jobId: string, usage: LlmUsage): Promise<void> {
  await db.query(
    `UPDATE jobs SET usage = jsonb_build_object(
       'model', $2::text,
       'calls', COALESCE((usage->>'calls')::int, 0) + $3,
       'prompt_tokens', COALESCE((usage->>'prompt_tokens')::int, 0) + $4,
       'completion_tokens', COALESCE((usage->>'completion_tokens')::int, 0) + $5)
     WHERE id = $1`,
    [jobId, usage.model, usage.calls, usage.prompt_tokens, usage.completion_tokens],
  );
}

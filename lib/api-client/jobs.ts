import { queryOptions } from "@tanstack/react-query";
import type { BloomCounts } from "@/lib/generation/blooms";
import type { JobStatusResponse } from "@/lib/jobs/get-job-status";

export const TERMINAL_JOB_STATUSES = new Set<JobStatusResponse["status"]>(["finished", "failed", "canceled", null]);

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

async function readError(response: Response): Promise<ApiError> {
  const body = await response.json().catch(() => null);
  const message = body?.error?.message ?? body?.detail ?? `Request failed (${response.status})`;
  return new ApiError(typeof message === "string" ? message : "Request failed", response.status);
}

/** What to ask about: pasted text, or an uploaded document (optionally focused by a query). */
export type GenerationMaterial = { text: string } | { document_id: string; query?: string };

export async function startGeneration(input: GenerationMaterial & { title?: string; blooms: BloomCounts }): Promise<string> {
  const response = await fetch("/api/generate", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(input),
  });
  if (!response.ok) throw await readError(response);
  const body = (await response.json()) as { job_id: string };
  return body.job_id;
}

export async function fetchJobStatus(jobId: string): Promise<JobStatusResponse> {
  const response = await fetch(`/api/job_status?job_id=${encodeURIComponent(jobId)}`, { cache: "no-store" });
  if (!response.ok) throw await readError(response);
  return (await response.json()) as JobStatusResponse;
}

/**
 * Queues more questions from the material of an unsaved result (`job_id`) or a saved assessment
 * (`assessment_id`), avoiding `exclude` and the stems the server already knows. Returns the job id.
 */
export async function generateMore(
  input: ({ job_id: string } | { assessment_id: number }) & { blooms: Partial<BloomCounts>; exclude: string[] },
): Promise<string> {
  const response = await fetch("/api/assessments/generate-more", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(input),
  });
  if (!response.ok) throw await readError(response);
  const body = (await response.json()) as { job_id: string };
  return body.job_id;
}

/** Polls about every second while a job runs, every 5 s after a minute, and stops at a terminal status. */
export function jobStatusQuery(jobId: string, watchingSince: number) {
  return queryOptions({
    queryKey: ["job-status", jobId],
    queryFn: () => fetchJobStatus(jobId),
    refetchInterval: (query) => {
      const data = query.state.data;
      if (data && TERMINAL_JOB_STATUSES.has(data.status)) return false;
      return Date.now() - watchingSince > 60_000 ? 5_000 : 1_000;
    },
  });
}

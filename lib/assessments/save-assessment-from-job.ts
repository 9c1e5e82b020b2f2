import type { Queryable } from "../db";
import { AppError } from "../errors";
import type { PrismaClient } from "../generated/prisma/client";
import { BLOOM_LEVELS, type BloomCounts } from "../generation/blooms";
import { generationResultSchema, type Mcq } from "../generation/mcq";
import { isUniqueViolation } from "../auth/auth-error-code";
import { MAX_TITLE_LENGTH, type SaveFromJobRequest } from "./assessment-schemas";
import { materialFromJobPayload } from "./assessment-material";
import { createAssessment } from "./create-assessment";

const DEFAULT_TITLE = "Untitled assessment";

export interface SavedFromJob {
  id: number;
  title: string;
  question_count: number;
  /** False when this user had already saved the job: the earlier assessment is returned, not a copy. */
  created: boolean;
}

function jobNotFound(): AppError {
  return new AppError("not_found", "Job not found: it does not exist, has expired, or was started by someone else");
}

/**
 * Saves a finished generation job's questions as an assessment of the owner. A job started
 * anonymously can be saved by whoever holds its id (the page keeps it across sign-in); one started
 * by another user cannot. Saving the same job twice returns the first save.
 */
export async function saveAssessmentFromJob(
  db: Queryable,
  prisma: PrismaClient,
  ownerId: number,
  request: SaveFromJobRequest,
): Promise<SavedFromJob> {
  const { rows } = await db.query<{ status: string; result: unknown; payload: Record<string, unknown>; user_id: number | null }>(
    `SELECT status, result, payload, user_id FROM jobs WHERE id = $1 AND (expires_at IS NULL OR expires_at > now())`,
    [request.job_id],
  );
  const job = rows[0];
  if (!job || (job.user_id !== null && job.user_id !== ownerId)) throw jobNotFound();
  if (job.status !== "finished") {
    throw new AppError(
      "conflict",
      job.status === "failed" || job.status === "canceled"
        ? `The job ${job.status === "failed" ? "failed" : "was cancelled"}; there is nothing to save`
        : `The job has not finished yet (status: ${job.status}); save it once it has`,
    );
  }
  const result = generationResultSchema.safeParse(job.result);
  if (!result.success) throw new AppError("conflict", "This job did not produce questions that can be saved");

  const existing = await findSaved(prisma, ownerId, request.job_id);
  if (existing) return { ...existing, created: false };
  const title = request.title ?? titleOf(job.payload);
  // The teacher's edits of the result, when they made any before saving; else the job's questions.
  const mcqs = request.mcqs ?? result.data.mcqs;
  try {
    const id = await createAssessment(prisma, ownerId, {
      title,
      bloomFactors: bloomFactorsOf(job.payload, mcqs),
      mcqs,
      sourceJobId: request.job_id,
      material: materialFromJobPayload(job.payload),
    });
    return { id, title, question_count: mcqs.length, created: true };
  } catch (error) {
    // Two saves of one job at once (a double click): the unique index lets one through.
    const saved = isUniqueViolation(error) ? await findSaved(prisma, ownerId, request.job_id) : null;
    if (saved) return { ...saved, created: false };
    throw error;
  }
}

async function findSaved(prisma: PrismaClient, ownerId: number, jobId: string) {
  const row = await prisma.assessment.findFirst({
    where: { ownerId, sourceJobId: jobId },
    select: { id: true, title: true, _count: { select: { questions: true } } },
  });
  return row ? { id: row.id, title: row.title, question_count: row._count.questions } : null;
}

/** The title the job was started with, else a placeholder the owner can rename. */
function titleOf(payload: Record<string, unknown>): string {
  const title = typeof payload.title === "string" ? payload.title.trim().slice(0, MAX_TITLE_LENGTH) : "";
  return title || DEFAULT_TITLE;
}

/** What was asked for, from the job's request; failing that, what was delivered. */
function bloomFactorsOf(payload: Record<string, unknown>, mcqs: Mcq[]): BloomCounts {
  const counts: BloomCounts = { remember: 0, understand: 0, apply: 0, analyze: 0, evaluate: 0, create: 0 };
  const requested = payload.counts as Partial<Record<string, unknown>> | undefined;
  if (requested && BLOOM_LEVELS.every((level) => typeof requested[level] === "number")) {
    for (const level of BLOOM_LEVELS) counts[level] = requested[level] as number;
    return counts;
  }
  for (const mcq of mcqs) counts[mcq.bloom_level] += 1;
  return counts;
}

import { randomInt } from "node:crypto";
import { z } from "zod";
import type { Queryable } from "../db";
import { AppError, validationError } from "../errors";
import type { PrismaClient } from "../generated/prisma/client";
import { bloomsRequirementSchema } from "../generation/blooms";
import { createGenerationJob } from "../generation/create-generation-job";
import { generateRequestSchema } from "../generation/generate-request";
import { generationResultSchema } from "../generation/mcq";
import type { CallbackOptions } from "../webhooks/callback-url";
import { assessmentNotFound } from "./assessment-not-found";
import { materialFromJobPayload, materialToGenerateFields, readStoredMaterial, type AssessmentMaterial } from "./assessment-material";

// /api/generate's own limit on `exclude`; the newest stems are the ones most worth avoiding.
const MAX_EXCLUDED = 500;

/**
 * POST /api/assessments/generate-more: more questions from the material of a saved assessment
 * (`assessment_id`) or of an unsaved result (`job_id`). "Regenerate this question" is one question
 * at its level; "add n more" is any counts. `exclude` is the stems the client holds right now.
 */
export const generateMoreRequestSchema = z.preprocess(
  // Absent counts are zero counts here, not /api/generate's default 20: "ask for at least 1 question".
  (value) => (isRecord(value) && value.blooms == null ? { ...value, blooms: {} } : value),
  z
    .object({
      assessment_id: z.number({ error: "assessment_id must be a number" }).int().positive().optional(),
      job_id: z.uuid({ error: "job_id must be the id /api/generate returned" }).optional(),
      blooms: bloomsRequirementSchema,
      exclude: z.array(z.string().max(2000)).max(MAX_EXCLUDED).default([]),
      seed: z.number().int().min(0).max(2 ** 31 - 1).optional(),
    })
    .refine((request) => (request.assessment_id === undefined) !== (request.job_id === undefined), {
      message: "give either assessment_id or job_id",
      path: ["assessment_id"],
    }),
);
export type GenerateMoreRequest = z.output<typeof generateMoreRequestSchema>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

interface Source {
  material: AssessmentMaterial;
  title?: string;
  /** Stems already in the assessment or result, which the new questions must not repeat. */
  stems: string[];
}

/**
 * Queues a generation job over the same material with a fresh seed, avoiding every stem the
 * assessment (or result) already has and every stem the client sent. Returns the new job's id.
 */
export async function generateMoreQuestions(
  db: Queryable,
  prisma: PrismaClient,
  request: GenerateMoreRequest,
  { userId, ...callback }: { userId?: number } & CallbackOptions,
): Promise<{ jobId: string }> {
  const source =
    request.assessment_id !== undefined
      ? await readAssessmentSource(prisma, userId, request.assessment_id)
      : await readJobSource(db, userId, request.job_id!);
  const exclude = [...new Set([...request.exclude, ...source.stems].map((stem) => stem.trim()).filter(Boolean))].slice(-MAX_EXCLUDED);
  const parsed = generateRequestSchema.safeParse({
    ...materialToGenerateFields(source.material),
    ...(source.title ? { title: source.title.slice(0, 200) } : {}),
    blooms: request.blooms,
    // Another seed gives another selection: the point of asking again.
    seed: request.seed ?? randomInt(1, 2 ** 31 - 1),
    exclude,
  });
  if (!parsed.success) throw validationError(parsed.error);
  return createGenerationJob(db, parsed.data, { userId, ...callback });
}

async function readAssessmentSource(prisma: PrismaClient, userId: number | undefined, assessmentId: number): Promise<Source> {
  if (userId === undefined) throw new AppError("unauthorized", "Not authenticated", { headers: { "WWW-Authenticate": "Bearer" } });
  const row = await prisma.assessment.findFirst({
    where: { id: assessmentId, ownerId: userId },
    select: { title: true, material: true, questions: { select: { question: true }, orderBy: { position: "asc" } } },
  });
  if (!row) throw assessmentNotFound();
  const material = readStoredMaterial(row.material);
  if (!material) {
    throw new AppError("conflict", "This assessment keeps no material to generate from: it was imported or saved without it");
  }
  return { material, title: row.title, stems: row.questions.map((question) => question.question) };
}

async function readJobSource(db: Queryable, userId: number | undefined, jobId: string): Promise<Source> {
  const { rows } = await db.query<{ payload: unknown; result: unknown; user_id: number | null }>(
    `SELECT payload, result, user_id FROM jobs
     WHERE id = $1 AND kind = 'generate' AND (expires_at IS NULL OR expires_at > now())`,
    [jobId],
  );
  const job = rows[0];
  // Same rule as saving: an anonymous job belongs to whoever holds its id, a user's job to that user.
  if (!job || (job.user_id !== null && job.user_id !== userId)) {
    throw new AppError("not_found", "Job not found: it does not exist, has expired, or was started by someone else");
  }
  const material = materialFromJobPayload(job.payload);
  if (!material) throw new AppError("conflict", "This job keeps no material to generate from");
  const result = generationResultSchema.safeParse(job.result);
  const title = (job.payload as { title?: unknown }).title;
  return {
    material,
    title: typeof title === "string" ? title : undefined,
    stems: result.success ? result.data.mcqs.map((mcq) => mcq.question) : [],
  };
}

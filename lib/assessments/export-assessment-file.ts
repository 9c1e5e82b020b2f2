import { z } from "zod";
import type { PrismaClient } from "../generated/prisma/client";
import { exportAssessment, exportFormatSchema, type ExportedFile } from "../export";
import { validationError } from "../errors";
import { getAssessment } from "./get-assessment";

/** Query of GET /api/assessments/{id}/export. */
export const exportQuerySchema = z.object({
  format: exportFormatSchema,
  paper: z.enum(["a4", "letter"]).default("a4"),
  include_bloom: z
    .enum(["true", "false", "1", "0"])
    .default("true")
    .transform((value) => value === "true" || value === "1"),
});
export type ExportQuery = z.output<typeof exportQuerySchema>;

export function parseExportQuery(searchParams: URLSearchParams): ExportQuery {
  const parsed = exportQuerySchema.safeParse(Object.fromEntries(searchParams));
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}

/** Renders one of the owner's assessments in a format; someone else's is the usual 404. */
export async function exportAssessmentFile(
  prisma: PrismaClient,
  ownerId: number,
  assessmentId: number,
  query: ExportQuery,
): Promise<ExportedFile> {
  const assessment = await getAssessment(prisma, ownerId, assessmentId);
  return exportAssessment(
    { title: assessment.title, questions: assessment.mcqs, createdAt: assessment.createdAt },
    query.format,
    { paper: query.paper, includeBloom: query.include_bloom },
  );
}

/** `attachment; filename="…"; filename*=UTF-8''…` so every browser saves it under its name. */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

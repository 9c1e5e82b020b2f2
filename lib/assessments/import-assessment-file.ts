import type { PrismaClient } from "../generated/prisma/client";
import { AppError } from "../errors";
import { BLOOM_LEVELS, type BloomCounts } from "../generation/blooms";
import { ImportError, importAssessment, type ImportIssue } from "../import";
import { createAssessment } from "./create-assessment";

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export interface ImportedAssessmentSummary {
  id: number;
  title: string;
  format: string;
  questions: number;
  warnings: ImportIssue[];
}

/**
 * Creates an assessment from a Bloomery JSON, GIFT or Aiken file. A file with problems is refused
 * whole (422, every problem with its line), so a half-imported bank never appears in the library.
 */
export async function importAssessmentFile(
  prisma: PrismaClient,
  ownerId: number,
  file: { bytes: Uint8Array; name: string; title?: string },
): Promise<ImportedAssessmentSummary> {
  let imported;
  try {
    imported = importAssessment(file.bytes, { fallbackTitle: file.title || file.name.replace(/\.[^.]+$/, "") });
  } catch (error) {
    if (error instanceof ImportError) {
      const issues = error.issues.map((issue) => ({ path: `line ${issue.line}`, message: issue.message }));
      const first = error.issues[0];
      throw new AppError(
        "unprocessable",
        `This file cannot be imported: line ${first.line}: ${first.message}${error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problems)` : ""}`,
        { issues },
      );
    }
    throw error;
  }
  if (imported.questions.length === 0) throw new AppError("unprocessable", "This file contains no questions");
  const title = file.title?.trim() || imported.title;
  const bloomFactors = Object.fromEntries(
    BLOOM_LEVELS.map((level) => [level, imported.questions.filter((mcq) => mcq.bloom_level === level).length]),
  ) as BloomCounts;
  const id = await createAssessment(prisma, ownerId, { title, bloomFactors, mcqs: imported.questions });
  return { id, title, format: imported.format, questions: imported.questions.length, warnings: imported.warnings };
}

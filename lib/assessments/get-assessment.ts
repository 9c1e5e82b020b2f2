import type { PrismaClient } from "../generated/prisma/client";
import type { BloomCounts } from "../generation/blooms";
import type { Mcq } from "../generation/mcq";
import { assessmentNotFound } from "./assessment-not-found";
import { toMcq } from "./question-mapping";

export interface AssessmentDetail {
  id: number;
  title: string;
  bloomFactors: BloomCounts;
  sourceJobId: string | null;
  /** Whether it keeps the material it was generated from, so more questions can be generated. */
  hasMaterial: boolean;
  createdAt: Date;
  updatedAt: Date;
  mcqs: (Mcq & { id: string })[];
}

/**
 * One of the owner's assessments with its questions in order. Any other id, including one that
 * belongs to someone else, is the same 404 "Assessment not found". Exports and sharing read
 * assessments through this function so that rule holds for them too.
 */
export async function getAssessment(prisma: PrismaClient, ownerId: number, id: number): Promise<AssessmentDetail> {
  const row = await prisma.assessment.findFirst({
    where: { id, ownerId },
    include: { questions: { orderBy: [{ position: "asc" }, { createdAt: "asc" }] } },
  });
  if (!row) throw assessmentNotFound();
  return {
    id: row.id,
    title: row.title,
    bloomFactors: row.bloomFactors as unknown as BloomCounts,
    sourceJobId: row.sourceJobId,
    hasMaterial: row.material !== null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    mcqs: row.questions.map(toMcq),
  };
}

/** EduMate's AssessmentDetail: `{id, chapter_name, content: {mcqs}}`. */
export function toEdumateDetail(detail: AssessmentDetail) {
  return { id: detail.id, chapter_name: detail.title, content: { mcqs: detail.mcqs } };
}

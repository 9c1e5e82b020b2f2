import { AppError } from "../errors";
import type { PrismaClient } from "../generated/prisma/client";
import type { Mcq } from "../generation/mcq";
import { MAX_QUESTIONS_PER_ASSESSMENT } from "./assessment-schemas";
import { listQuestionIds, lockOwnedAssessment, writePositions } from "./lock-owned-assessment";
import { toMcq, toQuestionData } from "./question-mapping";

/** Adds a question to one of the owner's assessments, at the end or at a 0-based position. */
export async function addQuestion(
  prisma: PrismaClient,
  ownerId: number,
  assessmentId: number,
  mcq: Mcq,
  position?: number,
): Promise<Mcq & { id: string }> {
  return prisma.$transaction(async (tx) => {
    await lockOwnedAssessment(tx, ownerId, assessmentId);
    const ids = await listQuestionIds(tx, assessmentId);
    if (ids.length >= MAX_QUESTIONS_PER_ASSESSMENT) {
      throw new AppError("conflict", `An assessment holds at most ${MAX_QUESTIONS_PER_ASSESSMENT} questions`);
    }
    const at = Math.min(position ?? ids.length, ids.length);
    const row = await tx.question.create({ data: { assessmentId, ...toQuestionData(mcq, ids.length) } });
    ids.splice(at, 0, row.id);
    await writePositions(tx, ids);
    return toMcq({ ...row, position: at });
  });
}

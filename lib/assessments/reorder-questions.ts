import { AppError } from "../errors";
import type { PrismaClient } from "../generated/prisma/client";
import { listQuestionIds, lockOwnedAssessment, writePositions } from "./lock-owned-assessment";

/**
 * Puts the questions of one of the owner's assessments in the given order. The list must name
 * every question exactly once, so a client working from a stale copy cannot drop or duplicate one.
 */
export async function reorderQuestions(prisma: PrismaClient, ownerId: number, assessmentId: number, questionIds: string[]): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await lockOwnedAssessment(tx, ownerId, assessmentId);
    const current = await listQuestionIds(tx, assessmentId);
    const wanted = new Set(questionIds);
    const isPermutation =
      wanted.size === questionIds.length && questionIds.length === current.length && current.every((id) => wanted.has(id));
    if (!isPermutation) {
      throw new AppError(
        "bad_request",
        `question_ids must list each of this assessment's ${current.length} questions exactly once`,
      );
    }
    await writePositions(tx, questionIds);
  });
}

import type { PrismaClient } from "../generated/prisma/client";
import { listQuestionIds, lockOwnedAssessment, writePositions } from "./lock-owned-assessment";
import { questionNotFound } from "./update-question";

/** Deletes one question of one of the owner's assessments and closes the gap it leaves. */
export async function deleteQuestion(prisma: PrismaClient, ownerId: number, assessmentId: number, questionId: string): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await lockOwnedAssessment(tx, ownerId, assessmentId);
    const { count } = await tx.question.deleteMany({ where: { id: questionId, assessmentId } });
    if (count === 0) throw questionNotFound();
    await writePositions(tx, await listQuestionIds(tx, assessmentId));
  });
}

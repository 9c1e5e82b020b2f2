import type { Prisma } from "../generated/prisma/client";
import { assessmentNotFound } from "./assessment-not-found";

/**
 * Inside a transaction: locks one of the owner's assessments so concurrent edits to its questions
 * run one after another and positions stay a clean 0…n-1, and marks it updated. 404 otherwise.
 */
export async function lockOwnedAssessment(tx: Prisma.TransactionClient, ownerId: number, id: number): Promise<void> {
  const rows = await tx.$queryRaw<{ id: number }[]>`
    SELECT id FROM assessments WHERE id = ${id} AND owner_id = ${ownerId} FOR UPDATE`;
  if (rows.length === 0) throw assessmentNotFound();
  await tx.assessment.update({ where: { id }, data: { updatedAt: new Date() } });
}

/** Rewrites positions to 0…n-1 in the given order. */
export async function writePositions(tx: Prisma.TransactionClient, questionIds: string[]): Promise<void> {
  if (questionIds.length === 0) return;
  await tx.$executeRaw`
    UPDATE questions SET position = ordered.position - 1, updated_at = now()
    FROM unnest(${questionIds}::uuid[]) WITH ORDINALITY AS ordered(id, position)
    WHERE questions.id = ordered.id AND questions.position <> ordered.position - 1`;
}

export async function listQuestionIds(tx: Prisma.TransactionClient, assessmentId: number): Promise<string[]> {
  const rows = await tx.question.findMany({
    where: { assessmentId },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: { id: true },
  });
  return rows.map((row) => row.id);
}

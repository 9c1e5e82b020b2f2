import type { PrismaClient } from "../generated/prisma/client";
import { assessmentNotFound } from "./assessment-not-found";

/** Deletes one of the owner's assessments and, by cascade, its questions. */
export async function deleteAssessment(prisma: PrismaClient, ownerId: number, id: number): Promise<void> {
  const { count } = await prisma.assessment.deleteMany({ where: { id, ownerId } });
  if (count === 0) throw assessmentNotFound();
}

import type { PrismaClient } from "../generated/prisma/client";
import { assessmentNotFound } from "./assessment-not-found";

/** Renames one of the owner's assessments. */
export async function renameAssessment(prisma: PrismaClient, ownerId: number, id: number, title: string): Promise<void> {
  const { count } = await prisma.assessment.updateMany({ where: { id, ownerId }, data: { title } });
  if (count === 0) throw assessmentNotFound();
}

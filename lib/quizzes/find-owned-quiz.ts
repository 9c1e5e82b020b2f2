import { assessmentNotFound } from "../assessments/assessment-not-found";
import { AppError } from "../errors";
import type { PrismaClient, Quiz } from "../generated/prisma/client";

export function quizNotShared(): AppError {
  return new AppError("not_found", "This assessment has not been shared as a quiz yet");
}

/**
 * The quiz of one of the owner's assessments. Someone else's assessment is "Assessment not found",
 * exactly as for every other assessment route; one never published is "not shared yet".
 */
export async function findOwnedQuiz(prisma: PrismaClient, ownerId: number, assessmentId: number): Promise<Quiz> {
  const assessment = await prisma.assessment.findFirst({ where: { id: assessmentId, ownerId }, select: { id: true, quiz: true } });
  if (!assessment) throw assessmentNotFound();
  if (!assessment.quiz) throw quizNotShared();
  return assessment.quiz;
}

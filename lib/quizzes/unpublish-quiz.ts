import type { PrismaClient } from "../generated/prisma/client";
import { findOwnedQuiz } from "./find-owned-quiz";
import { getQuizShare, type QuizShareView } from "./get-quiz-share";

/**
 * Stops sharing: the link and code then say the quiz is closed, and nothing more is started, saved
 * or submitted. Attempts and results stay; publishing again reopens the same link.
 */
export async function unpublishQuiz(
  prisma: PrismaClient,
  ownerId: number,
  assessmentId: number,
  { baseUrl = null as string | null, now = new Date() } = {},
): Promise<QuizShareView> {
  const quiz = await findOwnedQuiz(prisma, ownerId, assessmentId);
  await prisma.quiz.update({ where: { id: quiz.id }, data: { isPublished: false } });
  return getQuizShare(prisma, ownerId, assessmentId, { baseUrl, now });
}

import type { PrismaClient } from "../generated/prisma/client";
import { findOwnedQuiz } from "./find-owned-quiz";
import { getQuizShare, readQuizSettings, type QuizShareView } from "./get-quiz-share";
import { mergeQuizSettings, toSettingsColumns } from "./merge-quiz-settings";
import type { QuizSettingsInput } from "./quiz-schemas";

/**
 * Changes how a shared quiz behaves (closing time, review, retakes, shuffling) without publishing
 * the questions again. Attempts already started keep the order they were given.
 */
export async function updateQuizSettings(
  prisma: PrismaClient,
  ownerId: number,
  assessmentId: number,
  input: QuizSettingsInput,
  { baseUrl = null as string | null, now = new Date() } = {},
): Promise<QuizShareView> {
  const quiz = await findOwnedQuiz(prisma, ownerId, assessmentId);
  const settings = mergeQuizSettings(readQuizSettings(quiz), input, now);
  await prisma.quiz.update({ where: { id: quiz.id }, data: toSettingsColumns(settings) });
  return getQuizShare(prisma, ownerId, assessmentId, { baseUrl, now });
}

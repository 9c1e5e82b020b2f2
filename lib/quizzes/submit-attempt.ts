import type { PrismaClient } from "../generated/prisma/client";
import type { AttemptView } from "./attempt-view";
import { loadAttempt, viewLoadedAttempt } from "./load-attempt";
import type { SubmitAttemptRequest } from "./quiz-schemas";
import { assertQuizOpen } from "./quiz-state";
import { resolveAnswer } from "./resolve-answer";
import { alreadySubmitted } from "./save-answer";

/**
 * Hands an attempt in: saves any answers sent with it, scores it against the version it was taken
 * on, and returns the result (and the review, when the owner allows it now). Once only; never on a
 * closed or unpublished quiz.
 */
export async function submitAttempt(
  prisma: PrismaClient,
  rawKey: string,
  attemptToken: string,
  request: SubmitAttemptRequest,
  now = new Date(),
): Promise<AttemptView> {
  const loaded = await loadAttempt(prisma, rawKey, attemptToken);
  if (loaded.attempt.submittedAt) throw alreadySubmitted();
  assertQuizOpen(loaded.quiz, now);
  const given = Object.entries(request.answers ?? {}).map(([questionId, shown]) => ({
    questionId,
    optionIndex: resolveAnswer(loaded, questionId, shown),
  }));
  const attemptId = loaded.attempt.id;
  await prisma.$transaction(async (tx) => {
    // The row lock orders this after any answer still being written, and refuses a second submit.
    const locked = await tx.$queryRaw<{ submitted_at: Date | null }[]>`
      SELECT submitted_at FROM quiz_attempts WHERE id = ${attemptId}::uuid FOR UPDATE`;
    if (locked[0]?.submitted_at) throw alreadySubmitted();
    for (const answer of given) {
      await tx.quizAnswer.upsert({
        where: { attemptId_questionId: { attemptId, questionId: answer.questionId } },
        create: { attemptId, questionId: answer.questionId, optionIndex: answer.optionIndex, answeredAt: now },
        update: { optionIndex: answer.optionIndex, answeredAt: now },
      });
    }
    const answers = await tx.quizAnswer.findMany({ where: { attemptId } });
    const keys = new Map(loaded.questions.map((question) => [question.id, question.correct_index]));
    const score = answers.filter((answer) => keys.get(answer.questionId) === answer.optionIndex).length;
    await tx.quizAttempt.update({ where: { id: attemptId }, data: { submittedAt: now, score } });
  });
  return viewLoadedAttempt(await loadAttempt(prisma, rawKey, attemptToken), now);
}

import { AppError } from "../errors";
import type { PrismaClient } from "../generated/prisma/client";
import { loadAttempt } from "./load-attempt";
import { assertQuizOpen } from "./quiz-state";
import { resolveAnswer } from "./resolve-answer";

export interface SavedAnswer {
  question_id: string;
  option: number;
  answered_at: string;
  answered_count: number;
}

export function alreadySubmitted(): AppError {
  return new AppError("conflict", "This attempt was already submitted; its answers can no longer change");
}

/**
 * Keeps one answer the moment it is given, replacing an earlier choice for the same question, so
 * a reload or a lost connection loses nothing that reached the server.
 */
export async function saveAnswer(
  prisma: PrismaClient,
  rawKey: string,
  attemptToken: string,
  questionId: string,
  shownOption: number,
  now = new Date(),
): Promise<SavedAnswer> {
  const loaded = await loadAttempt(prisma, rawKey, attemptToken);
  if (loaded.attempt.submittedAt) throw alreadySubmitted();
  assertQuizOpen(loaded.quiz, now);
  const optionIndex = resolveAnswer(loaded, questionId, shownOption);
  // FOR SHARE holds off a submission until this answer is in, and makes this write see one that won.
  const rows = await prisma.$queryRaw<{ answered_at: Date; answered_count: number }[]>`
    WITH target AS (
      SELECT id FROM quiz_attempts WHERE id = ${loaded.attempt.id}::uuid AND submitted_at IS NULL FOR SHARE
    ), saved AS (
      INSERT INTO quiz_answers (attempt_id, question_id, option_index, answered_at)
      SELECT id, ${questionId}, ${optionIndex}, ${now} FROM target
      ON CONFLICT (attempt_id, question_id) DO UPDATE SET option_index = EXCLUDED.option_index, answered_at = EXCLUDED.answered_at
      RETURNING answered_at
    )
    SELECT saved.answered_at,
           (SELECT count(*)::int FROM quiz_answers WHERE attempt_id = ${loaded.attempt.id}::uuid AND question_id <> ${questionId}) + 1 AS answered_count
    FROM saved`;
  if (rows.length === 0) throw alreadySubmitted();
  return { question_id: questionId, option: shownOption, answered_at: rows[0].answered_at.toISOString(), answered_count: rows[0].answered_count };
}

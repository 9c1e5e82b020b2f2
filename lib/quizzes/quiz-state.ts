import { AppError } from "../errors";
import type { ReviewPolicy } from "./quiz-schemas";

/** The columns that decide whether a quiz takes answers and shows its key. */
export interface QuizStateFields {
  isPublished: boolean;
  closesAt: Date | null;
  reviewPolicy: ReviewPolicy;
  reviewAt: Date | null;
}

export type ClosedReason = "unpublished" | "past_closing_time";

/** Why a quiz takes no attempts or answers now, or null when it is open. */
export function getClosedReason(quiz: QuizStateFields, now: Date): ClosedReason | null {
  if (!quiz.isPublished) return "unpublished";
  if (quiz.closesAt && quiz.closesAt.getTime() <= now.getTime()) return "past_closing_time";
  return null;
}

export function describeClosedQuiz(quiz: QuizStateFields, reason: ClosedReason): string {
  return reason === "unpublished"
    ? "This quiz is closed: its teacher is no longer sharing it."
    : `This quiz closed at ${quiz.closesAt!.toISOString()}.`;
}

/** A 409 naming why, for starting, answering or submitting a quiz that is closed. */
export function assertQuizOpen(quiz: QuizStateFields, now: Date): void {
  const reason = getClosedReason(quiz, now);
  if (reason) throw new AppError("conflict", describeClosedQuiz(quiz, reason));
}

/** Whether a submitted attempt may see the correct options and explanations now. */
export function isReviewAvailable(quiz: QuizStateFields, now: Date): boolean {
  if (quiz.reviewPolicy === "after_submit") return true;
  if (quiz.reviewPolicy === "after_date") return quiz.reviewAt !== null && quiz.reviewAt.getTime() <= now.getTime();
  return false;
}

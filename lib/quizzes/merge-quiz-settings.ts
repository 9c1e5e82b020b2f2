import { AppError, type ErrorIssue } from "../errors";
import type { QuizSettings, QuizSettingsInput } from "./quiz-schemas";

/**
 * The settings after a change: what the request names replaces what was there. Refuses a
 * combination that cannot work, naming the field, so a form can show the problem beside it.
 */
export function mergeQuizSettings(current: QuizSettings, input: QuizSettingsInput, now: Date): QuizSettings {
  const merged: QuizSettings = {
    shuffleQuestions: input.shuffle_questions ?? current.shuffleQuestions,
    shuffleOptions: input.shuffle_options ?? current.shuffleOptions,
    reviewPolicy: input.review ?? current.reviewPolicy,
    reviewAt: input.review_at !== undefined ? input.review_at : current.reviewAt,
    allowsRetakes: input.allows_retakes ?? current.allowsRetakes,
    closesAt: input.closes_at !== undefined ? input.closes_at : current.closesAt,
  };
  const issues: ErrorIssue[] = [];
  if (merged.reviewPolicy === "after_date" && !merged.reviewAt) {
    issues.push({ path: "review_at", message: "review_at is required when review is after_date: say when takers may see the answers" });
  }
  if (input.closes_at && input.closes_at.getTime() <= now.getTime()) {
    issues.push({ path: "closes_at", message: "closes_at is in the past; to close the quiz now, unpublish it" });
  }
  if (issues.length > 0) throw new AppError("bad_request", issues.map((issue) => issue.message).join("; "), { issues });
  // A date only means something with the policy that uses it.
  if (merged.reviewPolicy !== "after_date") merged.reviewAt = null;
  return merged;
}

/** The columns of quizzes that hold the settings. */
export function toSettingsColumns(settings: QuizSettings) {
  return {
    shuffleQuestions: settings.shuffleQuestions,
    shuffleOptions: settings.shuffleOptions,
    reviewPolicy: settings.reviewPolicy,
    reviewAt: settings.reviewAt,
    allowsRetakes: settings.allowsRetakes,
    closesAt: settings.closesAt,
  };
}

import type { QuizSettingsView } from "@/lib/quizzes/api-client";

/** The settings form's state: dates as the browser's datetime-local text ("2026-12-01T09:00"). */
export interface SettingsDraft {
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
  review: QuizSettingsView["review"];
  reviewAt: string;
  allowsRetakes: boolean;
  closesAt: string;
}

export const DEFAULT_DRAFT: SettingsDraft = {
  shuffleQuestions: false,
  shuffleOptions: false,
  review: "after_submit",
  reviewAt: "",
  allowsRetakes: false,
  closesAt: "",
};

/** An ISO instant as the local wall-clock text a datetime-local input shows. */
function toLocalInput(iso: string | null): string {
  if (!iso) return "";
  const date = new Date(iso);
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

export function toDraft(settings: QuizSettingsView): SettingsDraft {
  return {
    shuffleQuestions: settings.shuffle_questions,
    shuffleOptions: settings.shuffle_options,
    review: settings.review,
    reviewAt: toLocalInput(settings.review_at),
    allowsRetakes: settings.allows_retakes,
    closesAt: toLocalInput(settings.closes_at),
  };
}

/** The draft as the API takes it; a datetime-local value is read in the teacher's own time zone. */
export function toSettingsChange(draft: SettingsDraft): Partial<QuizSettingsView> {
  return {
    shuffle_questions: draft.shuffleQuestions,
    shuffle_options: draft.shuffleOptions,
    review: draft.review,
    review_at: draft.review === "after_date" && draft.reviewAt ? new Date(draft.reviewAt).toISOString() : null,
    allows_retakes: draft.allowsRetakes,
    closes_at: draft.closesAt ? new Date(draft.closesAt).toISOString() : null,
  };
}

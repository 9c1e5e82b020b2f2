"use client";

import { inputClasses } from "@/components/auth/form-field";
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

const REVIEW_CHOICES: { value: QuizSettingsView["review"]; label: string }[] = [
  { value: "after_submit", label: "As soon as they submit" },
  { value: "after_date", label: "From a date I choose" },
  { value: "never", label: "Never (score only)" },
];

const checkboxClasses = "h-5 w-5 shrink-0 accent-indigo-600 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500";
const legendClasses = "mb-2 text-sm font-semibold";

/** The owner's choices for a shared quiz, as labelled native controls with errors beside their field. */
export function QuizSettingsFields({
  draft,
  onChange,
  errors,
  disabled,
}: {
  draft: SettingsDraft;
  onChange: (draft: SettingsDraft) => void;
  errors: Partial<Record<"review_at" | "closes_at", string>>;
  disabled?: boolean;
}) {
  const set = <K extends keyof SettingsDraft>(key: K, value: SettingsDraft[K]) => onChange({ ...draft, [key]: value });
  return (
    <div className="grid gap-5 sm:grid-cols-2">
      <fieldset disabled={disabled}>
        <legend className={legendClasses}>Order</legend>
        <div className="space-y-2">
          <label className="flex items-center gap-2">
            <input type="checkbox" className={checkboxClasses} checked={draft.shuffleQuestions} onChange={(e) => set("shuffleQuestions", e.target.checked)} />
            Shuffle the questions for each taker
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" className={checkboxClasses} checked={draft.shuffleOptions} onChange={(e) => set("shuffleOptions", e.target.checked)} />
            Shuffle the options for each taker
          </label>
        </div>
      </fieldset>

      <fieldset disabled={disabled}>
        <legend className={legendClasses}>Attempts</legend>
        <div className="space-y-2">
          <label className="flex items-center gap-2">
            <input type="radio" name="attempts" className={checkboxClasses} checked={!draft.allowsRetakes} onChange={() => set("allowsRetakes", false)} />
            One per browser
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="attempts" className={checkboxClasses} checked={draft.allowsRetakes} onChange={() => set("allowsRetakes", true)} />
            As many as they like
          </label>
        </div>
      </fieldset>

      <fieldset disabled={disabled}>
        <legend className={legendClasses}>Show correct answers and explanations</legend>
        <div className="space-y-2">
          {REVIEW_CHOICES.map((choice) => (
            <label key={choice.value} className="flex items-center gap-2">
              <input type="radio" name="review" className={checkboxClasses} checked={draft.review === choice.value} onChange={() => set("review", choice.value)} />
              {choice.label}
            </label>
          ))}
        </div>
        {draft.review === "after_date" && (
          <div className="mt-3">
            <label htmlFor="review-at" className="block text-sm font-semibold">
              Show answers from
            </label>
            <input
              id="review-at"
              type="datetime-local"
              value={draft.reviewAt}
              onChange={(e) => set("reviewAt", e.target.value)}
              aria-invalid={errors.review_at ? true : undefined}
              aria-describedby={errors.review_at ? "review-at-error" : undefined}
              className={inputClasses}
            />
            {errors.review_at && (
              <p id="review-at-error" className="mt-1 text-sm text-red-700 dark:text-red-400">
                ⚠ {errors.review_at}
              </p>
            )}
          </div>
        )}
      </fieldset>

      <div>
        <label htmlFor="closes-at" className="block text-sm font-semibold">
          Closes at (optional)
        </label>
        <input
          id="closes-at"
          type="datetime-local"
          value={draft.closesAt}
          disabled={disabled}
          onChange={(e) => set("closesAt", e.target.value)}
          aria-invalid={errors.closes_at ? true : undefined}
          aria-describedby={errors.closes_at ? "closes-at-error closes-at-hint" : "closes-at-hint"}
          className={inputClasses}
        />
        <p id="closes-at-hint" className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Leave empty to keep it open until you unpublish it.
        </p>
        {errors.closes_at && (
          <p id="closes-at-error" className="mt-1 text-sm text-red-700 dark:text-red-400">
            ⚠ {errors.closes_at}
          </p>
        )}
      </div>
    </div>
  );
}

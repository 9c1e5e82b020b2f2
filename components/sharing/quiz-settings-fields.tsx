"use client";

import { inputClasses } from "@/components/auth/form-field";
import type { QuizSettingsView } from "@/lib/quizzes/api-client";
import type { SettingsDraft } from "./settings-draft";

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

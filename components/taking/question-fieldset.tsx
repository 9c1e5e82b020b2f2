"use client";

import type { Ref } from "react";
import { BloomBadge } from "@/components/quiz/bloom-badge";
import type { AttemptView } from "@/lib/quizzes/api-client";
import { optionLetter } from "@/lib/quizzes/describe-statistics";

type Question = AttemptView["questions"][number];

/**
 * One question as native radio buttons in a fieldset: arrow keys move between options, the
 * question is the group's name for screen readers, and the chosen option is marked by the radio
 * itself and a border, never by colour alone.
 */
export function QuestionFieldset({
  question,
  total,
  answer,
  isPending,
  onChoose,
  headingRef,
  disabled = false,
}: {
  question: Question;
  total: number;
  answer: number | undefined;
  isPending: boolean;
  onChoose: (option: number) => void;
  headingRef?: Ref<HTMLHeadingElement>;
  disabled?: boolean;
}) {
  const headingId = `question-${question.id}-heading`;
  const positionId = `question-${question.id}-position`;
  return (
    <fieldset
      className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6 dark:border-slate-800 dark:bg-slate-900"
      aria-labelledby={`${positionId} ${headingId}`}
      data-testid="taker-question"
    >
      <div className="mb-4 flex flex-wrap items-start justify-between gap-2">
        <p id={positionId} className="text-sm font-medium text-slate-600 dark:text-slate-400">
          Question {question.number} of {total}
        </p>
        <BloomBadge level={question.bloom_level} />
      </div>
      <h2 id={headingId} ref={headingRef} tabIndex={-1} className="mb-4 text-lg font-semibold leading-snug focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500">
        {question.question}
      </h2>
      <div className="space-y-2">
        {question.options.map((option, index) => {
          const inputId = `question-${question.id}-option-${index}`;
          return (
            <label
              key={index}
              htmlFor={inputId}
              className="flex min-h-12 cursor-pointer items-center gap-3 rounded-lg border-2 border-slate-200 px-3 py-2 hover:bg-slate-50 has-[:checked]:border-indigo-600 has-[:checked]:bg-indigo-50 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-indigo-500 has-[:focus-visible]:ring-offset-2 dark:border-slate-700 dark:hover:bg-slate-800 dark:has-[:checked]:border-indigo-400 dark:has-[:checked]:bg-indigo-950 dark:has-[:focus-visible]:ring-offset-slate-900"
            >
              <input
                id={inputId}
                type="radio"
                name={`question-${question.id}`}
                value={index}
                checked={answer === index}
                disabled={disabled}
                onChange={() => onChoose(index)}
                className="h-5 w-5 shrink-0 accent-indigo-600 focus:outline-none"
              />
              <span className="font-semibold" aria-hidden="true">
                {optionLetter(index)}.
              </span>
              <span>{option}</span>
            </label>
          );
        })}
      </div>
      <p className="mt-3 min-h-5 text-sm text-slate-600 dark:text-slate-400">
        {answer === undefined ? "Not answered yet." : isPending ? "Answer kept on this device; sending…" : "✓ Answer saved."}
      </p>
    </fieldset>
  );
}

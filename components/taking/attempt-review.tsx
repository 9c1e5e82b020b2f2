"use client";

import { useEffect, useRef } from "react";
import { BloomBadge } from "@/components/quiz/bloom-badge";
import type { AttemptView } from "@/lib/quizzes/api-client";
import { optionLetter } from "@/lib/quizzes/describe-statistics";

function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

/**
 * After submitting: the score, how each kind of thinking went ("1 of 2 analyze questions"), and,
 * when the teacher allows it, every question with the taker's choice, the correct option and why.
 */
export function AttemptReview({ attempt, actions }: { attempt: AttemptView; actions?: React.ReactNode }) {
  const result = attempt.result!;
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Submitting replaces the questions with the result: start reading (and scrolling) from its top.
  useEffect(() => {
    headingRef.current?.focus();
    headingRef.current?.scrollIntoView({ block: "start" });
  }, []);
  return (
    <section aria-labelledby="result-heading" className="space-y-8">
      <header className="space-y-2">
        <p className="text-sm font-medium text-slate-600 dark:text-slate-400">{attempt.quiz.title}</p>
        <h1 id="result-heading" ref={headingRef} tabIndex={-1} className="text-2xl font-bold tracking-tight focus:outline-none sm:text-3xl">
          Your result, {attempt.name}
        </h1>
        <p className="text-lg" data-testid="score">
          You answered <strong>{result.score} of {result.total}</strong> questions correctly ({result.percent}%).
        </p>
        {attempt.submitted_at && <p className="text-sm text-slate-600 dark:text-slate-400">Submitted {formatDateTime(attempt.submitted_at)}.</p>}
      </header>

      <section aria-labelledby="levels-heading" className="space-y-3">
        <h2 id="levels-heading" className="text-xl font-semibold">
          By kind of thinking
        </h2>
        <ul className="space-y-3" data-testid="level-results">
          {result.by_level.map((level) => {
            const share = level.total === 0 ? 0 : level.correct / level.total;
            return (
              <li key={level.level} className="space-y-1">
                <div className="flex flex-wrap items-center gap-2">
                  <BloomBadge level={level.level} />
                  <span>
                    {level.correct} of {level.total} {level.level} question{level.total === 1 ? "" : "s"}
                  </span>
                </div>
                <div className="h-2.5 w-full max-w-md overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800" aria-hidden="true">
                  <div className="h-full rounded-full bg-indigo-600 dark:bg-indigo-400" style={{ width: `${Math.round(share * 100)}%` }} />
                </div>
              </li>
            );
          })}
        </ul>
      </section>

      {attempt.review ? (
        <section aria-labelledby="answers-heading" className="space-y-4">
          <h2 id="answers-heading" className="text-xl font-semibold">
            Your answers
          </h2>
          <ol className="space-y-4">
            {attempt.review.questions.map((question) => (
              <li key={question.id}>
                <article
                  aria-labelledby={`review-${question.id}`}
                  className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6 dark:border-slate-800 dark:bg-slate-900"
                  data-testid="review-question"
                >
                  <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
                    <p className={`font-semibold ${question.is_correct ? "text-emerald-800 dark:text-emerald-300" : "text-red-800 dark:text-red-300"}`}>
                      {question.is_correct ? "✓ Correct" : question.answer === null ? "✗ Not answered" : "✗ Incorrect"}
                    </p>
                    <BloomBadge level={question.bloom_level} />
                  </div>
                  <h3 id={`review-${question.id}`} className="mb-3 font-medium leading-snug">
                    <span className="mr-1 text-slate-600 dark:text-slate-400">{question.number}.</span> {question.question}
                  </h3>
                  <ul className="space-y-1.5">
                    {question.options.map((option, index) => {
                      const isChosen = question.answer === index;
                      const isCorrect = question.correct_option === index;
                      return (
                        <li
                          key={index}
                          className={`flex flex-wrap items-baseline gap-x-2 rounded-lg border px-3 py-2 ${
                            isCorrect
                              ? "border-emerald-400 bg-emerald-50 dark:border-emerald-700 dark:bg-emerald-950"
                              : isChosen
                                ? "border-red-300 bg-red-50 dark:border-red-800 dark:bg-red-950"
                                : "border-slate-200 dark:border-slate-800"
                          }`}
                        >
                          <span className="font-semibold">{optionLetter(index)}.</span>
                          <span>{option}</span>
                          {isChosen && <span className="ml-auto text-sm font-semibold">Your answer</span>}
                          {isCorrect && <span className={`text-sm font-semibold ${isChosen ? "" : "ml-auto"}`}>✓ Correct answer</span>}
                        </li>
                      );
                    })}
                  </ul>
                  <p className="mt-3 text-sm">
                    <span className="font-semibold">Why: </span>
                    <span data-testid="review-explanation">{question.explanation}</span>
                  </p>
                </article>
              </li>
            ))}
          </ol>
        </section>
      ) : (
        <p className="rounded-lg border border-slate-200 bg-white px-4 py-3 dark:border-slate-800 dark:bg-slate-900" data-testid="review-withheld">
          {attempt.review_status === "after_date" && attempt.review_at
            ? `Your teacher will show the correct answers and explanations from ${formatDateTime(attempt.review_at)}. Come back to this page then.`
            : "Your teacher has chosen not to show the correct answers for this quiz."}
        </p>
      )}
      {actions}
    </section>
  );
}

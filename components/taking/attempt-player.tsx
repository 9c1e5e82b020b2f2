"use client";

import { useEffect, useRef, useState } from "react";
import { FormAlert, primaryButtonClasses, secondaryButtonClasses } from "@/components/auth/form-field";
import { ApiRequestError } from "@/lib/api-client/fetch-json";
import { submitAttempt, type AttemptView } from "@/lib/quizzes/api-client";
import { QuestionFieldset } from "./question-fieldset";
import { readLayout, writeLayout, type QuizLayout } from "./taker-storage";
import { useAnswerSaver, type SaveStatus } from "./use-answer-saver";

const SAVE_MESSAGES: Record<SaveStatus, string> = {
  idle: "Your answers are saved as you choose them.",
  saving: "Saving…",
  saved: "✓ All answers saved.",
  offline: "⚠ No connection: your answers are kept on this device and will be sent when the connection returns.",
};

/**
 * Taking an attempt: one question per screen or all on one page (the taker chooses, and the choice
 * is remembered), progress, every answer saved as it is given, then submission.
 */
export function AttemptPlayer({
  quizToken,
  attempt,
  onSubmitted,
  onConflict,
}: {
  quizToken: string;
  attempt: AttemptView;
  onSubmitted: (view: AttemptView) => void;
  onConflict: (message: string) => void;
}) {
  const questions = attempt.questions;
  const total = questions.length;
  const savedAnswers = Object.fromEntries(questions.flatMap((q) => (q.answer === null ? [] : [[q.id, q.answer] as const])));
  const saver = useAnswerSaver({ quizToken, attemptToken: attempt.attempt_token, savedAnswers, onConflict });
  const [layout, setLayout] = useState<QuizLayout>("one");
  const [current, setCurrent] = useState(() => Math.max(0, questions.findIndex((q) => saver.answers[q.id] === undefined)));
  const [isConfirming, setIsConfirming] = useState(false);
  const [isSubmitting, setIsSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const hasNavigated = useRef(false);

  const titleRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => setLayout(readLayout()), []);
  // Starting replaces the form that had focus: put it on the quiz's title so reading starts there.
  useEffect(() => titleRef.current?.focus(), []);
  // Moving to another question puts the keyboard and screen reader on its text, not on the button pressed.
  useEffect(() => {
    if (hasNavigated.current) headingRef.current?.focus();
  }, [current]);

  const answered = questions.filter((q) => saver.answers[q.id] !== undefined).length;
  const unanswered = total - answered;

  function goTo(index: number) {
    const target = Math.min(Math.max(index, 0), total - 1);
    if (layout === "all") {
      document.getElementById(`question-${questions[target].id}-heading`)?.focus();
      return;
    }
    hasNavigated.current = true;
    setCurrent(target);
  }

  function changeLayout(next: QuizLayout) {
    setLayout(next);
    writeLayout(next);
  }

  async function submit() {
    if (unanswered > 0 && !isConfirming) {
      setIsConfirming(true);
      return;
    }
    setSubmitError(null);
    setIsSubmitting(true);
    try {
      // Every answer shown on screen goes with the submission, so nothing still waiting is left out.
      const view = await submitAttempt(quizToken, attempt.attempt_token, saver.answers);
      saver.clearPending();
      onSubmitted(view);
    } catch (error) {
      if (error instanceof ApiRequestError && error.status === 409) {
        onConflict(error.message);
      } else {
        setSubmitError(
          error instanceof ApiRequestError
            ? error.message
            : "Could not reach the server to submit. Your answers are kept; check your connection and press Submit again.",
        );
      }
    } finally {
      setIsSubmitting(false);
    }
  }

  const percentAnswered = total === 0 ? 0 : Math.round((answered / total) * 100);
  const question = questions[current];

  return (
    <section aria-labelledby="quiz-title" className="space-y-6">
      <header className="space-y-3">
        <h1 id="quiz-title" ref={titleRef} tabIndex={-1} className="text-2xl font-bold tracking-tight focus:outline-none sm:text-3xl">
          {attempt.quiz.title}
        </h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">Taking it as {attempt.name}.</p>
        <div className="flex items-center gap-2">
          <input
            id="layout-all"
            type="checkbox"
            checked={layout === "all"}
            onChange={(event) => changeLayout(event.target.checked ? "all" : "one")}
            className="h-5 w-5 accent-indigo-600 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500"
          />
          <label htmlFor="layout-all" className="text-sm font-medium">
            Show all questions on one page
          </label>
        </div>
      </header>

      <div>
        <p id="progress-label" className="mb-1 text-sm font-medium" data-testid="progress-text">
          {answered} of {total} answered
        </p>
        <div
          role="progressbar"
          aria-labelledby="progress-label"
          aria-valuemin={0}
          aria-valuemax={total}
          aria-valuenow={answered}
          className="h-3 w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800"
        >
          <div className="h-full rounded-full bg-indigo-600 transition-[width] dark:bg-indigo-400" style={{ width: `${percentAnswered}%` }} />
        </div>
        <p role="status" className="mt-2 text-sm text-slate-700 dark:text-slate-300" data-testid="save-status">
          {saver.problem ? `⚠ ${saver.problem}` : SAVE_MESSAGES[saver.status]}
        </p>
      </div>

      {layout === "one" && question ? (
        <>
          <QuestionFieldset
            key={question.id}
            question={question}
            total={total}
            answer={saver.answers[question.id]}
            isPending={saver.pendingIds.includes(question.id)}
            onChoose={(option) => saver.choose(question.id, option)}
            headingRef={headingRef}
            disabled={isSubmitting}
          />
          <nav aria-label="Move between questions" className="space-y-4">
            <div className="flex flex-wrap justify-between gap-3">
              <button type="button" onClick={() => goTo(current - 1)} disabled={current === 0} className={secondaryButtonClasses}>
                ← Previous question
              </button>
              <button type="button" onClick={() => goTo(current + 1)} disabled={current === total - 1} className={secondaryButtonClasses}>
                Next question →
              </button>
            </div>
            <ol className="flex flex-wrap gap-2" aria-label="All questions">
              {questions.map((q, index) => {
                const isAnswered = saver.answers[q.id] !== undefined;
                return (
                  <li key={q.id}>
                    <button
                      type="button"
                      onClick={() => goTo(index)}
                      aria-current={index === current ? "step" : undefined}
                      aria-label={`Question ${index + 1}, ${isAnswered ? "answered" : "not answered"}`}
                      className={`min-h-11 min-w-11 rounded-lg border px-2 text-sm font-semibold focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 ${
                        index === current
                          ? "border-indigo-600 bg-indigo-600 text-white dark:border-indigo-400 dark:bg-indigo-500"
                          : "border-slate-300 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
                      }`}
                    >
                      {index + 1}
                      {isAnswered ? " ✓" : ""}
                    </button>
                  </li>
                );
              })}
            </ol>
          </nav>
        </>
      ) : (
        <div className="space-y-4">
          {questions.map((q) => (
            <QuestionFieldset
              key={q.id}
              question={q}
              total={total}
              answer={saver.answers[q.id]}
              isPending={saver.pendingIds.includes(q.id)}
              onChoose={(option) => saver.choose(q.id, option)}
              disabled={isSubmitting}
            />
          ))}
        </div>
      )}

      <section aria-labelledby="submit-heading" className="rounded-xl border border-slate-200 bg-white p-4 sm:p-6 dark:border-slate-800 dark:bg-slate-900">
        <h2 id="submit-heading" className="text-lg font-semibold">
          Finished?
        </h2>
        <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
          {unanswered === 0 ? "You have answered every question." : `${unanswered} question${unanswered === 1 ? "" : "s"} not answered yet.`} Once
          submitted, answers can no longer change.
        </p>
        {isConfirming && unanswered > 0 && (
          <p role="alert" className="mb-3 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
            ⚠ {unanswered} question{unanswered === 1 ? " is" : "s are"} still unanswered and will count as wrong. Submit anyway?
          </p>
        )}
        {submitError && (
          <div className="mb-3">
            <FormAlert>{submitError}</FormAlert>
          </div>
        )}
        <div className="flex flex-wrap gap-3">
          <button type="button" onClick={() => void submit()} disabled={isSubmitting} className={primaryButtonClasses}>
            {isSubmitting ? "Submitting…" : isConfirming && unanswered > 0 ? "Submit anyway" : "Submit answers"}
          </button>
          {isConfirming && unanswered > 0 && (
            <button
              type="button"
              onClick={() => {
                setIsConfirming(false);
                goTo(questions.findIndex((q) => saver.answers[q.id] === undefined));
              }}
              className={secondaryButtonClasses}
            >
              Go to the first unanswered question
            </button>
          )}
        </div>
      </section>
    </section>
  );
}

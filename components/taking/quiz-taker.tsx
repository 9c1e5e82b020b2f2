"use client";

import { useCallback, useEffect, useState, type FormEvent } from "react";
import { FormAlert, FormField, primaryButtonClasses, secondaryButtonClasses } from "@/components/auth/form-field";
import { ApiRequestError } from "@/lib/api-client/fetch-json";
import { fetchAttempt, startAttempt, type AttemptView, type PublicQuizView } from "@/lib/quizzes/api-client";
import { AttemptPlayer } from "./attempt-player";
import { AttemptReview } from "./attempt-review";
import { readAttemptToken, readTakerKey, readTakerName, writeAttemptToken, writeTakerName } from "./taker-storage";

type Phase =
  | { kind: "loading" }
  | { kind: "start" }
  | { kind: "closed"; message: string; attempt?: AttemptView }
  | { kind: "taking"; attempt: AttemptView }
  | { kind: "done"; attempt: AttemptView }
  | { kind: "unreachable"; message: string };

const cardClasses = "rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6 dark:border-slate-800 dark:bg-slate-900";

function closedMessage(quiz: Pick<PublicQuizView, "closed_reason" | "closes_at">): string {
  return quiz.closed_reason === "past_closing_time" && quiz.closes_at
    ? `This quiz closed on ${new Date(quiz.closes_at).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" })}.`
    : "This quiz is closed: your teacher is no longer sharing it.";
}

/**
 * A quiz taker's whole visit to /q/<token>: a name, then the questions (resumed after a reload from
 * the attempt this browser keeps), then the result and review. Nothing here knows the key before
 * the server has scored the attempt.
 */
export function QuizTaker({ quiz }: { quiz: PublicQuizView }) {
  const [phase, setPhase] = useState<Phase>({ kind: "loading" });

  const show = useCallback(
    (attempt: AttemptView) => {
      if (attempt.status === "submitted") setPhase({ kind: "done", attempt });
      else if (!attempt.quiz.is_open) setPhase({ kind: "closed", message: `${closedMessage(attempt.quiz)} Your answers were kept but not submitted.`, attempt });
      else setPhase({ kind: "taking", attempt });
    },
    [],
  );

  const resume = useCallback(async () => {
    const stored = readAttemptToken(quiz.token);
    if (!stored) {
      setPhase(quiz.is_open ? { kind: "start" } : { kind: "closed", message: closedMessage(quiz) });
      return;
    }
    setPhase({ kind: "loading" });
    try {
      show(await fetchAttempt(quiz.token, stored));
    } catch (error) {
      if (error instanceof ApiRequestError && error.status === 404) {
        writeAttemptToken(quiz.token, null);
        setPhase(quiz.is_open ? { kind: "start" } : { kind: "closed", message: closedMessage(quiz) });
      } else {
        setPhase({ kind: "unreachable", message: error instanceof ApiRequestError ? error.message : "Could not reach the server to load your attempt." });
      }
    }
  }, [quiz, show]);

  useEffect(() => {
    void resume();
  }, [resume]);

  // The quiz closed or the attempt was submitted from another tab: show what the server has now.
  const onConflict = useCallback(
    (message: string) => {
      const stored = readAttemptToken(quiz.token);
      if (!stored) return setPhase({ kind: "closed", message });
      fetchAttempt(quiz.token, stored).then(show, () => setPhase({ kind: "closed", message }));
    },
    [quiz.token, show],
  );

  return (
    <main className="mx-auto max-w-2xl px-4 py-8 sm:py-10">
      {phase.kind === "loading" && (
        <p role="status" className="text-slate-600 dark:text-slate-400">
          Loading the quiz…
        </p>
      )}
      {phase.kind === "start" && (
        <StartForm
          quiz={quiz}
          onStarted={(attempt) => {
            writeAttemptToken(quiz.token, attempt.attempt_token);
            show(attempt);
          }}
          onClosed={(message) => setPhase({ kind: "closed", message })}
        />
      )}
      {phase.kind === "closed" && (
        <div className={`${cardClasses} space-y-3`} data-testid="quiz-closed">
          <p className="text-sm font-medium text-slate-600 dark:text-slate-400">{quiz.title}</p>
          <h1 className="text-2xl font-bold tracking-tight">This quiz is closed</h1>
          <p>{phase.message}</p>
        </div>
      )}
      {phase.kind === "unreachable" && (
        <div className="space-y-3">
          <FormAlert>{phase.message}</FormAlert>
          <button type="button" onClick={() => void resume()} className={secondaryButtonClasses}>
            Try again
          </button>
        </div>
      )}
      {phase.kind === "taking" && (
        <AttemptPlayer
          quizToken={quiz.token}
          attempt={phase.attempt}
          onSubmitted={(attempt) => setPhase({ kind: "done", attempt })}
          onConflict={onConflict}
        />
      )}
      {phase.kind === "done" && (
        <AttemptReview
          attempt={phase.attempt}
          actions={
            quiz.settings.allows_retakes && phase.attempt.quiz.is_open ? (
              <button
                type="button"
                onClick={() => {
                  writeAttemptToken(quiz.token, null);
                  setPhase({ kind: "start" });
                }}
                className={secondaryButtonClasses}
              >
                Take the quiz again
              </button>
            ) : null
          }
        />
      )}
    </main>
  );
}

function describeReview(quiz: PublicQuizView): string {
  if (quiz.settings.review === "after_submit") return "After submitting you see your score, the correct answers and explanations.";
  if (quiz.settings.review === "after_date" && quiz.settings.review_at) {
    return `After submitting you see your score; the correct answers follow from ${new Date(quiz.settings.review_at).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" })}.`;
  }
  return "After submitting you see your score.";
}

function StartForm({ quiz, onStarted, onClosed }: { quiz: PublicQuizView; onStarted: (attempt: AttemptView) => void; onClosed: (message: string) => void }) {
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [isStarting, setIsStarting] = useState(false);

  useEffect(() => setName(readTakerName()), []);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setFieldError(undefined);
    if (name.trim() === "") {
      setFieldError("Give a name or nickname so your teacher knows whose answers these are.");
      return;
    }
    setIsStarting(true);
    try {
      writeTakerName(name.trim());
      onStarted(await startAttempt(quiz.token, { name: name.trim(), taker_key: readTakerKey() }));
    } catch (failure) {
      if (failure instanceof ApiRequestError && failure.status === 409 && /closed/i.test(failure.message)) onClosed(failure.message);
      else if (failure instanceof ApiRequestError) {
        setFieldError(failure.issueFor("name"));
        setError(failure.issueFor("name") ? null : failure.message);
      } else setError("Could not reach the server. Check your connection and try again.");
    } finally {
      setIsStarting(false);
    }
  }

  const levels = Object.entries(quiz.bloom_counts).map(([level, count]) => `${count} ${level}`);
  return (
    <form onSubmit={onSubmit} noValidate className={`${cardClasses} space-y-5`} aria-labelledby="start-heading">
      <div className="space-y-2">
        <h1 id="start-heading" className="text-2xl font-bold tracking-tight sm:text-3xl">
          {quiz.title}
        </h1>
        <p className="text-slate-700 dark:text-slate-300">
          {quiz.question_count} question{quiz.question_count === 1 ? "" : "s"}
          {levels.length > 0 ? ` (${levels.join(", ")})` : ""}.
        </p>
      </div>
      <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700 dark:text-slate-300">
        <li>Each answer is saved as you choose it: you can close this page and come back to carry on.</li>
        <li>{quiz.settings.allows_retakes ? "You may take this quiz more than once." : "You can take this quiz once on this browser."}</li>
        <li>{describeReview(quiz)}</li>
        {quiz.closes_at && <li>It closes {new Date(quiz.closes_at).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" })}.</li>}
      </ul>
      <FormField
        id="taker-name"
        label="Your name or nickname"
        hint="Your teacher sees this name with your answers."
        value={name}
        onChange={(event) => setName(event.target.value)}
        maxLength={80}
        autoComplete="nickname"
        error={fieldError}
        required
      />
      {error && <FormAlert>{error}</FormAlert>}
      <button type="submit" disabled={isStarting} className={primaryButtonClasses}>
        {isStarting ? "Starting…" : "Start quiz"}
      </button>
    </form>
  );
}

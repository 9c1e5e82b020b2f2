import type { ReactNode } from "react";
import type { Mcq } from "@/lib/generation/mcq";
import { BloomBadge } from "./bloom-badge";

const LETTERS = ["A", "B", "C", "D"];

const GENERATORS: Record<string, string> = { builtin: "Built-in generator", llm: "Language model" };

/** Who wrote the question, in words: a generator, or the teacher when no generator is recorded. */
export function describeGenerator(generator: string | undefined): string {
  return generator ? (GENERATORS[generator] ?? generator) : "Written by hand";
}

/**
 * One question as a teacher reviews it. The question paper shows the stem and lettered options;
 * the answer key adds the correct option (✓ and words, not colour alone), the explanation and the
 * sentence of the material it came from. Quality warnings show in both.
 */
export function QuestionCard({
  mcq,
  number,
  showAnswer,
  toolbar,
  headerStart,
}: {
  mcq: Mcq;
  number: number;
  showAnswer: boolean;
  /** Actions under the question (edit, regenerate, move, delete). */
  toolbar?: ReactNode;
  /** Before the number, e.g. a drag handle. */
  headerStart?: ReactNode;
}) {
  const stemId = `q-${mcq.id ?? number}-stem`;
  return (
    <article
      className="rounded-2xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5 dark:border-slate-800 dark:bg-slate-900"
      aria-labelledby={stemId}
      data-testid="question-card"
    >
      <header className="mb-3 flex items-start gap-3">
        {headerStart}
        <h3 id={stemId} className="min-w-0 flex-1 font-medium leading-snug">
          <span className="mr-1.5 font-semibold text-slate-500 dark:text-slate-400">{number}.</span>
          {mcq.question}
        </h3>
        <BloomBadge level={mcq.bloom_level} />
      </header>
      <ol className="grid grid-cols-1 gap-2 sm:grid-cols-2">
        {mcq.options.map((option, index) => {
          const isCorrect = showAnswer && option === mcq.correct_answer;
          return (
            <li
              key={`${index}-${option}`}
              className={`flex items-start gap-2 rounded-lg border px-3 py-2 text-sm ${
                isCorrect
                  ? "border-emerald-400 bg-emerald-50 font-medium text-emerald-950 dark:border-emerald-700 dark:bg-emerald-950/70 dark:text-emerald-50"
                  : "border-slate-200 bg-slate-50 dark:border-slate-700 dark:bg-slate-800/60"
              }`}
            >
              <span className="font-semibold" aria-hidden={isCorrect ? undefined : true}>
                {LETTERS[index]}.
              </span>
              <span className="min-w-0 flex-1 break-words">{option}</span>
              {isCorrect && (
                <span className="shrink-0 text-xs font-semibold">
                  <span aria-hidden="true">✓ </span>Correct answer
                </span>
              )}
            </li>
          );
        })}
      </ol>
      {showAnswer && (
        <div className="mt-4 space-y-3 text-sm">
          <p>
            <span className="font-semibold">Explanation: </span>
            <span data-testid="explanation">{mcq.explanation}</span>
          </p>
          {mcq.source && (
            <figure className="rounded-lg border-l-4 border-indigo-300 bg-indigo-50/60 px-3 py-2 dark:border-indigo-700 dark:bg-indigo-950/40" data-testid="source-quote">
              <figcaption className="text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">
                From the material
                {mcq.source.document ? ` · ${mcq.source.document}` : ""}
                {mcq.source.page ? ` · page ${mcq.source.page}` : ""}
              </figcaption>
              <blockquote className="mt-1 italic text-slate-700 dark:text-slate-300">“{mcq.source.quote}”</blockquote>
            </figure>
          )}
        </div>
      )}
      {mcq.lint && mcq.lint.length > 0 && (
        <ul className="mt-3 space-y-1 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:bg-amber-950/50 dark:text-amber-100" aria-label="Quality warnings" data-testid="lint-warnings">
          {mcq.lint.map((finding) => (
            <li key={finding.code}>
              <span aria-hidden="true">⚠ </span>
              {finding.message}
            </li>
          ))}
        </ul>
      )}
      <footer className="mt-3 flex flex-wrap items-center justify-between gap-2 border-t border-slate-100 pt-3 dark:border-slate-800">
        <p className="text-xs text-slate-600 dark:text-slate-400" data-testid="generator">
          {describeGenerator(mcq.generator)}
        </p>
        {toolbar}
      </footer>
    </article>
  );
}

import type { Mcq } from "@/lib/generation/mcq";
import { BloomBadge } from "./bloom-badge";

const LETTERS = ["A", "B", "C", "D"];

export function QuestionCard({ mcq, number, showAnswer }: { mcq: Mcq; number: number; showAnswer: boolean }) {
  return (
    <article
      className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-800 dark:bg-slate-900"
      aria-labelledby={`q${number}-stem`}
      data-testid="question-card"
    >
      <header className="mb-3 flex items-start justify-between gap-3">
        <h3 id={`q${number}-stem`} className="font-medium leading-snug">
          <span className="mr-2 text-slate-500 dark:text-slate-400">{number}.</span>
          {mcq.question}
        </h3>
        <BloomBadge level={mcq.bloom_level} />
      </header>
      <ol className="space-y-1.5">
        {mcq.options.map((option, index) => {
          const isCorrect = showAnswer && option === mcq.correct_answer;
          return (
            <li
              key={option}
              className={`flex gap-2 rounded-lg px-3 py-2 ${
                isCorrect
                  ? "bg-emerald-50 font-medium text-emerald-900 ring-1 ring-emerald-300 dark:bg-emerald-950 dark:text-emerald-100 dark:ring-emerald-800"
                  : "bg-slate-50 dark:bg-slate-800/60"
              }`}
            >
              <span className="font-semibold">{LETTERS[index]}.</span>
              <span>{option}</span>
              {isCorrect && <span className="ml-auto text-sm">✓ Correct answer</span>}
            </li>
          );
        })}
      </ol>
      {showAnswer && (
        <div className="mt-4 space-y-2 text-sm">
          <p>
            <span className="font-semibold">Explanation: </span>
            <span data-testid="explanation">{mcq.explanation}</span>
          </p>
          {mcq.source && (
            <blockquote className="border-l-4 border-slate-300 pl-3 italic text-slate-600 dark:border-slate-700 dark:text-slate-400">
              “{mcq.source.quote}”
              {mcq.source.page ? <span className="not-italic"> (page {mcq.source.page})</span> : null}
            </blockquote>
          )}
          {mcq.lint && mcq.lint.length > 0 && (
            <ul className="text-amber-800 dark:text-amber-300">
              {mcq.lint.map((finding) => (
                <li key={finding.code}>⚠ {finding.message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </article>
  );
}

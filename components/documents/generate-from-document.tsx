"use client";

import { useMutation } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { generateFromDocument } from "@/lib/api-client/documents";
import { BLOOM_LEVELS, MAX_QUESTIONS, type BloomCounts } from "@/lib/generation/blooms";
import { GeneratedQuestions } from "./generated-questions";

const START_COUNTS: BloomCounts = { remember: 2, understand: 2, apply: 1, analyze: 1, evaluate: 0, create: 0 };

/** Bloom counts and an optional focus, then Generate: questions from this document alone. */
export function GenerateFromDocument({ documentId, fileName }: { documentId: string; fileName: string }) {
  const id = useId();
  const [counts, setCounts] = useState<BloomCounts>({ ...START_COUNTS });
  const [query, setQuery] = useState("");
  const [job, setJob] = useState<{ id: string; since: number } | null>(null);
  const total = BLOOM_LEVELS.reduce((sum, level) => sum + counts[level], 0);
  const problem = total === 0 ? "Ask for at least one question." : total > MAX_QUESTIONS ? `Ask for at most ${MAX_QUESTIONS} questions.` : null;

  const generate = useMutation({
    mutationFn: () => generateFromDocument({ documentId, query: query.trim() || undefined, blooms: counts }),
    onSuccess: (jobId) => setJob({ id: jobId, since: Date.now() }),
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!problem) generate.mutate();
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-4">
      <h3 id={`${id}-heading`} className="text-sm font-semibold">
        Generate from {fileName}
      </h3>
      <form onSubmit={onSubmit} className="space-y-4">
        <div>
          <label htmlFor={`${id}-query`} className="block text-sm font-medium">
            Focus on <span className="font-normal text-slate-500 dark:text-slate-400">(optional, e.g. a chapter or topic)</span>
          </label>
          <input
            id={`${id}-query`}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            maxLength={1000}
            className="mt-1 w-full rounded-lg border border-slate-300 bg-transparent px-3 py-2 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 dark:border-slate-700"
          />
        </div>
        <fieldset>
          <legend className="text-sm font-medium">Questions per Bloom level</legend>
          <div className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-3">
            {BLOOM_LEVELS.map((level) => (
              <label key={level} className="flex items-center justify-between gap-2 rounded-lg bg-slate-50 px-3 py-2 capitalize dark:bg-slate-800/60">
                <span>{level}</span>
                <input
                  type="number"
                  min={0}
                  max={MAX_QUESTIONS}
                  value={counts[level]}
                  aria-label={`${level} questions`}
                  onChange={(event) =>
                    setCounts({ ...counts, [level]: Math.max(0, Math.min(MAX_QUESTIONS, Number(event.target.value) || 0)) })
                  }
                  className="w-16 rounded-md border border-slate-300 bg-white px-2 py-1 text-right focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 dark:border-slate-700 dark:bg-slate-900"
                />
              </label>
            ))}
          </div>
        </fieldset>
        <div className="flex items-center gap-3">
          <button
            type="submit"
            disabled={Boolean(problem) || generate.isPending}
            aria-describedby={`${id}-hint`}
            className="rounded-lg bg-indigo-600 px-5 py-2 font-semibold text-white hover:bg-indigo-500 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-400 focus-visible:ring-offset-2 disabled:cursor-not-allowed disabled:opacity-50"
          >
            {generate.isPending ? "Starting…" : "Generate"}
          </button>
          <span id={`${id}-hint`} className="text-sm text-slate-600 dark:text-slate-400">
            {problem ?? `${total} question${total === 1 ? "" : "s"}`}
          </span>
        </div>
        {generate.error && (
          <p role="alert" className="text-sm text-red-800 dark:text-red-300">
            {generate.error.message}
          </p>
        )}
      </form>
      {job && <GeneratedQuestions key={job.id} jobId={job.id} since={job.since} />}
    </section>
  );
}

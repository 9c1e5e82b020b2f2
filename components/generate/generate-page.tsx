"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { jobStatusQuery, startGeneration } from "@/lib/api-client/jobs";
import { BLOOM_LEVELS, DEFAULT_BLOOM_COUNTS, MAX_QUESTIONS, type BloomCounts } from "@/lib/generation/blooms";
import type { GenerationResult } from "@/lib/generation/mcq";
import { QuestionCard } from "@/components/quiz/question-card";
import { SaveAssessmentPanel } from "@/components/library/save-assessment-panel";

export function GeneratePage() {
  const [text, setText] = useState("");
  const [title, setTitle] = useState("");
  const [counts, setCounts] = useState<BloomCounts>({ ...DEFAULT_BLOOM_COUNTS });
  const [job, setJob] = useState<{ id: string; since: number } | null>(null);

  const total = BLOOM_LEVELS.reduce((sum, level) => sum + counts[level], 0);
  const disabledReason =
    text.trim().length === 0
      ? "Paste some teaching material first."
      : total === 0
        ? "Ask for at least one question."
        : total > MAX_QUESTIONS
          ? `Ask for at most ${MAX_QUESTIONS} questions.`
          : null;

  const generate = useMutation({
    mutationFn: () => startGeneration({ text, title: title.trim() || undefined, blooms: counts }),
    onSuccess: (jobId) => setJob({ id: jobId, since: Date.now() }),
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!disabledReason) generate.mutate();
  }

  return (
    <main className="mx-auto max-w-4xl px-4 py-10">
      <header className="mb-8">
        <h1 className="text-3xl font-bold tracking-tight">Bloomery</h1>
        <p className="mt-1 text-slate-600 dark:text-slate-400">
          Paste teaching material, choose how many questions you want at each level of Bloom&apos;s taxonomy, and get a
          multiple-choice quiz with answers and explanations.
        </p>
      </header>

      <form onSubmit={onSubmit} className="space-y-6 rounded-2xl border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900">
        <div>
          <label htmlFor="title" className="block text-sm font-semibold">
            Title <span className="font-normal text-slate-500">(optional)</span>
          </label>
          <input
            id="title"
            value={title}
            onChange={(event) => setTitle(event.target.value)}
            className="mt-1 w-full rounded-lg border border-slate-300 bg-transparent px-3 py-2 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 dark:border-slate-700"
            placeholder="Chapter 3: Photosynthesis"
          />
        </div>
        <div>
          <label htmlFor="material" className="block text-sm font-semibold">
            Teaching material
          </label>
          <textarea
            id="material"
            value={text}
            onChange={(event) => setText(event.target.value)}
            rows={10}
            className="mt-1 w-full rounded-lg border border-slate-300 bg-transparent px-3 py-2 font-mono text-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 dark:border-slate-700"
            placeholder="Paste a chapter, lecture notes or an article…"
          />
        </div>
        <fieldset>
          <legend className="text-sm font-semibold">Questions per Bloom level</legend>
          <div className="mt-2 grid grid-cols-2 gap-3 sm:grid-cols-3">
            {BLOOM_LEVELS.map((level) => (
              <label key={level} className="flex items-center justify-between gap-2 rounded-lg bg-slate-50 px-3 py-2 capitalize dark:bg-slate-800/60">
                <span>{level}</span>
                <input
                  type="number"
                  min={0}
                  max={MAX_QUESTIONS}
                  value={counts[level]}
                  onChange={(event) =>
                    setCounts({ ...counts, [level]: Math.max(0, Math.min(MAX_QUESTIONS, Number(event.target.value) || 0)) })
                  }
                  className="w-16 rounded-md border border-slate-300 bg-white px-2 py-1 text-right dark:border-slate-700 dark:bg-slate-900"
                  aria-label={`${level} questions`}
                />
              </label>
            ))}
          </div>
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-400" aria-live="polite">
            {total} question{total === 1 ? "" : "s"} in total
          </p>
        </fieldset>
        <div className="flex items-center gap-4">
          <button
            type="submit"
            disabled={Boolean(disabledReason) || generate.isPending}
            aria-describedby="generate-hint"
            className="rounded-lg bg-indigo-600 px-5 py-2.5 font-semibold text-white hover:bg-indigo-500 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-400 focus-visible:ring-offset-2 disabled:cursor-not-allowed disabled:opacity-50"
          >
            {generate.isPending ? "Starting…" : "Generate"}
          </button>
          <span id="generate-hint" className="text-sm text-slate-600 dark:text-slate-400">
            {disabledReason}
          </span>
        </div>
        {generate.error && (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {generate.error.message}
          </p>
        )}
      </form>

      {job && <JobView key={job.id} jobId={job.id} since={job.since} title={title} />}
    </main>
  );
}

function JobView({ jobId, since, title }: { jobId: string; since: number; title: string }) {
  const { data, error } = useQuery(jobStatusQuery(jobId, since));
  const [showAnswers, setShowAnswers] = useState(true);

  if (error) {
    return <StatusBox tone="error">Could not check the job: {error.message}</StatusBox>;
  }
  if (!data || data.status === "queued" || data.status === "started") {
    const progress = data?.status === "started" ? data.progress : undefined;
    const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
    return (
      <StatusBox tone="info">
        <p data-testid="job-status">{data?.status === "started" ? (progress?.stage ?? "Generating…") : "Queued…"}</p>
        <div className="mt-2 h-2 w-full overflow-hidden rounded bg-slate-200 dark:bg-slate-800" role="progressbar" aria-valuenow={percent} aria-valuemin={0} aria-valuemax={100} aria-label="Generation progress">
          <div className="h-full bg-indigo-500 transition-all" style={{ width: `${percent}%` }} />
        </div>
      </StatusBox>
    );
  }
  if (data.status === null) return <StatusBox tone="error">This job expired or does not exist.</StatusBox>;
  if (data.status === "failed") return <StatusBox tone="error">Generation failed: {data.error}</StatusBox>;
  if (data.status === "canceled") return <StatusBox tone="error">This job was cancelled.</StatusBox>;

  const result = data.result as GenerationResult;
  return (
    <section className="mt-10" aria-labelledby="result-heading">
      <div className="mb-4 flex items-center justify-between">
        <h2 id="result-heading" className="text-xl font-semibold">
          {result.mcqs.length} questions
        </h2>
        <button
          type="button"
          onClick={() => setShowAnswers(!showAnswers)}
          className="rounded-lg border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 dark:border-slate-700 dark:hover:bg-slate-800"
        >
          {showAnswers ? "Show question paper" : "Show answer key"}
        </button>
      </div>
      {result.warnings && result.warnings.length > 0 && (
        <StatusBox tone="warning">
          <ul className="list-disc pl-5">
            {result.warnings.map((warning, index) => (
              <li key={index}>{warning.message}</li>
            ))}
          </ul>
        </StatusBox>
      )}
      <div className="mb-4">
        <SaveAssessmentPanel jobId={jobId} title={title} />
      </div>
      <div className="space-y-4">
        {result.mcqs.map((mcq, index) => (
          <QuestionCard key={index} mcq={mcq} number={index + 1} showAnswer={showAnswers} />
        ))}
      </div>
    </section>
  );
}

function StatusBox({ tone, children }: { tone: "info" | "error" | "warning"; children: React.ReactNode }) {
  const classes = {
    info: "border-indigo-200 bg-indigo-50 dark:border-indigo-900 dark:bg-indigo-950",
    error: "border-red-200 bg-red-50 text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100",
    warning: "border-amber-200 bg-amber-50 text-amber-900 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-100",
  }[tone];
  return (
    <div role={tone === "error" ? "alert" : "status"} className={`mt-8 rounded-xl border p-4 ${classes}`}>
      {children}
    </div>
  );
}

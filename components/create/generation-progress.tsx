"use client";

import { useEffect, useState } from "react";
import type { JobStatusResponse } from "@/lib/jobs/get-job-status";
import { describeJobStage, progressPercent } from "@/lib/ui/question-list";

// Matches jobStatusQuery: after a minute it looks every 5 s instead of every second.
const BACK_OFF_AFTER_MS = 60_000;

/**
 * The job while it is queued or running: stage in words, a progress bar, questions written so far
 * and time taken. Every line has a fixed height, so the page does not jump as numbers change.
 */
export function GenerationProgress({ status, since }: { status: JobStatusResponse | undefined; since: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);

  const progress = status?.status === "started" ? status.progress : undefined;
  const percent = progressPercent(progress);
  const stage = describeJobStage(status?.status === "started" ? "started" : "queued", progress?.stage);
  const seconds = Math.max(0, Math.floor((now - since) / 1000));
  return (
    <section
      aria-labelledby="generating-heading"
      className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900"
      data-testid="generation-progress"
    >
      <div className="flex items-center gap-3">
        <span
          className="h-6 w-6 shrink-0 animate-spin rounded-full border-[3px] border-indigo-200 border-t-indigo-600 motion-reduce:animate-none dark:border-indigo-900 dark:border-t-indigo-300"
          aria-hidden="true"
        />
        <h2 id="generating-heading" className="text-xl font-semibold">
          Generating your assessment
        </h2>
      </div>
      <p className="mt-4 h-6 truncate font-medium" role="status" data-testid="job-status">
        {stage}
      </p>
      <div
        role="progressbar"
        aria-label="Generation progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent}% · ${stage}`}
        className="mt-2 h-3 w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800"
      >
        <div className="h-full rounded-full bg-indigo-600 transition-[width] duration-500 dark:bg-indigo-400" style={{ width: `${percent}%` }} />
      </div>
      <div className="mt-2 flex h-5 justify-between text-sm text-slate-600 tabular-nums dark:text-slate-400">
        <span>{progress ? `${progress.done} of ${progress.total} questions written` : "Not started yet"}</span>
        <span>
          {Math.floor(seconds / 60)}:{String(seconds % 60).padStart(2, "0")}
        </span>
      </div>
      <p className="mt-4 h-10 text-sm text-slate-600 dark:text-slate-400">
        {now - since > BACK_OFF_AFTER_MS
          ? "This is taking a while; still checking every few seconds. You can leave and come back: the address of this page brings you back to this job."
          : "You can leave this page and come back: its address keeps your place."}
      </p>
    </section>
  );
}

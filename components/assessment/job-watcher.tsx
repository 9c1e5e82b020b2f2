"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { jobStatusQuery } from "@/lib/api-client/jobs";
import type { GenerationResult } from "@/lib/generation/mcq";
import { describeJobStage, progressPercent } from "@/lib/ui/question-list";

export type JobOutcome = { ok: true; result: GenerationResult } | { ok: false; message: string };

/**
 * Follows one follow-up job (regenerate, add more) and reports its end once. Renders a one-line
 * progress bar of fixed height, so the page does not move while it polls.
 */
export function JobWatcher({ jobId, label, onEnd }: { jobId: string; label: string; onEnd: (outcome: JobOutcome) => void }) {
  const [since] = useState(() => Date.now());
  const { data, error } = useQuery(jobStatusQuery(jobId, since));
  const reported = useRef(false);
  const onEndRef = useRef(onEnd);
  onEndRef.current = onEnd;

  useEffect(() => {
    if (reported.current) return;
    let outcome: JobOutcome | null = null;
    if (error) outcome = { ok: false, message: `Could not check the job: ${error.message}` };
    else if (data?.status === "finished") outcome = { ok: true, result: data.result as GenerationResult };
    else if (data?.status === "failed") outcome = { ok: false, message: data.error };
    else if (data?.status === "canceled") outcome = { ok: false, message: "The job was cancelled." };
    else if (data && data.status === null) outcome = { ok: false, message: "This job expired or does not exist." };
    if (outcome) {
      reported.current = true;
      onEndRef.current(outcome);
    }
  }, [data, error]);

  const progress = data?.status === "started" ? data.progress : undefined;
  const percent = progressPercent(progress);
  const stage = describeJobStage(data?.status === "started" ? "started" : "queued", progress?.stage);
  return (
    <div className="flex h-10 items-center gap-3 text-sm" data-testid="follow-up-progress">
      <span className="h-4 w-4 shrink-0 animate-spin rounded-full border-2 border-indigo-200 border-t-indigo-600 motion-reduce:animate-none dark:border-indigo-900 dark:border-t-indigo-300" aria-hidden="true" />
      <span className="min-w-0 flex-1 truncate">
        {label} <span className="text-slate-600 dark:text-slate-400">· {stage}</span>
      </span>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="h-1.5 w-20 shrink-0 overflow-hidden rounded-full bg-slate-200 sm:w-32 dark:bg-slate-700"
      >
        <div className="h-full rounded-full bg-indigo-600 transition-[width] dark:bg-indigo-400" style={{ width: `${Math.max(percent, 5)}%` }} />
      </div>
    </div>
  );
}

"use client";

import { useQuery } from "@tanstack/react-query";
import { jobStatusQuery } from "@/lib/api-client/jobs";
import type { GenerationResult } from "@/lib/generation/mcq";
import { QuestionCard } from "@/components/quiz/question-card";

/** Follows a generation job and shows its questions, answers and the page each came from. */
export function GeneratedQuestions({ jobId, since }: { jobId: string; since: number }) {
  const { data, error } = useQuery(jobStatusQuery(jobId, since));
  if (error) return <Notice tone="error">Could not check the generation: {error.message}</Notice>;
  if (!data || data.status === "queued" || data.status === "started") {
    return <Notice tone="info">{data?.status === "started" ? (data.progress?.stage ?? "Writing questions…") : "Waiting to start…"}</Notice>;
  }
  if (data.status === null) return <Notice tone="error">This generation expired or does not exist.</Notice>;
  if (data.status === "failed") return <Notice tone="error">Generation failed: {data.error}</Notice>;
  if (data.status === "canceled") return <Notice tone="error">This generation was cancelled.</Notice>;

  const result = data.result as GenerationResult;
  return (
    <section aria-label="Generated questions" className="space-y-4">
      <h3 className="text-lg font-semibold">
        {result.mcqs.length} question{result.mcqs.length === 1 ? "" : "s"}
      </h3>
      {result.warnings && result.warnings.length > 0 && (
        <Notice tone="warning">
          <ul className="list-disc pl-5">
            {result.warnings.map((warning, index) => (
              <li key={index}>{warning.message}</li>
            ))}
          </ul>
        </Notice>
      )}
      {result.mcqs.map((mcq, index) => (
        <QuestionCard key={index} mcq={mcq} number={index + 1} showAnswer />
      ))}
    </section>
  );
}

function Notice({ tone, children }: { tone: "info" | "error" | "warning"; children: React.ReactNode }) {
  const classes = {
    info: "border-indigo-200 bg-indigo-50 dark:border-indigo-900 dark:bg-indigo-950",
    error: "border-red-200 bg-red-50 text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100",
    warning: "border-amber-200 bg-amber-50 text-amber-900 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-100",
  }[tone];
  return (
    <div role={tone === "error" ? "alert" : "status"} className={`rounded-xl border p-4 ${classes}`}>
      {children}
    </div>
  );
}

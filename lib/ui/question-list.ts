/** Moves the item at `from` to `to` (both clamped into the list); the rest keep their order. */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const next = [...items];
  if (from < 0 || from >= next.length) return next;
  const target = Math.max(0, Math.min(next.length - 1, to));
  const [moved] = next.splice(from, 1);
  next.splice(target, 0, moved);
  return next;
}

/** Where a job is, in words a teacher reads: the generator's own stage, capitalised, or the queue. */
export function describeJobStage(status: "queued" | "started" | undefined, stage: string | undefined): string {
  if (status !== "started") return "Waiting for a free worker…";
  if (!stage) return "Starting…";
  return stage.charAt(0).toUpperCase() + stage.slice(1);
}

/** 0–100 for a progress bar; a job that has not reported yet is at 0. */
export function progressPercent(progress: { done: number; total: number } | undefined): number {
  if (!progress || progress.total <= 0) return 0;
  return Math.max(0, Math.min(100, Math.round((progress.done / progress.total) * 100)));
}

/** The stems of other questions, trimmed and without blanks: what a new question must not repeat. */
export function stemsToAvoid(questions: readonly { question: string }[]): string[] {
  return [...new Set(questions.map((question) => question.question.trim()).filter(Boolean))];
}

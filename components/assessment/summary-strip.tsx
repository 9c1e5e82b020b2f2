import { BLOOM_LEVELS, type BloomCounts } from "@/lib/generation/blooms";
import type { Mcq } from "@/lib/generation/mcq";
import { BLOOM_INFO, countByLevel } from "@/lib/ui/bloom-levels";
import { describeGenerator } from "@/components/quiz/question-card";

/**
 * Six bars, one per level, each labelled with its count (and the count asked for, when known):
 * the numbers are written, so the chart reads without its colours.
 */
export function BloomChart({ counts, requested, compact = false }: { counts: BloomCounts; requested?: BloomCounts; compact?: boolean }) {
  const max = Math.max(1, ...BLOOM_LEVELS.map((level) => Math.max(counts[level], requested?.[level] ?? 0)));
  const description = BLOOM_LEVELS.map(
    (level) => `${BLOOM_INFO[level].label} ${counts[level]}${requested && requested[level] !== counts[level] ? ` of ${requested[level]} asked for` : ""}`,
  ).join(", ");
  return (
    <figure className="min-w-0" data-testid="bloom-chart">
      <div role="img" aria-label={`Questions per Bloom level: ${description}`} className={`flex items-end gap-1.5 ${compact ? "h-8" : "h-16"}`}>
        {BLOOM_LEVELS.map((level) => (
          <div key={level} className="relative flex h-full flex-1 items-end" title={`${BLOOM_INFO[level].label}: ${counts[level]}`}>
            {requested && requested[level] > 0 && (
              <div
                className="absolute inset-x-0 bottom-0 rounded-t border border-dashed border-slate-400 dark:border-slate-500"
                style={{ height: `${(requested[level] / max) * 100}%` }}
                aria-hidden="true"
              />
            )}
            <div className={`relative w-full rounded-t ${BLOOM_INFO[level].barClasses}`} style={{ height: `${(counts[level] / max) * 100}%`, minHeight: counts[level] > 0 ? 3 : 0 }} aria-hidden="true" />
          </div>
        ))}
      </div>
      {!compact && (
        <figcaption className="mt-1 flex gap-1.5 text-center text-[11px] leading-tight text-slate-600 dark:text-slate-400" aria-hidden="true">
          {BLOOM_LEVELS.map((level) => (
            <span key={level} className="min-w-0 flex-1 truncate">
              <span className="block font-semibold text-slate-800 tabular-nums dark:text-slate-200">{counts[level]}</span>
              {BLOOM_INFO[level].label.slice(0, 3)}
            </span>
          ))}
        </figcaption>
      )}
    </figure>
  );
}

/** What a teacher takes in at a glance: how many questions, at which levels, written by what, and how many need a look. */
export function SummaryStrip({ questions, requested }: { questions: Mcq[]; requested?: BloomCounts }) {
  const counts = countByLevel(questions);
  const byGenerator = new Map<string, number>();
  for (const question of questions) {
    const name = describeGenerator(question.generator);
    byGenerator.set(name, (byGenerator.get(name) ?? 0) + 1);
  }
  const flagged = questions.filter((question) => question.lint && question.lint.length > 0).length;
  return (
    <section
      aria-label="Summary"
      className="grid grid-cols-2 gap-4 rounded-2xl border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-[auto_minmax(12rem,1fr)_auto_auto] sm:items-center sm:gap-6 dark:border-slate-800 dark:bg-slate-900"
      data-testid="summary-strip"
    >
      <div>
        <p className="text-3xl font-bold tabular-nums" data-testid="question-total">
          {questions.length}
        </p>
        <p className="text-sm text-slate-600 dark:text-slate-400">question{questions.length === 1 ? "" : "s"}</p>
      </div>
      <div className="col-span-2 sm:col-span-1">
        <BloomChart counts={counts} requested={requested} />
      </div>
      <div className="text-sm">
        <p className="font-semibold">Written by</p>
        <ul className="text-slate-600 dark:text-slate-400">
          {[...byGenerator].map(([name, count]) => (
            <li key={name}>
              {name} <span className="tabular-nums">×{count}</span>
            </li>
          ))}
          {byGenerator.size === 0 && <li>—</li>}
        </ul>
      </div>
      <div className="text-sm">
        <p className="font-semibold">Quality checks</p>
        <p className={flagged ? "text-amber-800 dark:text-amber-300" : "text-slate-600 dark:text-slate-400"}>
          {flagged ? `⚠ ${flagged} question${flagged === 1 ? "" : "s"} flagged` : "✓ Nothing flagged"}
        </p>
      </div>
    </section>
  );
}

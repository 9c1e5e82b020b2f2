import { BloomBadge } from "@/components/quiz/bloom-badge";
import type { QuizResultsView } from "@/lib/quizzes/get-quiz-results";
import type { Reading } from "@/lib/quizzes/describe-statistics";

// Charts are plain HTML and SVG drawn on the server: every bar carries its number as text, so the
// figures read the same to a screen reader, in print, and without colour.

export const percent = (share: number | null) => (share === null ? "–" : `${Math.round(share * 100)}%`);
export const signed = (value: number | null) => (value === null ? "–" : `${value > 0 ? "+" : value < 0 ? "−" : ""}${Math.abs(value).toFixed(2)}`);

const TONE_MARK: Record<Reading["tone"], string> = { warning: "⚠", note: "ℹ", good: "✓" };
const TONE_CLASSES: Record<Reading["tone"], string> = {
  warning: "text-amber-900 dark:text-amber-200",
  note: "text-slate-700 dark:text-slate-300",
  good: "text-emerald-800 dark:text-emerald-300",
};

export function ReadingList({ readings, label }: { readings: Reading[]; label: string }) {
  if (readings.length === 0) return null;
  return (
    <ul className="space-y-1" aria-label={label}>
      {readings.map((reading) => (
        <li key={reading.text} className={`flex gap-2 ${TONE_CLASSES[reading.tone]}`}>
          <span aria-hidden="true">{TONE_MARK[reading.tone]}</span>
          <span>
            <span className="sr-only">{reading.tone === "warning" ? "Warning: " : reading.tone === "good" ? "Good: " : "Note: "}</span>
            {reading.text}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** Share correct and discrimination of every question, one row each, with the readings flagged. */
export function QuestionChart({ items }: { items: QuizResultsView["items"] }) {
  return (
    <figure aria-labelledby="question-chart-caption" className="space-y-3" data-testid="question-chart">
      <figcaption id="question-chart-caption" className="text-lg font-semibold">
        Share correct per question
      </figcaption>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Left: how many takers got it right. Right: discrimination (upper–lower 27% index, −1 to +1): how much better the strongest takers did
        than the weakest; below +0.20 the question separates them little, below 0 the weaker did better.
      </p>
      <ol className="space-y-2">
        {items.map((item) => {
          const d = item.discrimination_index;
          const warnings = item.readings.filter((reading) => reading.tone === "warning").length;
          return (
            <li key={item.id} className="grid grid-cols-[2.5rem_1fr] items-center gap-x-3 gap-y-1 sm:grid-cols-[2.5rem_1fr_10rem_5rem]" data-testid="question-chart-row">
              <a href={`#item-${item.number}`} className="font-semibold text-indigo-700 underline hover:no-underline focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 dark:text-indigo-300">
                Q{item.number}
              </a>
              <div className="flex items-center gap-2">
                <div className="h-4 flex-1 overflow-hidden rounded bg-slate-200 dark:bg-slate-800" aria-hidden="true">
                  <div className="h-full bg-indigo-600 dark:bg-indigo-400" style={{ width: `${Math.round((item.difficulty ?? 0) * 100)}%` }} />
                </div>
                <span className="w-24 shrink-0 text-sm tabular-nums">{percent(item.difficulty)} correct</span>
              </div>
              <div className="col-start-2 flex items-center gap-2 sm:col-start-auto">
                <div className="relative h-4 flex-1 rounded bg-slate-200 dark:bg-slate-800" aria-hidden="true">
                  <div className="absolute inset-y-0 left-1/2 w-px bg-slate-500" />
                  {d !== null && (
                    <div
                      className={`absolute inset-y-0 ${d >= 0 ? "left-1/2 rounded-r bg-emerald-600 dark:bg-emerald-400" : "right-1/2 rounded-l bg-red-600 dark:bg-red-400"}`}
                      style={{ width: `${Math.abs(d) * 50}%` }}
                    />
                  )}
                </div>
                <span className="w-12 shrink-0 text-right text-sm tabular-nums">
                  <span className="sr-only">discrimination </span>
                  {signed(d)}
                </span>
              </div>
              <span className="col-start-2 text-sm sm:col-start-auto">{warnings > 0 ? `⚠ ${warnings} to check` : ""}</span>
            </li>
          );
        })}
      </ol>
    </figure>
  );
}

/** How often each option was chosen, overall and in the strongest and weakest 27%. */
export function OptionBars({ item }: { item: QuizResultsView["items"][number] }) {
  const most = Math.max(1, ...item.options.map((option) => option.count), item.omitted);
  return (
    <figure aria-label={`Choices for question ${item.number}`} className="space-y-1.5">
      <ul className="space-y-1.5">
        {item.options.map((option) => (
          <li key={option.letter} className="grid grid-cols-[1.5rem_1fr] gap-x-2 gap-y-0.5 sm:grid-cols-[1.5rem_minmax(0,16rem)_1fr]">
            <span className="font-semibold">{option.letter}</span>
            <span className="truncate" title={option.text}>
              {option.text}
              {option.is_key && <span className="ml-2 text-sm font-semibold text-emerald-800 dark:text-emerald-300">✓ key</span>}
              {option.is_unchosen && <span className="ml-2 text-sm font-semibold text-amber-900 dark:text-amber-200">⚑ nobody chose it</span>}
            </span>
            <span className="col-start-2 flex items-center gap-2 sm:col-start-auto">
              <span className="h-3 flex-1 overflow-hidden rounded bg-slate-200 dark:bg-slate-800" aria-hidden="true">
                <span
                  className={`block h-full ${option.is_key ? "bg-emerald-600 dark:bg-emerald-400" : "bg-slate-500 dark:bg-slate-400"}`}
                  style={{ width: `${Math.round((option.count / most) * 100)}%` }}
                />
              </span>
              <span className="w-40 shrink-0 text-sm tabular-nums">
                {option.count} chose it
                {item.group_size > 0 ? ` · top ${formatCount(option.upper)} · bottom ${formatCount(option.lower)}` : ""}
              </span>
            </span>
          </li>
        ))}
      </ul>
      {item.omitted > 0 && <p className="text-sm text-slate-600 dark:text-slate-400">{item.omitted} left it blank.</p>}
    </figure>
  );
}

function formatCount(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** Share correct by Bloom level, pooled over that level's questions. */
export function LevelChart({ levels }: { levels: QuizResultsView["levels"] }) {
  return (
    <figure aria-labelledby="level-chart-caption" className="space-y-3">
      <figcaption id="level-chart-caption" className="text-lg font-semibold">
        Scores by Bloom level
      </figcaption>
      <ul className="space-y-2">
        {levels.map((level) => (
          <li key={level.level} className="grid grid-cols-[6.5rem_1fr] items-center gap-3">
            <BloomBadge level={level.level} />
            <div className="flex items-center gap-2">
              <div className="h-4 flex-1 overflow-hidden rounded bg-slate-200 dark:bg-slate-800" aria-hidden="true">
                <div className="h-full bg-indigo-600 dark:bg-indigo-400" style={{ width: `${Math.round((level.share_correct ?? 0) * 100)}%` }} />
              </div>
              <span className="w-44 shrink-0 text-sm tabular-nums">
                {percent(level.share_correct)} correct · {level.questions} question{level.questions === 1 ? "" : "s"}
              </span>
            </div>
          </li>
        ))}
      </ul>
    </figure>
  );
}

/** Takers per total score, as an SVG histogram with its numbers written on the bars. */
export function ScoreDistribution({ distribution }: { distribution: number[] }) {
  const most = Math.max(1, ...distribution);
  const barWidth = 36;
  const gap = 8;
  const height = 120;
  const width = distribution.length * (barWidth + gap);
  const summary = distribution.map((count, score) => `${count} scored ${score}`).join(", ");
  return (
    <figure aria-labelledby="score-chart-caption" className="space-y-2">
      <figcaption id="score-chart-caption" className="text-lg font-semibold">
        Scores
      </figcaption>
      <svg
        viewBox={`0 0 ${width} ${height + 40}`}
        width={width}
        height={height + 40}
        className="h-auto max-w-full"
        role="img"
        aria-label={`Takers per score: ${summary}`}
      >
        {distribution.map((count, score) => {
          const barHeight = (count / most) * height;
          const x = score * (barWidth + gap);
          return (
            <g key={score}>
              <rect x={x} y={height - barHeight + 16} width={barWidth} height={barHeight} rx={3} className="fill-indigo-600 dark:fill-indigo-400" />
              <text x={x + barWidth / 2} y={height - barHeight + 12} textAnchor="middle" className="fill-slate-900 text-[12px] dark:fill-slate-100">
                {count}
              </text>
              <text x={x + barWidth / 2} y={height + 34} textAnchor="middle" className="fill-slate-600 text-[12px] dark:fill-slate-400">
                {score}
              </text>
            </g>
          );
        })}
      </svg>
      <p className="text-sm text-slate-600 dark:text-slate-400">Number of takers (above each bar) per score out of {distribution.length - 1} (below).</p>
    </figure>
  );
}

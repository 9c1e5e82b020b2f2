import Link from "next/link";
import { BloomBadge } from "@/components/quiz/bloom-badge";
import type { QuizResultsView } from "@/lib/quizzes/get-quiz-results";
import { LevelChart, OptionBars, QuestionChart, ReadingList, ScoreDistribution, percent, signed } from "./result-charts";

const cardClasses = "rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6 dark:border-slate-800 dark:bg-slate-900";
const linkClasses =
  "font-medium text-indigo-700 underline hover:no-underline focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 dark:text-indigo-300";

function formatDateTime(iso: string | null): string {
  return iso ? new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC" : "–";
}

/** The teacher's results page: who took the quiz, how each question worked, and what to look at. */
export function QuizResults({ results, assessmentId }: { results: QuizResultsView; assessmentId: number }) {
  const { summary } = results;
  return (
    <main className="mx-auto max-w-4xl space-y-8 px-4 py-10">
      <header className="space-y-3">
        <p>
          <Link href={`/library/${assessmentId}`} className={linkClasses}>
            ← Back to the assessment
          </Link>
        </p>
        <h1 className="text-3xl font-bold tracking-tight">Results: {results.title}</h1>
        <p className="text-slate-700 dark:text-slate-300" data-testid="results-summary">
          Version {results.version} · {summary.submitted} submitted{summary.in_progress > 0 ? `, ${summary.in_progress} still in progress` : ""}
          {summary.mean_percent !== null ? ` · average ${summary.mean_percent}%` : ""}
        </p>
        {results.versions.length > 1 && (
          <nav aria-label="Versions" className="flex flex-wrap items-center gap-2 text-sm">
            <span className="font-semibold">Versions:</span>
            {results.versions.map((version) => (
              <Link
                key={version.version}
                href={`/library/${assessmentId}/results?version=${version.version}`}
                aria-current={version.version === results.version ? "page" : undefined}
                className={`rounded-md border px-2 py-1 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 ${
                  version.version === results.version
                    ? "border-indigo-600 bg-indigo-600 font-semibold text-white dark:border-indigo-400 dark:bg-indigo-500"
                    : "border-slate-300 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
                }`}
              >
                Version {version.version} ({version.submitted} submitted)
              </Link>
            ))}
          </nav>
        )}
        <p>
          <a href={`/api/assessments/${assessmentId}/quiz/responses`} download className={linkClasses}>
            Download all responses (CSV)
          </a>
        </p>
        <ReadingList readings={results.readings} label="About these results" />
      </header>

      <section aria-labelledby="attempts-heading" className={`${cardClasses} space-y-3`}>
        <h2 id="attempts-heading" className="text-xl font-semibold">
          Attempts
        </h2>
        {results.attempts.length === 0 ? (
          <p>No one has started this version yet. Share the link or code from the assessment page.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Attempts at version {results.version}, in the order they were started</caption>
              <thead>
                <tr className="border-b border-slate-200 dark:border-slate-800">
                  <th scope="col" className="py-2 pr-3">Name</th>
                  <th scope="col" className="py-2 pr-3">Score</th>
                  <th scope="col" className="py-2 pr-3">Status</th>
                  <th scope="col" className="py-2 pr-3">Answered</th>
                  <th scope="col" className="py-2">Submitted</th>
                </tr>
              </thead>
              <tbody>
                {results.attempts.map((attempt) => (
                  <tr key={attempt.id} className="border-b border-slate-100 last:border-0 dark:border-slate-800/60" data-testid="attempt-row">
                    <th scope="row" className="py-2 pr-3 font-medium">{attempt.name}</th>
                    <td className="py-2 pr-3 tabular-nums">
                      {attempt.score === null ? "–" : `${attempt.score} / ${attempt.total} (${attempt.percent}%)`}
                    </td>
                    <td className="py-2 pr-3">{attempt.status === "submitted" ? "Submitted" : "In progress"}</td>
                    <td className="py-2 pr-3 tabular-nums">
                      {attempt.answered} of {attempt.total}
                    </td>
                    <td className="py-2">{formatDateTime(attempt.submitted_at)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {summary.submitted > 0 && (
        <>
          <section aria-label="Charts" className={`${cardClasses} space-y-8`}>
            <QuestionChart items={results.items} />
            <LevelChart levels={results.levels} />
            <ScoreDistribution distribution={summary.score_distribution} />
          </section>

          <section aria-labelledby="items-heading" className="space-y-4">
            <h2 id="items-heading" className="text-xl font-semibold">
              Question by question
            </h2>
            <ol className="space-y-4">
              {results.items.map((item) => (
                <li key={item.id}>
                  <article id={`item-${item.number}`} aria-labelledby={`item-${item.number}-heading`} className={`${cardClasses} space-y-3`} data-testid="item-result">
                    <div className="flex flex-wrap items-start justify-between gap-2">
                      <h3 id={`item-${item.number}-heading`} className="font-medium leading-snug">
                        <span className="mr-1 font-semibold">Q{item.number}.</span> {item.question}
                      </h3>
                      <BloomBadge level={item.bloom_level} />
                    </div>
                    <dl className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-4">
                      <div>
                        <dt className="text-slate-600 dark:text-slate-400">Correct</dt>
                        <dd className="font-semibold tabular-nums">
                          {percent(item.difficulty)} ({item.correct} of {item.takers})
                        </dd>
                      </div>
                      <div>
                        <dt className="text-slate-600 dark:text-slate-400">Upper–lower index</dt>
                        <dd className="font-semibold tabular-nums">{signed(item.discrimination_index)}</dd>
                      </div>
                      <div>
                        <dt className="text-slate-600 dark:text-slate-400">Point-biserial</dt>
                        <dd className="font-semibold tabular-nums">{signed(item.point_biserial)}</dd>
                      </div>
                      <div>
                        <dt className="text-slate-600 dark:text-slate-400">Key</dt>
                        <dd className="font-semibold">{item.key_option}</dd>
                      </div>
                    </dl>
                    <OptionBars item={item} />
                    <ReadingList readings={item.readings} label={`What Q${item.number}'s figures say`} />
                  </article>
                </li>
              ))}
            </ol>
          </section>
        </>
      )}
    </main>
  );
}

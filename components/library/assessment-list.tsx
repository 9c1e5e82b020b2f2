import Link from "next/link";
import type { AssessmentPage } from "@/lib/assessments/list-assessments";

function pageHref(page: number, q: string | undefined): string {
  const params = new URLSearchParams({ ...(q ? { q } : {}), ...(page > 1 ? { page: String(page) } : {}) }).toString();
  return params ? `/library?${params}` : "/library";
}

/** The history as a table with a title search and previous/next paging. */
export function AssessmentList({ page, q }: { page: AssessmentPage; q?: string }) {
  return (
    <div className="space-y-6">
      <form action="/library" method="get" role="search" className="flex flex-wrap items-end gap-3">
        <div className="min-w-64 flex-1">
          <label htmlFor="library-search" className="block text-sm font-semibold">
            Search titles
          </label>
          <input
            id="library-search"
            name="q"
            type="search"
            defaultValue={q}
            className="mt-1 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 dark:border-slate-700 dark:bg-slate-900"
          />
        </div>
        <button type="submit" className="rounded-lg border border-slate-300 px-4 py-2 font-medium hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 dark:border-slate-700 dark:hover:bg-slate-800">
          Search
        </button>
        {q && (
          <Link href="/library" className="py-2 text-sm text-indigo-700 underline dark:text-indigo-300">
            Clear search
          </Link>
        )}
      </form>

      {page.total === 0 ? (
        <p className="text-slate-600 dark:text-slate-400">
          {q ? (
            <>No assessment has a title containing “{q}”.</>
          ) : (
            <>
              No assessments yet.{" "}
              <Link href="/" className="text-indigo-700 underline dark:text-indigo-300">
                Generate your first one!
              </Link>
            </>
          )}
        </p>
      ) : (
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Your saved assessments, newest first</caption>
          <thead>
            <tr className="border-b border-slate-200 dark:border-slate-800">
              <th scope="col" className="py-2 pr-3">Assessment</th>
              <th scope="col" className="py-2 pr-3">Questions</th>
              <th scope="col" className="py-2 pr-3">Saved</th>
              <th scope="col" className="py-2">Last changed</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((item) => (
              <tr key={item.id} className="border-b border-slate-100 dark:border-slate-800">
                <td className="py-2 pr-3">
                  <Link href={`/library/${item.id}`} className="font-medium text-indigo-700 underline dark:text-indigo-300">
                    {item.title}
                  </Link>
                </td>
                <td className="py-2 pr-3">{item.question_count}</td>
                <td className="py-2 pr-3">{formatDate(item.created_at)}</td>
                <td className="py-2">{formatDate(item.updated_at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {page.total_pages > 1 && (
        <nav aria-label="Pages" className="flex items-center justify-between text-sm">
          {page.page > 1 ? (
            <Link href={pageHref(page.page - 1, q)} className="text-indigo-700 underline dark:text-indigo-300">
              ← Newer
            </Link>
          ) : (
            <span />
          )}
          <span>
            Page {page.page} of {page.total_pages}
          </span>
          {page.page < page.total_pages ? (
            <Link href={pageHref(page.page + 1, q)} className="text-indigo-700 underline dark:text-indigo-300">
              Older →
            </Link>
          ) : (
            <span />
          )}
        </nav>
      )}
    </div>
  );
}

function formatDate(iso: string): string {
  return new Date(iso).toLocaleDateString("en-US", { month: "short", day: "numeric", year: "numeric" });
}

"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useState, type FormEvent } from "react";
import {
  assessmentListQuery,
  deleteAssessment,
  duplicateAssessment,
  renameAssessment,
  type AssessmentSort,
} from "@/lib/api-client/assessments";
import type { AssessmentSummary } from "@/lib/assessments/list-assessments";
import { BLOOM_LEVELS } from "@/lib/generation/blooms";
import { BLOOM_INFO } from "@/lib/ui/bloom-levels";
import { BloomChart } from "@/components/assessment/summary-strip";
import { Notice } from "@/components/ui/notice";
import { button, field, label } from "@/components/ui/styles";
import { ConfirmDeleteDialog } from "./confirm-delete-dialog";
import { ImportDialog } from "./import-dialog";

const SORTS: { value: AssessmentSort; text: string }[] = [
  { value: "newest", text: "Newest first" },
  { value: "oldest", text: "Oldest first" },
  { value: "title", text: "Title A–Z" },
  { value: "title_desc", text: "Title Z–A" },
];

function readSort(value: string | null): AssessmentSort {
  return SORTS.some((sort) => sort.value === value) ? (value as AssessmentSort) : "newest";
}

/**
 * The teacher's saved assessments: search as you type, sort, page; each card shows its size and
 * Bloom mix and can be opened, renamed, duplicated or deleted (after a confirmation). The search,
 * sort and page live in the address, so reloading or going back keeps them.
 */
export function LibraryPage({ saveFailed }: { saveFailed: boolean }) {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const [search, setSearch] = useState(params.get("q") ?? "");
  const q = params.get("q") ?? "";
  const sort = readSort(params.get("sort"));
  const page = Math.max(1, Number.parseInt(params.get("page") ?? "1", 10) || 1);
  const [isImportOpen, setIsImportOpen] = useState(false);
  const list = useQuery(assessmentListQuery({ q, sort, page }));

  function navigate(next: { q?: string; sort?: AssessmentSort; page?: number }) {
    const merged = { q, sort, page, ...next };
    const query = new URLSearchParams({
      ...(merged.q ? { q: merged.q } : {}),
      ...(merged.sort !== "newest" ? { sort: merged.sort } : {}),
      ...(merged.page > 1 ? { page: String(merged.page) } : {}),
    }).toString();
    router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
  }

  // Search as you type, a moment after the last key, from the first page.
  useEffect(() => {
    if (search.trim() === q) return;
    const timer = window.setTimeout(() => navigate({ q: search.trim(), page: 1 }), 300);
    return () => window.clearTimeout(timer);
    // navigate reads the current address; only the typed text should restart the timer.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [search]);

  return (
    <main id="main" className="mx-auto max-w-5xl space-y-6 px-4 py-8 sm:py-10">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold tracking-tight">Your library</h1>
          <p className="mt-1 text-slate-600 dark:text-slate-400">Every assessment you saved, ready to edit, export or share.</p>
        </div>
        <div className="flex flex-wrap gap-2">
          <button type="button" onClick={() => setIsImportOpen(true)} className={button.secondary}>
            Import a file
          </button>
          <Link href="/" className={button.primary}>
            + New assessment
          </Link>
        </div>
      </header>

      {saveFailed && (
        <Notice tone="warning">The quiz you generated before signing in could not be saved: it may have expired. Generate it again and press Save.</Notice>
      )}

      <form
        role="search"
        className="grid grid-cols-1 gap-3 sm:grid-cols-[1fr_12rem]"
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          navigate({ q: search.trim(), page: 1 });
        }}
      >
        <div>
          <label htmlFor="library-search" className={label}>
            Search titles
          </label>
          <input id="library-search" type="search" value={search} onChange={(event) => setSearch(event.target.value)} className={field} placeholder="E.g. photosynthesis" />
        </div>
        <div>
          <label htmlFor="library-sort" className={label}>
            Sort by
          </label>
          <select id="library-sort" value={sort} onChange={(event) => navigate({ sort: readSort(event.target.value), page: 1 })} className={field}>
            {SORTS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.text}
              </option>
            ))}
          </select>
        </div>
      </form>

      <section aria-labelledby="library-results" aria-busy={list.isFetching} className="space-y-4">
        <h2 id="library-results" className="sr-only">
          Assessments
        </h2>
        {list.error ? (
          <Notice
            tone="error"
            title="Could not load your library"
            action={
              <button type="button" className={button.secondary} onClick={() => void list.refetch()}>
                Try again
              </button>
            }
          >
            {list.error.message}
          </Notice>
        ) : !list.data ? (
          <ul className="grid grid-cols-1 gap-4 md:grid-cols-2" aria-label="Loading assessments">
            {[0, 1, 2, 3].map((index) => (
              <li key={index} className="h-40 animate-pulse rounded-2xl bg-slate-200 motion-reduce:animate-none dark:bg-slate-800" />
            ))}
          </ul>
        ) : list.data.total === 0 ? (
          <div className="rounded-2xl border-2 border-dashed border-slate-300 p-10 text-center dark:border-slate-700">
            {q ? (
              <>
                <p className="font-medium">No assessment has a title containing “{q}”.</p>
                <button type="button" className="mt-2 text-sm font-medium text-indigo-700 underline dark:text-indigo-300" onClick={() => setSearch("")}>
                  Clear the search
                </button>
              </>
            ) : (
              <>
                <p className="text-lg font-semibold">No assessments yet.</p>
                <p className="mt-1 text-slate-600 dark:text-slate-400">Generate your first one, or import a GIFT, Aiken or JSON file.</p>
                <Link href="/" className={`${button.primary} mt-4`}>
                  Generate your first one
                </Link>
              </>
            )}
          </div>
        ) : (
          <>
            <p className="text-sm text-slate-600 dark:text-slate-400" aria-live="polite">
              {list.data.total} assessment{list.data.total === 1 ? "" : "s"}
              {q ? ` matching “${q}”` : ""}
            </p>
            <ul className="grid grid-cols-1 gap-4 md:grid-cols-2">
              {list.data.items.map((item) => (
                <LibraryCard key={item.id} item={item} />
              ))}
            </ul>
            {list.data.total_pages > 1 && (
              <nav aria-label="Pages" className="flex items-center justify-between gap-3 text-sm">
                <button type="button" className={button.secondary} disabled={page <= 1} onClick={() => navigate({ page: page - 1 })}>
                  ← Previous
                </button>
                <span className="tabular-nums">
                  Page {list.data.page} of {list.data.total_pages}
                </span>
                <button type="button" className={button.secondary} disabled={page >= list.data.total_pages} onClick={() => navigate({ page: page + 1 })}>
                  Next →
                </button>
              </nav>
            )}
          </>
        )}
      </section>

      <ImportDialog isOpen={isImportOpen} onClose={() => setIsImportOpen(false)} />
    </main>
  );
}

function LibraryCard({ item }: { item: AssessmentSummary }) {
  const queryClient = useQueryClient();
  const [isRenaming, setIsRenaming] = useState(false);
  const [isConfirmingDelete, setIsConfirmingDelete] = useState(false);
  const [title, setTitle] = useState(item.title);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["assessments"] });

  const rename = useMutation({
    mutationFn: () => renameAssessment(item.id, title.trim()),
    onSuccess: async () => {
      setIsRenaming(false);
      await refresh();
    },
  });
  const duplicate = useMutation({ mutationFn: () => duplicateAssessment(item.id), onSuccess: refresh });
  const remove = useMutation({
    mutationFn: () => deleteAssessment(item.id),
    onSuccess: async () => {
      setIsConfirmingDelete(false);
      await refresh();
    },
  });
  const error = rename.error ?? duplicate.error ?? remove.error;
  const levels = BLOOM_LEVELS.filter((level) => item.bloom_counts[level] > 0);

  return (
    <li className="flex flex-col rounded-2xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900" data-testid="library-card">
      {isRenaming ? (
        <form
          className="space-y-2"
          onSubmit={(event) => {
            event.preventDefault();
            if (title.trim()) rename.mutate();
          }}
          onKeyDown={(event) => {
            if (event.key === "Escape") setIsRenaming(false);
          }}
        >
          <label htmlFor={`rename-${item.id}`} className={label}>
            New title for “{item.title}”
          </label>
          <input id={`rename-${item.id}`} value={title} onChange={(event) => setTitle(event.target.value)} maxLength={300} className={field} autoFocus />
          <div className="flex gap-2">
            <button type="submit" className={button.primary} disabled={rename.isPending || !title.trim()}>
              Save title
            </button>
            <button type="button" className={button.secondary} onClick={() => setIsRenaming(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <h3 className="text-lg font-semibold leading-snug">
          <Link href={`/library/${item.id}`} className="hover:text-indigo-700 hover:underline dark:hover:text-indigo-300">
            {item.title}
          </Link>
        </h3>
      )}
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        <span className="tabular-nums" data-testid="library-question-count">
          {item.question_count} question{item.question_count === 1 ? "" : "s"}
        </span>{" "}
        · saved {formatDate(item.created_at)}
        {item.updated_at.slice(0, 16) !== item.created_at.slice(0, 16) ? ` · edited ${formatDate(item.updated_at)}` : ""}
      </p>
      <div className="mt-3 mb-3 grid grid-cols-[6rem_minmax(0,1fr)] items-center gap-3">
        <BloomChart counts={item.bloom_counts} compact />
        <p className="text-xs text-slate-600 dark:text-slate-400" data-testid="library-bloom-mix">
          {levels.length === 0 ? "No questions" : levels.map((level) => `${BLOOM_INFO[level].label} ${item.bloom_counts[level]}`).join(" · ")}
        </p>
      </div>
      {error && (
        <div className="mt-3">
          <Notice tone="error">{error.message}</Notice>
        </div>
      )}
      <div className="mt-auto flex flex-wrap gap-1 border-t border-slate-100 pt-3 dark:border-slate-800">
        <Link href={`/library/${item.id}`} className={button.ghost}>
          Open<span className="sr-only"> {item.title}</span>
        </Link>
        <button
          type="button"
          className={button.ghost}
          onClick={() => {
            setTitle(item.title);
            setIsRenaming(true);
          }}
        >
          Rename<span className="sr-only"> {item.title}</span>
        </button>
        <button type="button" className={button.ghost} disabled={duplicate.isPending} onClick={() => duplicate.mutate()}>
          {duplicate.isPending ? "Duplicating…" : "Duplicate"}
          <span className="sr-only"> {item.title}</span>
        </button>
        <button type="button" className={button.ghostDanger} onClick={() => setIsConfirmingDelete(true)}>
          Delete<span className="sr-only"> {item.title}</span>
        </button>
      </div>
      <ConfirmDeleteDialog
        isOpen={isConfirmingDelete}
        onClose={() => setIsConfirmingDelete(false)}
        onConfirm={() => remove.mutate()}
        isPending={remove.isPending}
        error={remove.error}
      >
        <p>
          “{item.title}” and its {item.question_count} question{item.question_count === 1 ? "" : "s"} will be deleted. This cannot be undone; duplicate it
          first if you may want it back.
        </p>
      </ConfirmDeleteDialog>
      {duplicate.data && (
        <p role="status" className="mt-2 text-sm">
          Copied as{" "}
          <Link href={`/library/${duplicate.data.id}`} className="font-medium text-indigo-700 underline dark:text-indigo-300">
            “{duplicate.data.title}”
          </Link>
          .
        </p>
      )}
    </li>
  );
}

function formatDate(iso: string): string {
  return new Date(iso).toLocaleDateString("en-US", { month: "short", day: "numeric", year: "numeric" });
}

"use client";

import Link from "next/link";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { FormAlert, primaryButtonClasses, secondaryButtonClasses } from "@/components/auth/form-field";
import { ApiRequestError } from "@/lib/api-client/fetch-json";
import { publishQuiz, quizShareQuery, unpublishQuiz, updateQuizSettings, type QuizShareView } from "@/lib/quizzes/api-client";
import { QuizSettingsFields } from "./quiz-settings-fields";
import { DEFAULT_DRAFT, toDraft, toSettingsChange, type SettingsDraft } from "./settings-draft";

type FieldErrors = Partial<Record<"review_at" | "closes_at", string>>;

const linkButtonClasses =
  "inline-flex items-center rounded-lg border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 dark:border-slate-700 dark:hover:bg-slate-800";

function describeState(share: QuizShareView): string {
  if (share.is_open) return "Open: anyone with the link or code can take it.";
  if (share.closed_reason === "unpublished") return "Closed: you unpublished it, so the link says the quiz is closed. Results are kept.";
  return "Closed: its closing time has passed. Results are kept.";
}

/**
 * The teacher's sharing controls for one saved assessment: publish it as a quiz (link and short
 * code), change how it behaves, unpublish or publish again, publish edits as a new version, and go
 * to the results.
 */
export function SharePanel({ assessmentId, editedAt }: { assessmentId: number; editedAt: string }) {
  const queryClient = useQueryClient();
  const query = quizShareQuery(assessmentId);
  const share = useQuery(query);
  // An edit in the editor re-renders the page with a new time: ask again whether the quiz is behind.
  const seenEdit = useRef(editedAt);
  useEffect(() => {
    if (seenEdit.current === editedAt) return;
    seenEdit.current = editedAt;
    void queryClient.invalidateQueries({ queryKey: quizShareQuery(assessmentId).queryKey });
  }, [editedAt, assessmentId, queryClient]);
  const [isEditing, setIsEditing] = useState(false);
  const [draft, setDraft] = useState<SettingsDraft>(DEFAULT_DRAFT);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  function onFailure(failure: Error) {
    setNotice(null);
    if (failure instanceof ApiRequestError) {
      const errors: FieldErrors = { review_at: failure.issueFor("review_at"), closes_at: failure.issueFor("closes_at") };
      setFieldErrors(errors);
      setError(errors.review_at || errors.closes_at ? "Check the settings marked below." : failure.message);
      if (errors.review_at || errors.closes_at) setIsEditing(true);
    } else {
      setError("Could not reach the server; try again.");
    }
  }

  function onSuccess(view: QuizShareView, message: string) {
    queryClient.setQueryData(query.queryKey, view);
    setFieldErrors({});
    setError(null);
    setNotice(message);
    setIsEditing(false);
  }

  const publish = useMutation({
    mutationFn: () => publishQuiz(assessmentId, isEditing || !share.data ? toSettingsChange(draft) : {}),
    onSuccess: (view) =>
      onSuccess(
        view,
        view.outcome === "created"
          ? "✓ Published. Share the link or the code with your takers."
          : view.outcome === "new_version"
            ? `✓ Published version ${view.version}. New attempts get the changed questions.`
            : "✓ Published again: the link is open.",
      ),
    onError: onFailure,
  });
  const update = useMutation({
    mutationFn: () => updateQuizSettings(assessmentId, toSettingsChange(draft)),
    onSuccess: (view) => onSuccess(view, "✓ Settings saved."),
    onError: onFailure,
  });
  const unpublish = useMutation({
    mutationFn: () => unpublishQuiz(assessmentId),
    onSuccess: (view) => onSuccess(view, "✓ Unpublished: the link now says the quiz is closed."),
    onError: onFailure,
  });
  const isBusy = publish.isPending || update.isPending || unpublish.isPending;

  function openSettings() {
    setDraft(share.data ? toDraft(share.data.settings) : DEFAULT_DRAFT);
    setFieldErrors({});
    setIsEditing(true);
  }

  async function copyLink(url: string) {
    try {
      await navigator.clipboard.writeText(url);
      setNotice("✓ Link copied.");
    } catch {
      (document.getElementById("share-link") as HTMLInputElement | null)?.select();
      setNotice("Select the link and copy it (Ctrl+C or ⌘C).");
    }
  }

  const data = share.data;
  return (
    <aside aria-labelledby="share-heading" className="mx-auto max-w-4xl px-4 pt-6">
      <div className="space-y-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5 dark:border-slate-800 dark:bg-slate-900" data-testid="share-panel">
        <h2 id="share-heading" className="text-xl font-semibold">
          Share as a quiz
        </h2>

        {share.isPending && <p className="text-sm text-slate-600 dark:text-slate-400">Loading sharing…</p>}
        {share.isError && <FormAlert>Could not load the sharing settings: {share.error.message}</FormAlert>}

        {share.isSuccess && data === null && (
          <>
            <p className="text-sm text-slate-700 dark:text-slate-300">
              Takers answer in their browser through a link or a short code, with no account. Publishing freezes the questions as they are now;
              later edits reach takers only when you publish them as a new version.
            </p>
            {!isEditing ? (
              <button type="button" onClick={openSettings} className={primaryButtonClasses}>
                Share…
              </button>
            ) : null}
          </>
        )}

        {data && (
          <div className="space-y-4">
            <p className="text-sm font-medium" data-testid="share-state">
              {data.is_open ? "● " : "○ "}
              {describeState(data)}
            </p>
            <div className="flex flex-wrap items-end gap-3">
              <div className="min-w-0 flex-1 basis-64">
                <label htmlFor="share-link" className="block text-sm font-semibold">
                  Link for takers
                </label>
                <input
                  id="share-link"
                  readOnly
                  value={data.url ?? data.path}
                  onFocus={(event) => event.target.select()}
                  className="mt-1 w-full rounded-lg border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 dark:border-slate-700 dark:bg-slate-950"
                />
              </div>
              <button type="button" onClick={() => void copyLink(data.url ?? data.path)} className={secondaryButtonClasses}>
                Copy link
              </button>
            </div>
            <p className="text-sm">
              Or they type the code{" "}
              <strong className="font-mono text-xl tracking-widest" data-testid="share-code">
                {data.code}
              </strong>{" "}
              at <span className="font-mono">{(data.url ?? "").replace(/\/q\/.*$/, "")}/q</span>
            </p>
            <p className="text-sm text-slate-600 dark:text-slate-400">
              Version {data.version} · {data.versions[0].attempts} attempt{data.versions[0].attempts === 1 ? "" : "s"}, {data.versions[0].submitted} submitted
            </p>
            {data.has_unpublished_changes && (
              <div className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
                <p className="mb-2">⚠ You changed this assessment after version {data.version} was published; takers still get version {data.version}.</p>
                <button type="button" onClick={() => publish.mutate()} disabled={isBusy} className={secondaryButtonClasses}>
                  Publish the changes as version {data.version + 1}
                </button>
              </div>
            )}
            <div className="flex flex-wrap gap-3">
              <Link href={`/library/${assessmentId}/results`} className={linkButtonClasses}>
                Results
              </Link>
              {!isEditing && (
                <button type="button" onClick={openSettings} disabled={isBusy} className={secondaryButtonClasses}>
                  Change settings
                </button>
              )}
              {data.is_published ? (
                <button type="button" onClick={() => unpublish.mutate()} disabled={isBusy} className={secondaryButtonClasses}>
                  Unpublish
                </button>
              ) : (
                <button type="button" onClick={() => publish.mutate()} disabled={isBusy} className={secondaryButtonClasses}>
                  Publish again
                </button>
              )}
            </div>
          </div>
        )}

        {isEditing && share.isSuccess && (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              if (data) update.mutate();
              else publish.mutate();
            }}
            className="space-y-4 border-t border-slate-200 pt-4 dark:border-slate-800"
            aria-label="Quiz settings"
          >
            <QuizSettingsFields draft={draft} onChange={setDraft} errors={fieldErrors} disabled={isBusy} />
            <div className="flex flex-wrap gap-3">
              <button type="submit" disabled={isBusy} className={primaryButtonClasses}>
                {data ? "Save settings" : "Publish quiz"}
              </button>
              <button type="button" onClick={() => setIsEditing(false)} className={secondaryButtonClasses}>
                Cancel
              </button>
            </div>
          </form>
        )}

        {error && <FormAlert>{error}</FormAlert>}
        <p role="status" className="text-sm font-medium text-emerald-800 dark:text-emerald-300">
          {notice}
        </p>
      </div>
    </aside>
  );
}

"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { saveJobAsAssessment } from "@/lib/api-client/assessments";
import { sessionQuery } from "@/lib/api-client/auth";
import type { BloomCounts } from "@/lib/generation/blooms";
import type { GenerationResult } from "@/lib/generation/mcq";
import { clearDraft, readDraft, writeDraft } from "@/lib/ui/draft-storage";
import { useUnsavedChangesWarning } from "@/lib/ui/use-unsaved-changes-warning";
import { rememberPendingSave } from "@/components/auth/pending-save";
import { QuestionWorkspace } from "@/components/assessment/question-workspace";
import { useDraftQuestions } from "@/components/assessment/question-store";
import { Notice } from "@/components/ui/notice";
import { button, field, label } from "@/components/ui/styles";

/**
 * A finished job, not saved yet: review and edit it here (edits stay in this browser, under the
 * job's id), then save it — or, without an account, sign in and it is saved on the way back.
 */
export function DraftReview({ jobId, result, initialTitle, requested }: { jobId: string; result: GenerationResult; initialTitle: string; requested?: BloomCounts }) {
  const store = useDraftQuestions(jobId, result.mcqs);
  const [title, setTitle] = useState(initialTitle);
  const [isSaved, setIsSaved] = useState(false);
  useUnsavedChangesWarning(store.isEdited && !isSaved);

  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <p className="text-sm font-semibold uppercase tracking-wide text-indigo-700 dark:text-indigo-300">Review and edit</p>
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{title.trim() || "Untitled assessment"}</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {store.isEdited ? "Your edits are kept in this browser until you save." : "Check each question; edit, regenerate or delete any that miss the mark."}
        </p>
      </header>
      <SavePanel
        jobId={jobId}
        title={title}
        onTitleChange={(next) => {
          setTitle(next);
          const stored = readDraft(jobId);
          writeDraft(jobId, { mcqs: stored?.mcqs ?? [], isEdited: stored?.isEdited ?? false, title: next, requested: stored?.requested });
        }}
        edited={store.isEdited ? store.questions.map(({ key: _key, ...mcq }) => mcq) : undefined}
        onSaved={() => setIsSaved(true)}
      />
      <QuestionWorkspace store={store} moreSource={{ job_id: jobId }} requested={requested} warnings={result.warnings} />
    </div>
  );
}

/** Signed in: a title and "Save to library". Anonymous: a clear prompt to sign in that keeps the result and the edits. */
function SavePanel({
  jobId,
  title,
  onTitleChange,
  edited,
  onSaved,
}: {
  jobId: string;
  title: string;
  onTitleChange: (title: string) => void;
  edited: GenerationResult["mcqs"] | undefined;
  onSaved: () => void;
}) {
  const router = useRouter();
  const session = useQuery(sessionQuery());
  const save = useMutation({
    mutationFn: () => saveJobAsAssessment({ job_id: jobId, title: title.trim() || undefined, mcqs: edited }),
    onSuccess: (saved) => {
      onSaved();
      clearDraft(jobId);
      router.push(`/library/${saved.id}?saved=1`);
    },
  });

  if (session.isPending) return <div className="h-24 rounded-2xl border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900" aria-hidden="true" />;
  if (!session.data) {
    const params = new URLSearchParams({ save_job: jobId, ...(title.trim() ? { title: title.trim() } : {}) }).toString();
    const remember = () => rememberPendingSave({ jobId, title });
    return (
      <div className="rounded-2xl border border-indigo-200 bg-indigo-50 p-4 sm:p-5 dark:border-indigo-900 dark:bg-indigo-950/60" data-testid="save-panel">
        <TitleField title={title} onChange={onTitleChange} />
        <div className="mt-3 flex flex-wrap items-center gap-3">
          <p className="min-w-48 flex-1 text-sm">Sign in to keep this quiz in your library. It stays here while you do, edits included.</p>
          <Link href={`/sign-in?${params}`} onClick={remember} className={button.primary} data-skip-unsaved-warning>
            Sign in to save
          </Link>
          <Link href={`/sign-up?${params}`} onClick={remember} className="text-sm font-semibold text-indigo-800 underline underline-offset-2 dark:text-indigo-200" data-skip-unsaved-warning>
            Create an account
          </Link>
        </div>
      </div>
    );
  }
  return (
    <form
      className="rounded-2xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5 dark:border-slate-800 dark:bg-slate-900"
      data-testid="save-panel"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-48 flex-1">
          <TitleField title={title} onChange={onTitleChange} />
        </div>
        <button type="submit" disabled={save.isPending || save.isSuccess} className={button.primary}>
          {save.isPending || save.isSuccess ? "Saving…" : "Save to library"}
        </button>
      </div>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">Saved assessments can be edited, exported and shared; every later edit is saved as you make it.</p>
      {save.error && (
        <div className="mt-3">
          <Notice tone="error">Could not save: {save.error.message}</Notice>
        </div>
      )}
    </form>
  );
}

function TitleField({ title, onChange }: { title: string; onChange: (title: string) => void }) {
  return (
    <div>
      <label htmlFor="draft-title" className={label}>
        Title
      </label>
      <input id="draft-title" value={title} onChange={(event) => onChange(event.target.value)} maxLength={200} className={field} placeholder="Untitled assessment" />
    </div>
  );
}

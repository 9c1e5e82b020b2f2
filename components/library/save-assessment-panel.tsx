"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { saveJobAsAssessment } from "@/lib/api-client/assessments";
import { sessionQuery } from "@/lib/api-client/auth";
import { rememberPendingSave } from "@/components/auth/pending-save";
import { FormAlert, primaryButtonClasses } from "@/components/auth/form-field";

/**
 * Under a finished generation: a signed-in teacher saves it to their library; a visitor is asked to
 * sign in, and the quiz is saved as soon as they have (see pending-save.ts).
 */
export function SaveAssessmentPanel({ jobId, title }: { jobId: string; title?: string }) {
  const session = useQuery(sessionQuery());
  const save = useMutation({ mutationFn: () => saveJobAsAssessment({ job_id: jobId, title: title?.trim() || undefined }) });

  if (session.isPending) return null;
  if (!session.data) {
    const params = new URLSearchParams({ save_job: jobId, ...(title?.trim() ? { title: title.trim() } : {}) }).toString();
    return (
      <div className="flex flex-wrap items-center gap-3 rounded-xl border border-indigo-200 bg-indigo-50 p-4 dark:border-indigo-900 dark:bg-indigo-950" data-testid="save-panel">
        <p className="flex-1">Sign in to keep this quiz in your library. It stays here while you do.</p>
        <Link href={`/sign-in?${params}`} onClick={() => rememberPendingSave({ jobId, title })} className={primaryButtonClasses}>
          Sign in to save
        </Link>
        <Link href={`/sign-up?${params}`} onClick={() => rememberPendingSave({ jobId, title })} className="font-medium text-indigo-700 underline dark:text-indigo-300">
          Create an account
        </Link>
      </div>
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-3 rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900" data-testid="save-panel">
      {save.data ? (
        <p role="status" className="flex-1">
          ✓ Saved as “{save.data.title}”.{" "}
          <Link href={`/library/${save.data.id}`} className="font-medium text-indigo-700 underline dark:text-indigo-300">
            Open it in your library
          </Link>
        </p>
      ) : (
        <>
          <p className="flex-1">Keep this quiz to edit, reuse and export it later.</p>
          <button type="button" onClick={() => save.mutate()} disabled={save.isPending} className={primaryButtonClasses}>
            {save.isPending ? "Saving…" : "Save to library"}
          </button>
        </>
      )}
      {save.error && (
        <div className="w-full">
          <FormAlert>Could not save: {save.error.message}</FormAlert>
        </div>
      )}
    </div>
  );
}

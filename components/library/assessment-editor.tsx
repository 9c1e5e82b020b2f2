"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent, type ReactNode } from "react";
import { deleteAssessment, duplicateAssessment, renameAssessment, type SavedMcq } from "@/lib/api-client/assessments";
import { QuestionWorkspace } from "@/components/assessment/question-workspace";
import { useSavedQuestions } from "@/components/assessment/question-store";
import { DisabledUntilHydrated } from "@/components/ui/disabled-until-hydrated";
import { Notice } from "@/components/ui/notice";
import { button, field, label } from "@/components/ui/styles";
import { ConfirmDeleteDialog } from "./confirm-delete-dialog";
import { ExportDialog } from "./export-dialog";

export interface EditableAssessment {
  id: number;
  title: string;
  createdAt: string;
  mcqs: SavedMcq[];
  /** Whether it keeps the material it came from, so questions can be regenerated and added. */
  hasMaterial?: boolean;
}

/**
 * A saved assessment: rename, export, duplicate or delete it, and edit its questions in place —
 * every edit is saved to the server as it is made. `share` is the sharing panel, shown under the title.
 */
export function AssessmentEditor({ assessment, notice, share }: { assessment: EditableAssessment; notice?: string; share?: ReactNode }) {
  const router = useRouter();
  // After each saved edit the server part of the page (e.g. the sharing panel's "edited since published") is re-read;
  // the questions on screen are already the server's answer.
  const store = useSavedQuestions(assessment.id, assessment.mcqs, () => router.refresh());
  const [title, setTitle] = useState(assessment.title);
  const [draftTitle, setDraftTitle] = useState(assessment.title);
  const [isRenaming, setIsRenaming] = useState(false);
  const [isExportOpen, setIsExportOpen] = useState(false);
  const [isConfirmingDelete, setIsConfirmingDelete] = useState(false);

  const rename = useMutation({
    mutationFn: () => renameAssessment(assessment.id, draftTitle.trim()),
    onSuccess: (renamed) => {
      setTitle(renamed.title);
      setIsRenaming(false);
    },
  });
  const duplicate = useMutation({ mutationFn: () => duplicateAssessment(assessment.id), onSuccess: (copy) => router.push(`/library/${copy.id}`) });
  const remove = useMutation({ mutationFn: () => deleteAssessment(assessment.id), onSuccess: () => router.push("/library") });

  function onRename(event: FormEvent) {
    event.preventDefault();
    if (draftTitle.trim()) rename.mutate();
  }

  return (
    <main id="main" className="mx-auto max-w-4xl px-4 py-8 sm:py-10">
      {/* The server renders the whole editor; its buttons do nothing until React has attached them. */}
      <DisabledUntilHydrated className="space-y-6">
        {notice && <Notice tone="success">{notice}</Notice>}
        <header className="space-y-3">
          <Link href="/library" className="text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300">
            ← Library
          </Link>
          {isRenaming ? (
            <form onSubmit={onRename} onKeyDown={(event) => event.key === "Escape" && setIsRenaming(false)} className="flex flex-wrap items-end gap-2">
              <div className="min-w-56 flex-1">
                <label htmlFor="assessment-title" className={label}>
                  Title
                </label>
                <input id="assessment-title" value={draftTitle} onChange={(e) => setDraftTitle(e.target.value)} maxLength={300} className={field} autoFocus />
              </div>
              <button type="submit" disabled={rename.isPending || !draftTitle.trim()} className={button.primary}>
                Save title
              </button>
              <button type="button" onClick={() => setIsRenaming(false)} className={button.secondary}>
                Cancel
              </button>
            </form>
          ) : (
            <div className="flex flex-wrap items-start gap-3">
              <h1 className="min-w-0 flex-1 text-2xl font-bold tracking-tight break-words sm:text-3xl">{title}</h1>
              <button
                type="button"
                onClick={() => {
                  setDraftTitle(title);
                  setIsRenaming(true);
                }}
                className={button.secondary}
              >
                Rename
              </button>
            </div>
          )}
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Saved {new Date(assessment.createdAt).toLocaleDateString("en-US", { month: "short", day: "numeric", year: "numeric" })} · every change is saved as you make it
          </p>
          {(rename.error ?? duplicate.error) && <Notice tone="error">{(rename.error ?? duplicate.error)!.message}</Notice>}
        </header>

        {share && <div className="[&>aside]:max-w-none [&>aside]:px-0 [&>aside]:pt-0">{share}</div>}

        <QuestionWorkspace
          store={store}
          moreSource={assessment.hasMaterial ? { assessment_id: assessment.id } : null}
          noMaterialReason="This assessment was imported or saved without its material, so questions cannot be regenerated or added by the generator; add them by hand."
          toolbarExtra={
            <>
              <button type="button" onClick={() => setIsExportOpen(true)} className={button.secondary}>
                Export
              </button>
              <button type="button" onClick={() => duplicate.mutate()} disabled={duplicate.isPending} className={button.secondary}>
                {duplicate.isPending ? "Duplicating…" : "Duplicate"}
              </button>
              <button type="button" onClick={() => setIsConfirmingDelete(true)} className={button.danger}>
                Delete
              </button>
            </>
          }
        />

        <ExportDialog assessmentId={assessment.id} isOpen={isExportOpen} onClose={() => setIsExportOpen(false)} />
        <ConfirmDeleteDialog
          isOpen={isConfirmingDelete}
          onClose={() => setIsConfirmingDelete(false)}
          onConfirm={() => remove.mutate()}
          isPending={remove.isPending}
          error={remove.error}
        >
          <p>“{title}” and all its questions will be deleted. This cannot be undone.</p>
        </ConfirmDeleteDialog>
      </DisabledUntilHydrated>
    </main>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import {
  addQuestion,
  deleteAssessment,
  deleteQuestion,
  renameAssessment,
  reorderQuestions,
  updateQuestion,
  type SavedMcq,
} from "@/lib/api-client/assessments";
import { QuestionCard } from "@/components/quiz/question-card";
import { dangerButtonClasses, FormAlert, inputClasses, primaryButtonClasses, secondaryButtonClasses } from "@/components/auth/form-field";
import { EMPTY_DRAFT, QuestionForm } from "./question-form";

export interface EditableAssessment {
  id: number;
  title: string;
  createdAt: string;
  mcqs: SavedMcq[];
}

/**
 * A saved assessment, reopened: rename it, edit, add, move and delete questions, or delete it.
 * Every change goes to the API and the page is then re-read from the server, the one source of truth.
 */
export function AssessmentEditor({ assessment, notice }: { assessment: EditableAssessment; notice?: string }) {
  const router = useRouter();
  const [isRefreshing, startRefresh] = useTransition();
  const [showAnswers, setShowAnswers] = useState(true);
  const [editing, setEditing] = useState<string | "new" | null>(null);
  const [isRenaming, setIsRenaming] = useState(false);
  const [title, setTitle] = useState(assessment.title);
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  async function run(change: () => Promise<unknown>) {
    setError(null);
    setIsBusy(true);
    try {
      await change();
      startRefresh(() => router.refresh());
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setIsBusy(false);
    }
  }

  function move(index: number, by: -1 | 1) {
    const ids = assessment.mcqs.map((mcq) => mcq.id);
    [ids[index], ids[index + by]] = [ids[index + by], ids[index]];
    void run(() => reorderQuestions(assessment.id, ids));
  }

  function onRename(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      await renameAssessment(assessment.id, title);
      setIsRenaming(false);
    });
  }

  function onDeleteAssessment() {
    if (!window.confirm(`Delete “${assessment.title}” and all its questions? This cannot be undone.`)) return;
    void run(async () => {
      await deleteAssessment(assessment.id);
      router.push("/library");
    });
  }

  const isDisabled = isBusy || isRefreshing;
  return (
    <main className="mx-auto max-w-4xl px-4 py-10" aria-busy={isDisabled}>
      {notice && (
        <p role="status" className="mb-6 rounded-lg bg-emerald-50 px-4 py-2 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100">
          {notice}
        </p>
      )}
      <header className="mb-6 space-y-3">
        {isRenaming ? (
          <form onSubmit={onRename} className="flex flex-wrap items-end gap-3">
            <div className="min-w-64 flex-1">
              <label htmlFor="assessment-title" className="block text-sm font-semibold">
                Title
              </label>
              <input id="assessment-title" value={title} onChange={(e) => setTitle(e.target.value)} className={inputClasses} autoFocus />
            </div>
            <button type="submit" disabled={isDisabled} className={primaryButtonClasses}>
              Save title
            </button>
            <button type="button" onClick={() => { setIsRenaming(false); setTitle(assessment.title); }} className={secondaryButtonClasses}>
              Cancel
            </button>
          </form>
        ) : (
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="text-3xl font-bold tracking-tight">{assessment.title}</h1>
            <button type="button" onClick={() => setIsRenaming(true)} className={secondaryButtonClasses}>
              Rename
            </button>
          </div>
        )}
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {assessment.mcqs.length} question{assessment.mcqs.length === 1 ? "" : "s"} · saved{" "}
          {new Date(assessment.createdAt).toLocaleDateString("en-US", { month: "short", day: "numeric", year: "numeric" })}
        </p>
        <div className="flex flex-wrap gap-3">
          <button type="button" onClick={() => setShowAnswers(!showAnswers)} className={secondaryButtonClasses}>
            {showAnswers ? "Show question paper" : "Show answer key"}
          </button>
          <button type="button" onClick={() => setEditing("new")} disabled={isDisabled} className={secondaryButtonClasses}>
            Add a question
          </button>
        </div>
      </header>

      {error && (
        <div className="mb-4">
          <FormAlert>{error}</FormAlert>
        </div>
      )}

      <ol className="space-y-4" aria-label="Questions">
        {assessment.mcqs.map((mcq, index) => (
          <li key={mcq.id} className="space-y-2">
            {editing === mcq.id ? (
              <QuestionForm
                idPrefix={`edit-${mcq.id}`}
                initial={mcq}
                submitLabel="Save question"
                onCancel={() => setEditing(null)}
                onSubmit={async (draft) => {
                  await updateQuestion(assessment.id, mcq.id, draft);
                  setEditing(null);
                  startRefresh(() => router.refresh());
                }}
              />
            ) : (
              <>
                <QuestionCard mcq={mcq} number={index + 1} showAnswer={showAnswers} />
                <div className="flex flex-wrap gap-2">
                  <button type="button" onClick={() => setEditing(mcq.id)} disabled={isDisabled} className={secondaryButtonClasses} aria-label={`Edit question ${index + 1}`}>
                    Edit
                  </button>
                  <button type="button" onClick={() => move(index, -1)} disabled={isDisabled || index === 0} className={secondaryButtonClasses} aria-label={`Move question ${index + 1} up`}>
                    ↑ Up
                  </button>
                  <button
                    type="button"
                    onClick={() => move(index, 1)}
                    disabled={isDisabled || index === assessment.mcqs.length - 1}
                    className={secondaryButtonClasses}
                    aria-label={`Move question ${index + 1} down`}
                  >
                    ↓ Down
                  </button>
                  <button
                    type="button"
                    disabled={isDisabled}
                    className={dangerButtonClasses}
                    aria-label={`Delete question ${index + 1}`}
                    onClick={() => {
                      if (window.confirm(`Delete question ${index + 1}?`)) void run(() => deleteQuestion(assessment.id, mcq.id));
                    }}
                  >
                    Delete
                  </button>
                </div>
              </>
            )}
          </li>
        ))}
      </ol>
      {assessment.mcqs.length === 0 && editing !== "new" && <p className="text-slate-600 dark:text-slate-400">This assessment has no questions yet.</p>}

      {editing === "new" && (
        <section aria-labelledby="new-question-heading" className="mt-6 space-y-3">
          <h2 id="new-question-heading" className="text-lg font-semibold">
            New question
          </h2>
          <QuestionForm
            idPrefix="new-question"
            initial={EMPTY_DRAFT}
            submitLabel="Add question"
            onCancel={() => setEditing(null)}
            onSubmit={async (draft) => {
              await addQuestion(assessment.id, draft);
              setEditing(null);
              startRefresh(() => router.refresh());
            }}
          />
        </section>
      )}

      <footer className="mt-10 border-t border-slate-200 pt-6 dark:border-slate-800">
        <button type="button" onClick={onDeleteAssessment} disabled={isDisabled} className={dangerButtonClasses}>
          Delete this assessment
        </button>
      </footer>
    </main>
  );
}

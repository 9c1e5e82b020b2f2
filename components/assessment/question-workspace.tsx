"use client";

import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from "react";
import { generateMore } from "@/lib/api-client/jobs";
import { BLOOM_LEVELS, type BloomCounts, type BloomLevel } from "@/lib/generation/blooms";
import type { GenerationWarning, Mcq } from "@/lib/generation/mcq";
import { BLOOM_INFO, countByLevel, distributeCounts, parseCount } from "@/lib/ui/bloom-levels";
import { moveItem, stemsToAvoid } from "@/lib/ui/question-list";
import { useUnsavedChangesWarning } from "@/lib/ui/use-unsaved-changes-warning";
import { EMPTY_DRAFT, QuestionForm } from "@/components/library/question-form";
import { QuestionCard } from "@/components/quiz/question-card";
import { Notice } from "@/components/ui/notice";
import { button, field, label } from "@/components/ui/styles";
import { JobWatcher, type JobOutcome } from "./job-watcher";
import type { QuestionStore, WorkspaceQuestion } from "./question-store";
import { ShortLevelWarnings } from "./short-level-warnings";
import { SummaryStrip } from "./summary-strip";

/** Where more questions come from: the unsaved result's job, or the saved assessment's stored material. */
export type MoreSource = { job_id: string } | { assessment_id: number } | null;

interface Message {
  tone: "success" | "warning" | "error";
  text: string;
  undo?: () => Promise<void>;
}

const MAX_ADD = 20;

/**
 * Review and edit: the summary, the Question paper / Answer key toggle, and every question with its
 * actions — edit in place, regenerate, move (drag, arrow keys on the handle, or the buttons), delete
 * with undo — plus adding by hand and "add n more". `store` decides whether edits stay in the
 * browser (an unsaved result) or go to the server (a saved assessment).
 */
export function QuestionWorkspace({
  store,
  moreSource,
  requested,
  warnings = [],
  noMaterialReason,
  toolbarExtra,
}: {
  store: QuestionStore;
  moreSource: MoreSource;
  requested?: BloomCounts;
  warnings?: GenerationWarning[];
  /** Why regenerating is unavailable when there is no material. */
  noMaterialReason?: string;
  /** More buttons beside the toggle (e.g. export). */
  toolbarExtra?: ReactNode;
}) {
  const hintId = useId();
  const [showAnswers, setShowAnswers] = useState(true);
  const [editing, setEditing] = useState<string | "new" | null>(null);
  const [isFormDirty, setIsFormDirty] = useState(false);
  const [regenerating, setRegenerating] = useState<Record<string, string>>({});
  const [adding, setAdding] = useState<{ jobId: string; count: number } | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [isBusy, setIsBusy] = useState(false);
  // Changes sent to the server and not answered yet: leaving now could lose them, so leaving asks.
  const [pendingSaves, setPendingSaves] = useState(0);
  const [drag, setDrag] = useState<{ key: string; to: number } | null>(null);
  const handles = useRef(new Map<string, HTMLDivElement>());
  const items = useRef(new Map<string, HTMLLIElement>());
  const focusAfterMove = useRef<string | null>(null);
  const { questions } = store;

  const hasPendingJobs = Object.keys(regenerating).length > 0 || adding !== null;
  useUnsavedChangesWarning(isFormDirty || hasPendingJobs || pendingSaves > 0);

  async function track<T>(save: Promise<T>): Promise<T> {
    setPendingSaves((count) => count + 1);
    try {
      return await save;
    } finally {
      setPendingSaves((count) => count - 1);
    }
  }

  useEffect(() => {
    const key = focusAfterMove.current;
    if (key) {
      handles.current.get(key)?.focus();
      focusAfterMove.current = null;
    }
  }, [questions]);

  const onDirtyChange = useCallback((isDirty: boolean) => setIsFormDirty(isDirty), []);

  async function run(change: () => Promise<void>, success?: Message) {
    setIsBusy(true);
    try {
      await track(change());
      if (success) setMessage(success);
    } catch (error) {
      setMessage({ tone: "error", text: (error as Error).message });
    } finally {
      setIsBusy(false);
    }
  }

  function move(index: number, to: number) {
    if (to < 0 || to >= questions.length || to === index) return;
    // A moved element loses focus when the list is re-ordered in the DOM: hand it to the question's handle.
    focusAfterMove.current = questions[index].key;
    setAnnouncement(`Question ${index + 1} moved to position ${to + 1} of ${questions.length}.`);
    // Not `run`: the order shows at once, and the controls stay enabled so focus can follow the question.
    track(store.reorder(moveItem(questions, index, to).map((question) => question.key))).catch((error: Error) => {
      setMessage({ tone: "error", text: `Could not move the question: ${error.message}` });
    });
  }

  function onHandleKeyDown(event: KeyboardEvent, index: number) {
    const to = { ArrowUp: index - 1, ArrowDown: index + 1, Home: 0, End: questions.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    move(index, to);
  }

  function remove(question: WorkspaceQuestion, index: number) {
    const { key: _key, ...mcq } = question;
    void run(() => store.remove(question.key), {
      tone: "success",
      text: `Question ${index + 1} deleted.`,
      undo: () => store.insert([mcq], index),
    });
  }

  async function regenerate(question: WorkspaceQuestion) {
    if (!moreSource) return;
    setMessage(null);
    try {
      const jobId = await generateMore({
        ...moreSource,
        blooms: { [question.bloom_level]: 1 },
        // Different from every other question, and from the one it replaces.
        exclude: stemsToAvoid(questions),
      });
      setRegenerating((current) => ({ ...current, [question.key]: jobId }));
    } catch (error) {
      setMessage({ tone: "error", text: `Could not regenerate: ${(error as Error).message}` });
    }
  }

  function onRegenerated(question: WorkspaceQuestion, outcome: JobOutcome) {
    setRegenerating(({ [question.key]: _done, ...rest }) => rest);
    const number = questions.findIndex((candidate) => candidate.key === question.key) + 1;
    if (!outcome.ok) {
      setMessage({ tone: "error", text: `Question ${number} could not be regenerated: ${outcome.message}` });
      return;
    }
    const [fresh] = outcome.result.mcqs;
    if (!fresh) {
      setMessage({
        tone: "warning",
        text: `No different ${BLOOM_INFO[question.bloom_level].label.toLowerCase()} question could be written from this material, so question ${number} was kept. ${outcome.result.warnings?.[0]?.message ?? ""}`.trim(),
      });
      return;
    }
    void run(() => store.replace(question.key, fresh), { tone: "success", text: `Question ${number} was regenerated.` });
  }

  async function addMore(counts: Partial<BloomCounts>, count: number) {
    if (!moreSource) return;
    setMessage(null);
    try {
      const jobId = await generateMore({ ...moreSource, blooms: counts, exclude: stemsToAvoid(questions) });
      setAdding({ jobId, count });
    } catch (error) {
      setMessage({ tone: "error", text: `Could not add questions: ${(error as Error).message}` });
    }
  }

  function onAdded(outcome: JobOutcome, asked: number) {
    setAdding(null);
    if (!outcome.ok) {
      setMessage({ tone: "error", text: `No questions were added: ${outcome.message}` });
      return;
    }
    const known = new Set(stemsToAvoid(questions));
    const fresh = outcome.result.mcqs.filter((mcq) => !known.has(mcq.question.trim()));
    const shortBy = asked - fresh.length;
    void run(() => store.insert(fresh), {
      tone: fresh.length === 0 ? "warning" : shortBy > 0 ? "warning" : "success",
      text:
        fresh.length === 0
          ? "The material has no further questions to offer at those levels."
          : `Added ${fresh.length} question${fresh.length === 1 ? "" : "s"}${shortBy > 0 ? ` (${shortBy} fewer than asked: the material ran short)` : ""}.`,
    });
  }

  // Dragging uses pointer events, not HTML drag and drop: it works the same with a mouse, a pen or a
  // finger on a phone. The handle captures the pointer; the drop place is how many other questions'
  // middles are above it.
  function dropIndexAt(key: string, y: number): number {
    return questions.filter((question) => {
      if (question.key === key) return false;
      const box = items.current.get(question.key)?.getBoundingClientRect();
      return box !== undefined && box.top + box.height / 2 < y;
    }).length;
  }

  function onHandlePointerDown(event: PointerEvent<HTMLDivElement>, question: WorkspaceQuestion, index: number) {
    if (editing !== null || event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    setDrag({ key: question.key, to: index });
  }

  function onHandlePointerMove(event: PointerEvent<HTMLDivElement>) {
    if (!drag) return;
    const to = dropIndexAt(drag.key, event.clientY);
    if (to !== drag.to) setDrag({ ...drag, to });
  }

  function onHandlePointerUp() {
    if (!drag) return;
    const from = questions.findIndex((question) => question.key === drag.key);
    setDrag(null);
    if (from >= 0) move(from, drag.to);
  }

  const isLocked = isBusy || editing !== null;
  // Where the dragged question would land, as "before the item at this index" of the list as it is now
  // (a box-shadow line, so showing it moves nothing).
  const dragFrom = drag ? questions.findIndex((question) => question.key === drag.key) : -1;
  const dropMarker = drag && drag.to !== dragFrom ? (drag.to > dragFrom ? drag.to + 1 : drag.to) : null;
  return (
    <div className="space-y-5">
      <SummaryStrip questions={questions} requested={requested} />
      <ShortLevelWarnings warnings={warnings} questions={questions} />

      <div className="flex flex-wrap items-center justify-between gap-3">
        <div role="group" aria-label="View" className="inline-flex rounded-lg border border-slate-300 bg-white p-0.5 dark:border-slate-700 dark:bg-slate-900">
          {[
            { value: false, text: "Question paper" },
            { value: true, text: "Answer key" },
          ].map((option) => (
            <button
              key={option.text}
              type="button"
              aria-pressed={showAnswers === option.value}
              onClick={() => setShowAnswers(option.value)}
              className="rounded-md px-3 py-1.5 text-sm font-medium text-slate-700 aria-pressed:bg-indigo-600 aria-pressed:text-white dark:text-slate-200"
            >
              {option.text}
            </button>
          ))}
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {store.isSaved && (
            <span className="text-sm text-slate-600 dark:text-slate-400" role="status" data-testid="save-state">
              {pendingSaves > 0 ? "Saving…" : "All changes saved"}
            </span>
          )}
          {toolbarExtra}
        </div>
      </div>

      {noMaterialReason && !moreSource && <p className="text-sm text-slate-600 dark:text-slate-400">{noMaterialReason}</p>}

      <div aria-live="polite" className="sr-only">
        {announcement}
      </div>
      <div className="min-h-0" aria-live="polite">
        {message && (
          <Notice
            tone={message.tone}
            testId="workspace-message"
            action={
              <div className="flex gap-2">
                {message.undo && (
                  <button
                    type="button"
                    className={button.secondary}
                    onClick={() => {
                      const undo = message.undo!;
                      setMessage(null);
                      void run(undo, { tone: "success", text: "Restored." });
                    }}
                  >
                    Undo
                  </button>
                )}
                <button type="button" className={button.ghost} onClick={() => setMessage(null)} aria-label="Dismiss message">
                  ✕
                </button>
              </div>
            }
          >
            {message.text}
          </Notice>
        )}
      </div>

      <p id={hintId} className="sr-only">
        Drag to move, or press the up and down arrow keys.
      </p>
      {questions.length === 0 && editing !== "new" && (
        <div className="rounded-2xl border-2 border-dashed border-slate-300 p-8 text-center dark:border-slate-700">
          <p className="font-medium">No questions yet.</p>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">Write one by hand{moreSource ? " or generate more from the material" : ""}.</p>
        </div>
      )}
      <ol className="space-y-4" aria-label="Questions">
        {questions.map((question, index) => {
          const jobId = regenerating[question.key];
          return (
            <li
              key={question.key}
              ref={(element) => {
                if (element) items.current.set(question.key, element);
                else items.current.delete(question.key);
              }}
              className={`rounded-2xl ${drag?.key === question.key ? "opacity-60 ring-2 ring-indigo-500 ring-offset-2 dark:ring-offset-slate-950" : ""} ${
                index === dropMarker ? "shadow-[0_-10px_0_-6px_var(--color-indigo-500)]" : ""
              } ${dropMarker === questions.length && index === questions.length - 1 ? "shadow-[0_10px_0_-6px_var(--color-indigo-500)]" : ""}`}
              data-testid="question-item"
            >
              {editing === question.key ? (
                <QuestionForm
                  idPrefix={`edit-${question.key}`}
                  initial={question}
                  submitLabel="Save question"
                  onDirtyChange={onDirtyChange}
                  onCancel={() => setEditing(null)}
                  onSubmit={async (draft) => {
                    await store.update(question.key, draft);
                    setEditing(null);
                    setMessage({ tone: "success", text: `Question ${index + 1} saved.` });
                  }}
                />
              ) : (
                <div className="space-y-2">
                  {jobId && (
                    <div className="rounded-xl border border-indigo-200 bg-indigo-50 px-3 dark:border-indigo-900 dark:bg-indigo-950/50">
                      <JobWatcher jobId={jobId} label={`Regenerating question ${index + 1}`} onEnd={(outcome) => onRegenerated(question, outcome)} />
                    </div>
                  )}
                  <QuestionCard
                    mcq={question}
                    number={index + 1}
                    showAnswer={showAnswers}
                    headerStart={
                      // A focusable handle: arrow keys move the question, and dragging it (mouse, pen or touch) moves it too.
                      <div
                        role="button"
                        tabIndex={editing === null ? 0 : -1}
                        aria-disabled={editing !== null || undefined}
                        ref={(element) => {
                          if (element) handles.current.set(question.key, element);
                          else handles.current.delete(question.key);
                        }}
                        onKeyDown={(event) => {
                          if (editing === null) onHandleKeyDown(event, index);
                        }}
                        onPointerDown={(event) => onHandlePointerDown(event, question, index)}
                        onPointerMove={onHandlePointerMove}
                        onPointerUp={onHandlePointerUp}
                        onPointerCancel={() => setDrag(null)}
                        aria-label={`Reorder question ${index + 1}`}
                        aria-describedby={hintId}
                        className={`${button.icon} -ml-1 -mt-1 cursor-grab touch-none select-none active:cursor-grabbing`}
                        data-testid="drag-handle"
                      >
                        <span aria-hidden="true" className="text-lg leading-none">
                          ⠿
                        </span>
                      </div>
                    }
                    toolbar={
                      <div className="flex flex-wrap items-center gap-1">
                        <button type="button" onClick={() => setEditing(question.key)} disabled={isLocked || Boolean(jobId)} className={button.ghost} aria-label={`Edit question ${index + 1}`}>
                          Edit
                        </button>
                        <button
                          type="button"
                          onClick={() => void regenerate(question)}
                          disabled={isLocked || Boolean(jobId) || !moreSource}
                          className={button.ghost}
                          aria-label={`Regenerate question ${index + 1}`}
                        >
                          ↻ Regenerate
                        </button>
                        <button type="button" onClick={() => move(index, index - 1)} disabled={editing !== null || index === 0} className={button.icon} aria-label={`Move question ${index + 1} up`}>
                          <span aria-hidden="true">↑</span>
                        </button>
                        <button
                          type="button"
                          onClick={() => move(index, index + 1)}
                          disabled={editing !== null || index === questions.length - 1}
                          className={button.icon}
                          aria-label={`Move question ${index + 1} down`}
                        >
                          <span aria-hidden="true">↓</span>
                        </button>
                        <button
                          type="button"
                          onClick={() => remove(question, index)}
                          disabled={isLocked || Boolean(jobId)}
                          className={button.ghostDanger}
                          aria-label={`Delete question ${index + 1}`}
                        >
                          Delete
                        </button>
                      </div>
                    }
                  />
                </div>
              )}
            </li>
          );
        })}
      </ol>

      {adding && (
        <div className="rounded-xl border border-indigo-200 bg-indigo-50 px-3 dark:border-indigo-900 dark:bg-indigo-950/50">
          <JobWatcher jobId={adding.jobId} label={`Writing ${adding.count} more question${adding.count === 1 ? "" : "s"}`} onEnd={(outcome) => onAdded(outcome, adding.count)} />
        </div>
      )}

      {editing === "new" ? (
        <section aria-labelledby="new-question-heading" className="space-y-3">
          <h2 id="new-question-heading" className="text-lg font-semibold">
            New question
          </h2>
          <QuestionForm
            idPrefix="new-question"
            initial={EMPTY_DRAFT}
            submitLabel="Add question"
            onDirtyChange={onDirtyChange}
            onCancel={() => setEditing(null)}
            onSubmit={async (draft) => {
              await store.insert([draft]);
              setEditing(null);
              setMessage({ tone: "success", text: "Question added at the end." });
            }}
          />
        </section>
      ) : (
        <div className="flex flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-4 sm:flex-row sm:items-end sm:justify-between dark:border-slate-800 dark:bg-slate-900">
          <button type="button" onClick={() => setEditing("new")} disabled={isLocked} className={button.secondary}>
            + Add a question
          </button>
          <AddMoreForm
            isDisabled={isLocked || adding !== null || !moreSource}
            reason={!moreSource ? noMaterialReason : undefined}
            mix={countByLevel(questions)}
            onAdd={(counts, count) => void addMore(counts, count)}
          />
        </div>
      )}
    </div>
  );
}

/** "Add [n] more [at level | keeping the mix]": a new job over the same material that avoids every stem here. */
function AddMoreForm({
  isDisabled,
  reason,
  mix,
  onAdd,
}: {
  isDisabled: boolean;
  reason?: string;
  mix: BloomCounts;
  onAdd: (counts: Partial<BloomCounts>, count: number) => void;
}) {
  const id = useId();
  const [count, setCount] = useState("3");
  const [level, setLevel] = useState<BloomLevel | "mix">("mix");
  const n = parseCount(count, MAX_ADD);
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        if (n < 1 || isDisabled) return;
        onAdd(level === "mix" ? distributeCounts(n, mix) : { [level]: n }, n);
      }}
      aria-describedby={reason ? `${id}-reason` : undefined}
    >
      <div>
        <label htmlFor={`${id}-count`} className={label}>
          Add more
        </label>
        <input
          id={`${id}-count`}
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_ADD}
          value={count}
          onChange={(event) => setCount(event.target.value)}
          className={`${field} w-20`}
        />
      </div>
      <div>
        <label htmlFor={`${id}-level`} className={label}>
          At level
        </label>
        <select id={`${id}-level`} value={level} onChange={(event) => setLevel(event.target.value as BloomLevel | "mix")} className={field}>
          <option value="mix">Same mix as now</option>
          {BLOOM_LEVELS.map((value) => (
            <option key={value} value={value}>
              {BLOOM_INFO[value].label}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" disabled={isDisabled || n < 1} className={button.primary}>
        Generate {n || ""} more
      </button>
      {reason && (
        <p id={`${id}-reason`} className="w-full text-xs text-slate-600 dark:text-slate-400">
          {reason}
        </p>
      )}
    </form>
  );
}

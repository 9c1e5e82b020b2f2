"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import {
  addQuestion,
  deleteQuestion,
  reorderQuestions,
  replaceQuestion,
  updateQuestion,
  type McqDraft,
  type SavedMcq,
} from "@/lib/api-client/assessments";
import type { Mcq } from "@/lib/generation/mcq";
import { clearDraft, readDraft, writeDraft } from "@/lib/ui/draft-storage";

/** A question on screen: `key` is its server id once saved, a local id before. */
export type WorkspaceQuestion = Mcq & { key: string };

/**
 * The questions being reviewed and the edits a teacher can make. Two implementations: an unsaved
 * result (edits stay in this browser) and a saved assessment (every edit goes to the server first).
 */
export interface QuestionStore {
  questions: WorkspaceQuestion[];
  isSaved: boolean;
  update(key: string, draft: McqDraft): Promise<void>;
  /** Puts a whole new question (a regenerated one) in the place of another. */
  replace(key: string, mcq: Mcq): Promise<void>;
  remove(key: string): Promise<void>;
  /** Adds questions at a position (the end by default). */
  insert(mcqs: Mcq[], position?: number): Promise<void>;
  reorder(keys: string[]): Promise<void>;
}

let localCounter = 0;
const localKey = () => `local-${Date.now().toString(36)}-${(localCounter++).toString(36)}`;

const withKey = (mcq: Mcq): WorkspaceQuestion => ({ ...mcq, key: localKey() });
const stripKey = ({ key: _key, ...mcq }: WorkspaceQuestion): Mcq => mcq;

// A hand edit replaces the generator's wording: its lint findings described the old one.
function applyDraft(question: WorkspaceQuestion, draft: McqDraft): WorkspaceQuestion {
  const isReworded =
    draft.question !== question.question ||
    draft.correct_answer !== question.correct_answer ||
    draft.options.join("\u0000") !== question.options.join("\u0000");
  return { ...question, ...draft, ...(isReworded ? { lint: [] } : {}) };
}

/**
 * An unsaved result: the job's questions, edited in memory and mirrored to localStorage under the
 * job id, so leaving and coming back (or signing in to save) keeps the edits.
 */
export function useDraftQuestions(jobId: string, generated: Mcq[]): QuestionStore & { isEdited: boolean; discardEdits(): void } {
  const [state, setState] = useState<{ questions: WorkspaceQuestion[]; isEdited: boolean }>(() => ({
    questions: generated.map(withKey),
    isEdited: false,
  }));

  // The stored draft exists only in the browser, after hydration.
  useEffect(() => {
    const stored = readDraft(jobId);
    if (stored?.isEdited) setState({ questions: stored.mcqs.map(withKey), isEdited: true });
  }, [jobId]);

  const commit = useCallback(
    (change: (questions: WorkspaceQuestion[]) => WorkspaceQuestion[]) => {
      setState((current) => {
        const questions = change(current.questions);
        writeDraft(jobId, { ...readDraft(jobId), mcqs: questions.map(stripKey), isEdited: true });
        return { questions, isEdited: true };
      });
      return Promise.resolve();
    },
    [jobId],
  );

  return {
    questions: state.questions,
    isSaved: false,
    isEdited: state.isEdited,
    update: (key, draft) => commit((questions) => questions.map((question) => (question.key === key ? applyDraft(question, draft) : question))),
    replace: (key, mcq) => commit((questions) => questions.map((question) => (question.key === key ? withKey(mcq) : question))),
    remove: (key) => commit((questions) => questions.filter((question) => question.key !== key)),
    insert: (mcqs, position) =>
      commit((questions) => {
        const next = [...questions];
        next.splice(position ?? next.length, 0, ...mcqs.map(withKey));
        return next;
      }),
    reorder: (keys) =>
      commit((questions) => keys.map((key) => questions.find((question) => question.key === key)).filter((q): q is WorkspaceQuestion => q !== undefined)),
    discardEdits: () => {
      clearDraft(jobId);
      setState({ questions: generated.map(withKey), isEdited: false });
    },
  };
}

const fromSaved = (mcq: SavedMcq): WorkspaceQuestion => ({ ...mcq, key: mcq.id });

/**
 * A saved assessment: each edit is sent to the server and the screen shows what the server kept.
 * A reorder shows at once and is undone if the server refuses it.
 */
export function useSavedQuestions(assessmentId: number, initial: SavedMcq[], onSaved?: () => void): QuestionStore {
  const [questions, setQuestions] = useState<WorkspaceQuestion[]>(() => initial.map(fromSaved));
  const latest = useRef(questions);
  latest.current = questions;

  const store: QuestionStore = {
    questions,
    isSaved: true,
    update: async (key, draft) => {
      const saved = await updateQuestion(assessmentId, key, draft);
      setQuestions((current) => current.map((question) => (question.key === key ? fromSaved(saved) : question)));
    },
    replace: async (key, mcq) => {
      const saved = await replaceQuestion(assessmentId, key, mcq);
      setQuestions((current) => current.map((question) => (question.key === key ? fromSaved(saved) : question)));
    },
    remove: async (key) => {
      await deleteQuestion(assessmentId, key);
      setQuestions((current) => current.filter((question) => question.key !== key));
    },
    insert: async (mcqs, position) => {
      let at = position ?? latest.current.length;
      for (const mcq of mcqs) {
        const saved = await addQuestion(assessmentId, mcq, at);
        const index = at;
        setQuestions((current) => {
          const next = [...current];
          next.splice(index, 0, fromSaved(saved));
          return next;
        });
        at += 1;
      }
    },
    reorder: async (keys) => {
      const before = latest.current;
      setQuestions(keys.map((key) => before.find((question) => question.key === key)).filter((q): q is WorkspaceQuestion => q !== undefined));
      try {
        await reorderQuestions(assessmentId, keys);
      } catch (error) {
        setQuestions(before);
        throw error;
      }
    },
  };
  if (!onSaved) return store;
  // Each change, once the server has it, is announced (the page refreshes what it shows beside the questions).
  const after =
    <A extends unknown[]>(change: (...args: A) => Promise<void>) =>
    async (...args: A) => {
      await change(...args);
      onSaved();
    };
  return {
    ...store,
    update: after(store.update),
    replace: after(store.replace),
    remove: after(store.remove),
    insert: after(store.insert),
    reorder: after(store.reorder),
  };
}

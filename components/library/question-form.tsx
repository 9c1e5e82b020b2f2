"use client";

import { useEffect, useState, type FormEvent } from "react";
import type { McqDraft } from "@/lib/api-client/assessments";
import { BLOOM_LEVELS, type BloomLevel } from "@/lib/generation/blooms";
import { BLOOM_INFO } from "@/lib/ui/bloom-levels";
import { Notice } from "@/components/ui/notice";
import { button, field, label } from "@/components/ui/styles";

const LETTERS = ["A", "B", "C", "D"];

export const EMPTY_DRAFT: McqDraft = { question: "", options: ["", "", "", ""], correct_answer: "", bloom_level: "remember", explanation: "" };

interface QuestionFormProps {
  idPrefix: string;
  initial: McqDraft;
  submitLabel: string;
  onSubmit: (draft: McqDraft) => Promise<unknown>;
  onCancel: () => void;
  /** Told whenever the form starts or stops differing from `initial`, so leaving can warn. */
  onDirtyChange?: (isDirty: boolean) => void;
}

/** The problem a teacher must fix before a question can be kept, or null. Mirrors the server's rules. */
export function findDraftProblem(draft: McqDraft): string | null {
  if (!draft.question.trim()) return "Write the question.";
  if (draft.options.some((option) => !option.trim())) return "Fill in all four options.";
  const normalised = draft.options.map((option) => option.trim().toLowerCase());
  if (new Set(normalised).size !== normalised.length) return "The four options must all be different.";
  if (!draft.explanation.trim()) return "Explain why the answer is correct.";
  return null;
}

/** Every field of a multiple-choice question; the correct answer is chosen among the four options. */
export function QuestionForm({ idPrefix, initial, submitLabel, onSubmit, onCancel, onDirtyChange }: QuestionFormProps) {
  const [question, setQuestion] = useState(initial.question);
  const [options, setOptions] = useState<string[]>([...initial.options, "", "", "", ""].slice(0, 4));
  const [correctIndex, setCorrectIndex] = useState(Math.max(0, initial.options.indexOf(initial.correct_answer)));
  const [bloomLevel, setBloomLevel] = useState<BloomLevel>(initial.bloom_level);
  const [explanation, setExplanation] = useState(initial.explanation);
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);

  const draft: McqDraft = {
    question: question.trim(),
    options: options.map((option) => option.trim()),
    correct_answer: options[correctIndex]?.trim() ?? "",
    bloom_level: bloomLevel,
    explanation: explanation.trim(),
  };
  const isDirty =
    draft.question !== initial.question.trim() ||
    draft.options.join("\u0000") !== initial.options.map((option) => option.trim()).join("\u0000") ||
    draft.correct_answer !== initial.correct_answer.trim() ||
    draft.bloom_level !== initial.bloom_level ||
    draft.explanation !== initial.explanation.trim();

  useEffect(() => {
    onDirtyChange?.(isDirty);
  }, [isDirty, onDirtyChange]);
  useEffect(() => () => onDirtyChange?.(false), [onDirtyChange]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problem = findDraftProblem(draft);
    if (problem) {
      setError(problem);
      return;
    }
    setError(null);
    setIsSaving(true);
    try {
      await onSubmit(draft);
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setIsSaving(false);
    }
  }

  return (
    <form
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === "Escape") onCancel();
      }}
      className="space-y-4 rounded-2xl border-2 border-indigo-300 bg-white p-4 shadow-sm sm:p-5 dark:border-indigo-800 dark:bg-slate-900"
      noValidate
      data-testid="question-form"
    >
      <div>
        <label htmlFor={`${idPrefix}-question`} className={label}>
          Question
        </label>
        <textarea id={`${idPrefix}-question`} rows={2} value={question} onChange={(e) => setQuestion(e.target.value)} className={field} autoFocus />
      </div>
      <fieldset>
        <legend className={label}>Options — choose the correct one</legend>
        <div className="mt-2 space-y-2">
          {options.map((option, index) => (
            <div key={index} className="flex items-center gap-2">
              <input
                type="radio"
                id={`${idPrefix}-correct-${index}`}
                name={`${idPrefix}-correct`}
                checked={correctIndex === index}
                onChange={() => setCorrectIndex(index)}
                aria-label={`Option ${LETTERS[index]} is correct`}
                className="h-4 w-4 shrink-0 accent-emerald-600"
              />
              <label htmlFor={`${idPrefix}-option-${index}`} className="w-5 shrink-0 font-semibold">
                {LETTERS[index]}
              </label>
              <input
                id={`${idPrefix}-option-${index}`}
                aria-label={`Option ${LETTERS[index]}`}
                value={option}
                onChange={(e) => setOptions(options.map((value, i) => (i === index ? e.target.value : value)))}
                className={`${field} mt-0`}
              />
            </div>
          ))}
        </div>
      </fieldset>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-[12rem_1fr]">
        <div>
          <label htmlFor={`${idPrefix}-level`} className={label}>
            Bloom level
          </label>
          <select id={`${idPrefix}-level`} value={bloomLevel} onChange={(e) => setBloomLevel(e.target.value as BloomLevel)} className={field}>
            {BLOOM_LEVELS.map((level) => (
              <option key={level} value={level}>
                {BLOOM_INFO[level].label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${idPrefix}-explanation`} className={label}>
            Explanation
          </label>
          <textarea id={`${idPrefix}-explanation`} rows={2} value={explanation} onChange={(e) => setExplanation(e.target.value)} className={field} />
        </div>
      </div>
      {error && <Notice tone="error">{error}</Notice>}
      <div className="flex flex-wrap gap-2">
        <button type="submit" disabled={isSaving} className={button.primary}>
          {isSaving ? "Saving…" : submitLabel}
        </button>
        <button type="button" onClick={onCancel} className={button.secondary}>
          Cancel
        </button>
      </div>
    </form>
  );
}

"use client";

import { useState, type FormEvent } from "react";
import type { McqDraft } from "@/lib/api-client/assessments";
import { BLOOM_LEVELS, type BloomLevel } from "@/lib/generation/blooms";
import { FormAlert, inputClasses, primaryButtonClasses, secondaryButtonClasses } from "@/components/auth/form-field";

const LETTERS = ["A", "B", "C", "D"];

export const EMPTY_DRAFT: McqDraft = { question: "", options: ["", "", "", ""], correct_answer: "", bloom_level: "remember", explanation: "" };

interface QuestionFormProps {
  idPrefix: string;
  initial: McqDraft;
  submitLabel: string;
  onSubmit: (draft: McqDraft) => Promise<unknown>;
  onCancel: () => void;
}

/** Every field of a multiple-choice question; the correct answer is chosen among the four options. */
export function QuestionForm({ idPrefix, initial, submitLabel, onSubmit, onCancel }: QuestionFormProps) {
  const [question, setQuestion] = useState(initial.question);
  const [options, setOptions] = useState<string[]>([...initial.options, "", "", "", ""].slice(0, 4));
  const [correctIndex, setCorrectIndex] = useState(Math.max(0, initial.options.indexOf(initial.correct_answer)));
  const [bloomLevel, setBloomLevel] = useState<BloomLevel>(initial.bloom_level);
  const [explanation, setExplanation] = useState(initial.explanation);
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setIsSaving(true);
    try {
      await onSubmit({ question, options, correct_answer: options[correctIndex], bloom_level: bloomLevel, explanation });
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setIsSaving(false);
    }
  }

  return (
    <form onSubmit={submit} className="space-y-4 rounded-xl border border-indigo-200 bg-white p-5 dark:border-indigo-900 dark:bg-slate-900" noValidate>
      <div>
        <label htmlFor={`${idPrefix}-question`} className="block text-sm font-semibold">
          Question
        </label>
        <textarea id={`${idPrefix}-question`} rows={2} value={question} onChange={(e) => setQuestion(e.target.value)} className={inputClasses} />
      </div>
      <fieldset>
        <legend className="text-sm font-semibold">Options (choose the correct one)</legend>
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
              />
              <label htmlFor={`${idPrefix}-option-${index}`} className="w-6 font-semibold">
                {LETTERS[index]}
              </label>
              <input
                id={`${idPrefix}-option-${index}`}
                aria-label={`Option ${LETTERS[index]}`}
                value={option}
                onChange={(e) => setOptions(options.map((value, i) => (i === index ? e.target.value : value)))}
                className={`${inputClasses} mt-0`}
              />
            </div>
          ))}
        </div>
      </fieldset>
      <div>
        <label htmlFor={`${idPrefix}-level`} className="block text-sm font-semibold">
          Bloom level
        </label>
        <select id={`${idPrefix}-level`} value={bloomLevel} onChange={(e) => setBloomLevel(e.target.value as BloomLevel)} className={`${inputClasses} capitalize`}>
          {BLOOM_LEVELS.map((level) => (
            <option key={level} value={level}>
              {level}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${idPrefix}-explanation`} className="block text-sm font-semibold">
          Explanation
        </label>
        <textarea id={`${idPrefix}-explanation`} rows={2} value={explanation} onChange={(e) => setExplanation(e.target.value)} className={inputClasses} />
      </div>
      {error && <FormAlert>{error}</FormAlert>}
      <div className="flex gap-3">
        <button type="submit" disabled={isSaving} className={primaryButtonClasses}>
          {isSaving ? "Saving…" : submitLabel}
        </button>
        <button type="button" onClick={onCancel} className={secondaryButtonClasses}>
          Cancel
        </button>
      </div>
    </form>
  );
}

"use client";

import { useState } from "react";
import { BLOOM_LEVELS, MAX_QUESTIONS, totalQuestions, type BloomCounts, type BloomLevel } from "@/lib/generation/blooms";
import { BLOOM_INFO, BLOOM_PRESETS, matchingPreset, parseCount } from "@/lib/ui/bloom-levels";
import { BloomGuide } from "./bloom-guide";

/**
 * Six counts, each with −/+ and a box to type in, a live total, presets, and a guide to the levels.
 * Typing keeps what was typed until the box is left, so clearing it to type "12" does not flash 0.
 */
export function BloomCountsStep({ counts, onChange }: { counts: BloomCounts; onChange: (counts: BloomCounts) => void }) {
  const [isGuideOpen, setIsGuideOpen] = useState(false);
  const [typing, setTyping] = useState<Partial<Record<BloomLevel, string>>>({});
  const total = totalQuestions(counts);
  const preset = matchingPreset(counts);

  function set(level: BloomLevel, value: number) {
    onChange({ ...counts, [level]: Math.max(0, Math.min(MAX_QUESTIONS, value)) });
  }

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-sm font-medium text-slate-700 dark:text-slate-300" id="presets-label">
          Presets:
        </span>
        <div role="group" aria-labelledby="presets-label" className="flex flex-wrap gap-2">
          {BLOOM_PRESETS.map((option) => (
            <button
              key={option.id}
              type="button"
              aria-pressed={preset?.id === option.id}
              onClick={() => onChange({ ...option.counts })}
              title={option.description}
              className="rounded-full border border-slate-300 bg-white px-3 py-1 text-sm font-medium text-slate-700 hover:bg-slate-100 aria-pressed:border-indigo-600 aria-pressed:bg-indigo-600 aria-pressed:text-white dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200 dark:hover:bg-slate-800 dark:aria-pressed:border-indigo-500 dark:aria-pressed:bg-indigo-600"
            >
              {option.label}
              <span className="sr-only">: {option.description}</span>
            </button>
          ))}
        </div>
        <button
          type="button"
          onClick={() => setIsGuideOpen(true)}
          className="ml-auto text-sm font-medium text-indigo-700 underline underline-offset-2 hover:text-indigo-900 dark:text-indigo-300 dark:hover:text-indigo-200"
        >
          What are Bloom&apos;s levels?
        </button>
      </div>

      <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
        {BLOOM_LEVELS.map((level) => {
          const info = BLOOM_INFO[level];
          const inputId = `count-${level}`;
          return (
            <div key={level} className="flex items-center gap-3 rounded-xl border border-slate-200 bg-slate-50 px-3 py-2 dark:border-slate-700 dark:bg-slate-800/50">
              <span className={`h-8 w-1.5 shrink-0 rounded-full ${info.barClasses}`} aria-hidden="true" />
              <label htmlFor={inputId} className="min-w-0 flex-1">
                <span className="block font-semibold">{info.label}</span>
                <span className="block truncate text-xs text-slate-600 dark:text-slate-400">{info.summary}</span>
              </label>
              <div className="flex shrink-0 items-center gap-1">
                <button
                  type="button"
                  onClick={() => set(level, counts[level] - 1)}
                  disabled={counts[level] === 0}
                  aria-label={`One fewer ${level} question`}
                  className="grid h-9 w-9 place-items-center rounded-lg border border-slate-300 bg-white text-lg font-semibold hover:bg-slate-100 disabled:opacity-40 dark:border-slate-600 dark:bg-slate-900 dark:hover:bg-slate-800"
                >
                  <span aria-hidden="true">−</span>
                </button>
                <input
                  id={inputId}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={MAX_QUESTIONS}
                  value={typing[level] ?? String(counts[level])}
                  aria-label={`${BLOOM_INFO[level].label} questions`}
                  onChange={(event) => {
                    setTyping({ ...typing, [level]: event.target.value });
                    if (event.target.value.trim() !== "") set(level, parseCount(event.target.value, MAX_QUESTIONS));
                  }}
                  onBlur={() => {
                    set(level, parseCount(typing[level] ?? String(counts[level]), MAX_QUESTIONS));
                    setTyping(({ [level]: _left, ...rest }) => rest);
                  }}
                  className="h-9 w-14 rounded-lg border border-slate-300 bg-white text-center font-semibold tabular-nums dark:border-slate-600 dark:bg-slate-950 [appearance:textfield] [&::-webkit-inner-spin-button]:appearance-none [&::-webkit-outer-spin-button]:appearance-none"
                />
                <button
                  type="button"
                  onClick={() => set(level, counts[level] + 1)}
                  disabled={total >= MAX_QUESTIONS}
                  aria-label={`One more ${level} question`}
                  className="grid h-9 w-9 place-items-center rounded-lg border border-slate-300 bg-white text-lg font-semibold hover:bg-slate-100 disabled:opacity-40 dark:border-slate-600 dark:bg-slate-900 dark:hover:bg-slate-800"
                >
                  <span aria-hidden="true">+</span>
                </button>
              </div>
            </div>
          );
        })}
      </div>

      <p className="text-sm font-medium" aria-live="polite" data-testid="bloom-total">
        <span className="tabular-nums">{total}</span> question{total === 1 ? "" : "s"} in total
        {total > MAX_QUESTIONS && <span className="text-red-700 dark:text-red-400"> — at most {MAX_QUESTIONS} per assessment</span>}
      </p>

      <BloomGuide isOpen={isGuideOpen} onClose={() => setIsGuideOpen(false)} />
    </div>
  );
}

"use client";

import { BLOOM_LEVELS } from "@/lib/generation/blooms";
import { BLOOM_INFO } from "@/lib/ui/bloom-levels";
import { Dialog } from "@/components/ui/dialog";
import { button } from "@/components/ui/styles";
import { BloomBadge } from "@/components/quiz/bloom-badge";

/** The six levels, lowest to highest, each with what it asks of a student and one example question on one topic. */
export function BloomGuide({ isOpen, onClose }: { isOpen: boolean; onClose: () => void }) {
  return (
    <Dialog
      isOpen={isOpen}
      onClose={onClose}
      title="What are Bloom's levels?"
      size="lg"
      footer={
        <button type="button" onClick={onClose} className={button.primary}>
          Got it
        </button>
      }
    >
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Bloom&apos;s taxonomy sorts questions by the thinking they ask for, from recalling a fact to creating something new. A good
        assessment mixes levels. Every example below is about the water cycle, so only the level changes.
      </p>
      <ol className="mt-4 grid grid-cols-1 gap-3 sm:grid-cols-2">
        {BLOOM_LEVELS.map((level, index) => (
          <li key={level} className="rounded-xl border border-slate-200 p-3 dark:border-slate-700">
            <div className="flex items-center gap-2">
              <span className="text-sm font-semibold text-slate-500 tabular-nums dark:text-slate-400">{index + 1}</span>
              <BloomBadge level={level} />
              <span className="text-sm text-slate-700 dark:text-slate-300">{BLOOM_INFO[level].summary}</span>
            </div>
            <p className="mt-2 text-sm">
              <span className="sr-only">Example: </span>“{BLOOM_INFO[level].example}”
            </p>
          </li>
        ))}
      </ol>
    </Dialog>
  );
}

import type { BloomLevel } from "@/lib/generation/blooms";

// Colour is never the only signal: the level's name is always written on the badge.
const BADGE_CLASSES: Record<BloomLevel, string> = {
  remember: "bg-sky-100 text-sky-900 dark:bg-sky-900/60 dark:text-sky-100",
  understand: "bg-teal-100 text-teal-900 dark:bg-teal-900/60 dark:text-teal-100",
  apply: "bg-lime-100 text-lime-900 dark:bg-lime-900/60 dark:text-lime-100",
  analyze: "bg-amber-100 text-amber-900 dark:bg-amber-900/60 dark:text-amber-100",
  evaluate: "bg-orange-100 text-orange-900 dark:bg-orange-900/60 dark:text-orange-100",
  create: "bg-fuchsia-100 text-fuchsia-900 dark:bg-fuchsia-900/60 dark:text-fuchsia-100",
};

export function BloomBadge({ level }: { level: BloomLevel }) {
  return (
    <span className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-semibold capitalize ${BADGE_CLASSES[level]}`}>
      {level}
    </span>
  );
}

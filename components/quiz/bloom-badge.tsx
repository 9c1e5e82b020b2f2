import type { BloomLevel } from "@/lib/generation/blooms";
import { BLOOM_INFO } from "@/lib/ui/bloom-levels";

/** The level's name on its colour (blue, cyan, green, violet, orange, pink): colour is never the only signal. */
export function BloomBadge({ level }: { level: BloomLevel }) {
  const info = BLOOM_INFO[level];
  return (
    <span
      className={`inline-flex shrink-0 items-center rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${info?.badgeClasses ?? "bg-slate-100 text-slate-800 ring-slate-300 dark:bg-slate-800 dark:text-slate-100 dark:ring-slate-600"}`}
      data-testid="bloom-badge"
    >
      {info?.label ?? level}
    </span>
  );
}

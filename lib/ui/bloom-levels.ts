import { BLOOM_LEVELS, DEFAULT_BLOOM_COUNTS, type BloomCounts, type BloomLevel } from "@/lib/generation/blooms";

export interface BloomLevelInfo {
  label: string;
  /** What a question at this level asks of a student, in a few words. */
  summary: string;
  /** One example question, all six about the same topic so the difference is the level alone. */
  example: string;
  /** Badge colours: the level's name is always written on it, so colour is never the only signal. */
  badgeClasses: string;
  /** The level's colour as a solid fill, for the distribution chart. */
  barClasses: string;
}

// EduMate's colours per level (blue, cyan, green, purple, orange, pink), in shades that keep 4.5:1 text contrast.
export const BLOOM_INFO: Record<BloomLevel, BloomLevelInfo> = {
  remember: {
    label: "Remember",
    summary: "Recall facts and basic terms",
    example: "What are the four stages of the water cycle?",
    badgeClasses: "bg-blue-100 text-blue-900 ring-blue-300 dark:bg-blue-950 dark:text-blue-100 dark:ring-blue-800",
    barClasses: "bg-blue-500",
  },
  understand: {
    label: "Understand",
    summary: "Explain ideas in their own words",
    example: "Why does water vapour turn back into liquid as it rises?",
    badgeClasses: "bg-cyan-100 text-cyan-900 ring-cyan-300 dark:bg-cyan-950 dark:text-cyan-100 dark:ring-cyan-800",
    barClasses: "bg-cyan-500",
  },
  apply: {
    label: "Apply",
    summary: "Use what they know in a new situation",
    example: "A puddle disappears on a sunny afternoon. Which stage of the cycle is this?",
    badgeClasses: "bg-emerald-100 text-emerald-900 ring-emerald-300 dark:bg-emerald-950 dark:text-emerald-100 dark:ring-emerald-800",
    barClasses: "bg-emerald-500",
  },
  analyze: {
    label: "Analyze",
    summary: "Draw connections and tell causes apart",
    example: "Which factor best explains why coastal towns get more rain than inland ones?",
    badgeClasses: "bg-violet-100 text-violet-900 ring-violet-300 dark:bg-violet-950 dark:text-violet-100 dark:ring-violet-800",
    barClasses: "bg-violet-500",
  },
  evaluate: {
    label: "Evaluate",
    summary: "Judge and justify a decision",
    example: "Which plan would save the most water in a drought, and why?",
    badgeClasses: "bg-orange-100 text-orange-900 ring-orange-300 dark:bg-orange-950 dark:text-orange-100 dark:ring-orange-800",
    barClasses: "bg-orange-500",
  },
  create: {
    label: "Create",
    summary: "Put ideas together into something new",
    example: "Which experiment design would best show that plants release water vapour?",
    badgeClasses: "bg-pink-100 text-pink-900 ring-pink-300 dark:bg-pink-950 dark:text-pink-100 dark:ring-pink-800",
    barClasses: "bg-pink-500",
  },
};

export interface BloomPreset {
  id: "quick" | "balanced" | "higher";
  label: string;
  description: string;
  counts: BloomCounts;
}

export const BLOOM_PRESETS: BloomPreset[] = [
  {
    id: "quick",
    label: "Quick check",
    description: "6 questions, mostly recall and understanding: an exit ticket",
    counts: { remember: 2, understand: 2, apply: 1, analyze: 1, evaluate: 0, create: 0 },
  },
  {
    id: "balanced",
    label: "Balanced",
    description: "20 questions across all six levels",
    counts: { ...DEFAULT_BLOOM_COUNTS },
  },
  {
    id: "higher",
    label: "Higher-order",
    description: "16 questions weighted towards analysing, evaluating and creating",
    counts: { remember: 1, understand: 2, apply: 3, analyze: 4, evaluate: 3, create: 3 },
  },
];

/** The preset these counts are exactly, if any, so its button can show as pressed. */
export function matchingPreset(counts: BloomCounts): BloomPreset | undefined {
  return BLOOM_PRESETS.find((preset) => BLOOM_LEVELS.every((level) => preset.counts[level] === counts[level]));
}

/** How many questions are at each level. */
export function countByLevel(mcqs: { bloom_level: BloomLevel }[]): BloomCounts {
  const counts: BloomCounts = { remember: 0, understand: 0, apply: 0, analyze: 0, evaluate: 0, create: 0 };
  for (const mcq of mcqs) counts[mcq.bloom_level] += 1;
  return counts;
}

/** A count typed into a box: a whole number clamped to 0…max; anything else (a minus sign, letters) is 0. */
export function parseCount(typed: string, max: number): number {
  const value = /^\s*\d+\s*$/.test(typed) ? Number.parseInt(typed, 10) : Number.NaN;
  return Number.isFinite(value) ? Math.max(0, Math.min(max, value)) : 0;
}

/**
 * Splits `total` new questions across the levels in proportion to `mix` (largest remainder, ties to
 * the lower level), so "add 5 more" keeps the assessment's shape. An empty mix uses the default.
 */
export function distributeCounts(total: number, mix: BloomCounts): BloomCounts {
  const weights = BLOOM_LEVELS.some((level) => mix[level] > 0) ? mix : DEFAULT_BLOOM_COUNTS;
  const sum = BLOOM_LEVELS.reduce((acc, level) => acc + weights[level], 0);
  const exact = BLOOM_LEVELS.map((level) => ({ level, value: (total * weights[level]) / sum }));
  const counts = Object.fromEntries(exact.map(({ level, value }) => [level, Math.floor(value)])) as BloomCounts;
  let left = total - BLOOM_LEVELS.reduce((acc, level) => acc + counts[level], 0);
  for (const { level } of [...exact].sort((a, b) => b.value - Math.floor(b.value) - (a.value - Math.floor(a.value)))) {
    if (left <= 0) break;
    counts[level] += 1;
    left -= 1;
  }
  return counts;
}

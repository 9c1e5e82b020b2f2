import { BLOOM_LEVELS, type BloomLevel } from "../generation/blooms";

/** One question as item analysis needs it. */
export interface ItemDefinition {
  id: string;
  optionCount: number;
  /** Index of the keyed (correct) option. */
  keyIndex: number;
  bloomLevel: BloomLevel;
}

/** One submitted attempt: the option index chosen for each question id (absent = not answered). */
export interface TakerResponses {
  attemptId: string;
  choices: Record<string, number | undefined>;
}

export interface ItemStatistics {
  itemId: string;
  /** Takers who submitted, answered or not. */
  takers: number;
  correct: number;
  /** Share correct, 0…1 (classical difficulty, p). Null with no takers. */
  difficulty: number | null;
  /**
   * Item–rest point-biserial: the correlation between getting this question right and the score on
   * the other questions. Null when either does not vary (everyone right, one taker, one question).
   */
  pointBiserial: number | null;
  /** Share correct in the top 27% minus the bottom 27% by total score, −1…1. Null when totals do not vary. */
  discriminationIndex: number | null;
  /** How many takers chose each option. */
  optionCounts: number[];
  omitted: number;
  /** Takers in the upper and lower groups choosing each option; fractional when a tie straddles a group's edge. */
  upperCounts: number[];
  lowerCounts: number[];
  /** The size of each 27% group (0 when there are no groups). */
  groupSize: number;
  /** Wrong options that no taker chose. */
  unchosenDistractors: number[];
}

export interface LevelStatistics {
  level: BloomLevel;
  questions: number;
  /** Correct answers over (takers × questions) at this level; null with no takers. */
  shareCorrect: number | null;
}

export interface QuizStatistics {
  takers: number;
  questionCount: number;
  /** Total scores of the takers, in the order given. */
  totals: number[];
  meanScore: number | null;
  /** takersWithScore[s] = how many takers scored s (0…questionCount). */
  scoreDistribution: number[];
  items: ItemStatistics[];
  levels: LevelStatistics[];
}

// Kelley (1939): the upper and lower 27% give the sharpest contrast for a normal score distribution.
const GROUP_SHARE = 0.27;

/** Classical item analysis of one quiz version's submitted attempts. */
export function computeQuizStatistics(items: readonly ItemDefinition[], responses: readonly TakerResponses[]): QuizStatistics {
  const correctness = responses.map((taker) => items.map((item) => (taker.choices[item.id] === item.keyIndex ? 1 : 0)));
  const totals = correctness.map((row) => row.reduce<number>((sum, value) => sum + value, 0));
  const n = responses.length;
  const groups = n >= 2 && variance(totals) > 0 ? groupWeights(totals) : null;

  const itemStats = items.map((item, column): ItemStatistics => {
    const scores = correctness.map((row) => row[column]);
    const rest = totals.map((total, row) => total - scores[row]);
    const optionCounts = new Array<number>(item.optionCount).fill(0);
    const upperCounts = new Array<number>(item.optionCount).fill(0);
    const lowerCounts = new Array<number>(item.optionCount).fill(0);
    let omitted = 0;
    responses.forEach((taker, row) => {
      const choice = taker.choices[item.id];
      if (choice === undefined || choice < 0 || choice >= item.optionCount) {
        omitted++;
        return;
      }
      optionCounts[choice]++;
      if (groups) {
        upperCounts[choice] += groups.upper[row];
        lowerCounts[choice] += groups.lower[row];
      }
    });
    const correct = scores.reduce<number>((sum, value) => sum + value, 0);
    const discriminationIndex = groups
      ? (upperCounts[item.keyIndex] - lowerCounts[item.keyIndex]) / groups.size
      : null;
    return {
      itemId: item.id,
      takers: n,
      correct,
      difficulty: n > 0 ? correct / n : null,
      pointBiserial: correlation(scores, rest),
      discriminationIndex: discriminationIndex === null ? null : round(discriminationIndex),
      optionCounts,
      omitted,
      upperCounts: upperCounts.map(round),
      lowerCounts: lowerCounts.map(round),
      groupSize: groups?.size ?? 0,
      unchosenDistractors: n > 0 ? optionCounts.flatMap((count, index) => (count === 0 && index !== item.keyIndex ? [index] : [])) : [],
    };
  });

  const levels = BLOOM_LEVELS.flatMap((level): LevelStatistics[] => {
    const columns = items.flatMap((item, column) => (item.bloomLevel === level ? [column] : []));
    if (columns.length === 0) return [];
    const correct = correctness.reduce((sum, row) => sum + columns.reduce((inner, column) => inner + row[column], 0), 0);
    return [{ level, questions: columns.length, shareCorrect: n > 0 ? correct / (n * columns.length) : null }];
  });

  const scoreDistribution = new Array<number>(items.length + 1).fill(0);
  for (const total of totals) scoreDistribution[total]++;
  return {
    takers: n,
    questionCount: items.length,
    totals,
    meanScore: n > 0 ? totals.reduce((a, b) => a + b, 0) / n : null,
    scoreDistribution,
    items: itemStats,
    levels,
  };
}

/**
 * Each taker's membership of the upper and lower 27% groups by total score. When equal totals
 * straddle a group's edge, every taker in that tie gets the same fraction of the remaining places,
 * so the result does not depend on the order attempts happen to be listed in.
 */
export function groupWeights(totals: readonly number[]): { size: number; upper: number[]; lower: number[] } {
  const n = totals.length;
  const size = Math.max(1, Math.round(GROUP_SHARE * n));
  const upper = new Array<number>(n).fill(0);
  const lower = new Array<number>(n).fill(0);
  // Positions 0…n-1 from the highest total down; a tie block occupies [start, end).
  const distinct = [...new Set(totals)].sort((a, b) => b - a);
  let start = 0;
  for (const value of distinct) {
    const members = totals.flatMap((total, index) => (total === value ? [index] : []));
    const end = start + members.length;
    const upperShare = overlap(start, end, 0, size) / members.length;
    const lowerShare = overlap(start, end, n - size, n) / members.length;
    for (const index of members) {
      upper[index] = upperShare;
      lower[index] = lowerShare;
    }
    start = end;
  }
  return { size, upper, lower };
}

function overlap(aStart: number, aEnd: number, bStart: number, bEnd: number): number {
  return Math.max(0, Math.min(aEnd, bEnd) - Math.max(aStart, bStart));
}

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

function variance(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const m = mean(values);
  return values.reduce((sum, value) => sum + (value - m) ** 2, 0) / values.length;
}

/** Pearson's r; null when there are fewer than two values or either side does not vary. */
export function correlation(x: readonly number[], y: readonly number[]): number | null {
  if (x.length < 2 || x.length !== y.length) return null;
  const mx = mean(x);
  const my = mean(y);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  if (sxx === 0 || syy === 0) return null;
  return round(sxy / Math.sqrt(sxx * syy));
}

// Floating-point sums such as 0.1 + 0.2 would otherwise show as 0.30000000000000004.
function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

import type { ItemStatistics, QuizStatistics } from "./item-statistics";

/** warning: the teacher should look at the question; note: worth knowing; good: it works. */
export type ReadingTone = "warning" | "note" | "good";

export interface Reading {
  tone: ReadingTone;
  text: string;
}

export const OPTION_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

export function optionLetter(index: number): string {
  return OPTION_LETTERS[index] ?? String(index + 1);
}

// Ebel & Frisbie (1991), Essentials of Educational Measurement: an upper–lower index of .40 and up is
// very good, .30–.39 reasonably good, .20–.29 marginal, below .20 poor.
const STRONG_DISCRIMINATION = 0.4;
const WEAK_DISCRIMINATION = 0.2;
// Above this share correct a question separates takers only a little, whatever its index.
const VERY_EASY = 0.9;
// Below this many takers the figures swing with every new attempt (a common rule of thumb).
const FEW_TAKERS = 20;

const percent = (share: number) => `${Math.round(share * 100)}%`;
const quoted = (text: string) => `“${text.length > 60 ? `${text.slice(0, 57)}…` : text}”`;

/**
 * What one question's figures say, in the words a teacher would use: a key that the strongest
 * takers disagree with, a question that the weaker takers do better on, a distractor nobody picks.
 */
export function describeItem(number: number, options: readonly string[], keyIndex: number, stats: ItemStatistics): Reading[] {
  if (stats.takers === 0) return [];
  const label = `Q${number}`;
  const readings: Reading[] = [];
  const p = stats.difficulty ?? 0;
  const d = stats.discriminationIndex;

  const rival = strongestDistractor(stats.upperCounts, keyIndex);
  const isKeyDoubtful = stats.groupSize > 0 && rival !== null && stats.upperCounts[rival] > stats.upperCounts[keyIndex];
  if (isKeyDoubtful) {
    const isMost = stats.upperCounts[rival] > stats.groupSize / 2;
    readings.push({
      tone: "warning",
      text: isMost
        ? `${label}: most strong takers chose ${optionLetter(rival)} — check the key.`
        : `${label}: more strong takers chose ${optionLetter(rival)} than the keyed answer ${optionLetter(keyIndex)} — check the key.`,
    });
  } else if (d !== null && d < 0) {
    readings.push({ tone: "warning", text: `${label}: weaker takers did better than stronger ones — the question may be ambiguous or miskeyed.` });
  }

  const chance = 1 / options.length;
  if (p === 1) {
    readings.push({ tone: "note", text: `${label}: everyone got it right — fine as a warm-up, but it does not tell takers apart.` });
  } else if (p >= VERY_EASY) {
    readings.push({ tone: "note", text: `${label}: nearly everyone (${percent(p)}) got it right, so it tells takers apart only a little.` });
  } else if (p < chance) {
    readings.push({
      tone: "warning",
      text: `${label}: fewer takers got it right (${percent(p)}) than blind guessing would (${percent(chance)}) — check the wording and the key.`,
    });
  }

  if (!isKeyDoubtful && d !== null && d >= 0 && p < VERY_EASY) {
    if (d < WEAK_DISCRIMINATION) {
      readings.push({ tone: "warning", text: `${label}: it barely separates strong from weak takers (index ${d.toFixed(2)}).` });
    } else if (d >= STRONG_DISCRIMINATION) {
      readings.push({ tone: "good", text: `${label}: it separates strong from weak takers well (index ${d.toFixed(2)}).` });
    }
  }

  if (stats.unchosenDistractors.length > 0) {
    const named = stats.unchosenDistractors.map((index) => `${optionLetter(index)} (${quoted(options[index] ?? "")})`);
    readings.push({
      tone: "note",
      text: `${label}: nobody chose ${joinWithOr(named)} — a wrong answer no one finds plausible does no work; consider replacing it.`,
    });
  }
  return readings;
}

/** What the quiz as a whole says: how far to trust the figures, and which kind of thinking was hardest. */
export function describeQuiz(stats: QuizStatistics): Reading[] {
  const readings: Reading[] = [];
  if (stats.takers === 0) return [{ tone: "note", text: "No one has submitted this version yet." }];
  if (stats.takers < FEW_TAKERS) {
    readings.push({
      tone: "note",
      text: `Only ${stats.takers} taker${stats.takers === 1 ? "" : "s"} so far: read these figures as hints; they settle with about ${FEW_TAKERS} or more.`,
    });
  }
  const measured = stats.levels.filter((level) => level.shareCorrect !== null);
  if (measured.length >= 2) {
    const weakest = measured.reduce((a, b) => (b.shareCorrect! < a.shareCorrect! ? b : a));
    const strongest = measured.reduce((a, b) => (b.shareCorrect! > a.shareCorrect! ? b : a));
    if (weakest.shareCorrect! < strongest.shareCorrect!) {
      readings.push({
        tone: "note",
        text: `Takers did least well on ${weakest.level} questions (${percent(weakest.shareCorrect!)} correct) and best on ${strongest.level} questions (${percent(strongest.shareCorrect!)}).`,
      });
    }
  }
  return readings;
}

function strongestDistractor(upperCounts: readonly number[], keyIndex: number): number | null {
  let best: number | null = null;
  upperCounts.forEach((count, index) => {
    if (index === keyIndex || count === 0) return;
    if (best === null || count > upperCounts[best]) best = index;
  });
  return best;
}

function joinWithOr(parts: string[]): string {
  if (parts.length <= 1) return parts.join("");
  return `${parts.slice(0, -1).join(", ")} or ${parts[parts.length - 1]}`;
}

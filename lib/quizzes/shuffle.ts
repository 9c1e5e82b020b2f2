import { createHash } from "node:crypto";

/** mulberry32: a tiny seeded PRNG, so the same seed always gives the same order. */
export function seededRandom(seed: string): () => number {
  let state = createHash("sha256").update(seed).digest().readUInt32LE(0);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates on a copy. */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

export interface AttemptOrder {
  /** Question ids in the order the taker sees them. */
  questionOrder: string[];
  /** Per question id, the version's option indexes in the order the taker sees them. */
  optionOrders: Record<string, number[]>;
}

/**
 * The order one attempt shows its questions and options in, decided by the attempt's own seed: the
 * same attempt always gets the same order (a reload shows what it showed), another attempt another.
 */
export function planAttemptOrder(
  questions: readonly { id: string; options: readonly unknown[] }[],
  { shuffleQuestions, shuffleOptions }: { shuffleQuestions: boolean; shuffleOptions: boolean },
  seed: string,
): AttemptOrder {
  const random = seededRandom(seed);
  const ids = questions.map((question) => question.id);
  const questionOrder = shuffleQuestions ? shuffled(ids, random) : ids;
  const optionOrders: Record<string, number[]> = {};
  for (const question of questions) {
    const natural = question.options.map((_, index) => index);
    optionOrders[question.id] = shuffleOptions ? shuffled(natural, random) : natural;
  }
  return { questionOrder, optionOrders };
}

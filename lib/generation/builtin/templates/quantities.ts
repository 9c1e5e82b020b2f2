import type { Random } from "../random";

// Reading and writing the numbers a text states, for the templates that compute with them.

// Each word at the index of its value.
const NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

/** Regex source for a count written in digits or as a word ("six", "12"); not "zero", which counts nothing in an equation. */
export const COUNT = String.raw`(?:\d+|${NUMBER_WORDS.slice(1).join("|")})`;

/** The value of a count written in digits ("1,000") or as a word ("six"); undefined for anything else. */
export function parseCount(text: string): number | undefined {
  const lower = text.toLowerCase().replace(/,/g, "");
  if (/^\d+(?:\.\d+)?$/.test(lower)) return Number(lower);
  const value = NUMBER_WORDS.indexOf(lower);
  return value > 0 ? value : undefined;
}

/** A small count as a word ("two votes to one"); undefined past twelve. */
export function numberWord(value: number): string | undefined {
  return NUMBER_WORDS[value];
}

/**
 * A number as options and stems write it: no thousands separator, since "2,000" in a stem and
 * "About 1,000" in a key would share the word "000" and point to the key.
 */
export function formatNumber(value: number): string {
  return value.toLocaleString("en-US", { maximumFractionDigits: 1, useGrouping: false });
}

/** A value from a list, so the new case differs between seeds but stays a round, readable figure. */
export function pick<T>(values: readonly T[], random: Random): T {
  return values[random.below(values.length)];
}

/**
 * The first `count` distinct values from `ranked` that differ from the key and are positive: each is a
 * recognisable slip, and a slip that lands on the key (or on another slip) is no wrong answer.
 */
export function distinctSlips(key: number, ranked: number[], count: number): number[] {
  const slips: number[] = [];
  for (const value of ranked) {
    if (!(value > 0) || !Number.isFinite(value) || value === key || slips.includes(value)) continue;
    // "About 97" beside "About 970" reads as the same option with a typo.
    if ([key, ...slips].some((other) => looksAlike(value, other))) continue;
    slips.push(value);
    if (slips.length === count) break;
  }
  return slips;
}

function looksAlike(a: number, b: number): boolean {
  const [x, y] = [String(a), String(b)];
  return Math.min(x.length, y.length) >= 2 && (x.startsWith(y) || y.startsWith(x));
}

// "For many plants, the rate increases up to roughly 25–35 °C; above that, …": groups are the scope,
// the quantity, its verb, the bound (or its low and high ends), the unit and what happens above.
const THRESHOLD = /(?:^|, )(?:for ([a-z][a-z ]*?), )?(the [a-z]+|it) (increases|rises|grows) (?:up to|until it reaches) (?:roughly |about |around )?(\d+(?:\.\d+)?)(?:\s*[–-]\s*(\d+(?:\.\d+)?))? ?(°[CF]|%|[a-z]+)?; above (?:that|this|it)(?: point| level)?, ([^.;]+)/i;

/**
 * The threshold a sentence states, read once for both templates that use it (`threshold-case`
 * carries it out on a new value, `test-threshold` plans how to test it); null when it states none.
 */
export function statedThreshold(text: string): RegExpExecArray | null {
  return /; above /i.test(text) ? THRESHOLD.exec(text) : null;
}

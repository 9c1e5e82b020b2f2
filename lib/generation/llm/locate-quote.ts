import type { Excerpt } from "./build-excerpts";

export interface LocatedQuote {
  excerpt: Excerpt;
  /** The quoted words exactly as the material has them (the model's copy may differ slightly). */
  text: string;
  isExact: boolean;
}

interface Word {
  norm: string;
  start: number;
  end: number;
}

// Shorter quotes prove nothing; longer ones are not "the supporting sentence".
const MIN_QUOTE_WORDS = 3;
const MAX_QUOTE_WORDS = 120;
/** Share of the quote's words that may be changed, missing or extra and still count as found. */
const TOLERATED_DIFFERENCE = 0.15;

/**
 * Finds a quote in the material, ignoring case, accents, whitespace and punctuation, and
 * tolerating a few changed words (a model "quoting" from memory). The excerpts are searched in the
 * order given, so the cited one should come first; a quote found elsewhere is still found.
 */
export function locateQuote(quote: string, excerpts: Excerpt[]): LocatedQuote | { reason: string } {
  const quoteWords = wordsOf(quote).map((word) => word.norm);
  if (quoteWords.length < MIN_QUOTE_WORDS) return { reason: "the quote is missing or too short; quote the whole supporting sentence" };
  if (quoteWords.length > MAX_QUOTE_WORDS) return { reason: "the quote is too long; quote only the sentence that supports the answer" };
  const indexed = excerpts.map((excerpt) => ({ excerpt, words: wordsOf(excerpt.text) }));
  for (const { excerpt, words } of indexed) {
    const at = findExact(quoteWords, words);
    if (at >= 0) return { excerpt, text: spanText(excerpt.text, words, at, at + quoteWords.length), isExact: true };
  }
  // Short quotes must match exactly: one changed word in five could be the whole point.
  const allowed = quoteWords.length < 6 ? 0 : Math.ceil(quoteWords.length * TOLERATED_DIFFERENCE);
  if (allowed === 0) return { reason: "the quote does not appear in the material; copy the supporting sentence word for word" };
  let best: { excerpt: Excerpt; words: Word[]; start: number; end: number; cost: number } | undefined;
  for (const { excerpt, words } of indexed) {
    const match = findApproximate(quoteWords, words);
    if (match && match.cost <= allowed && (!best || match.cost < best.cost)) best = { excerpt, words, ...match };
  }
  if (!best) return { reason: "the quote does not appear in the material; copy the supporting sentence word for word" };
  return { excerpt: best.excerpt, text: spanText(best.excerpt.text, best.words, best.start, best.end), isExact: false };
}

function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  for (const match of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const norm = match[0].normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
    words.push({ norm, start: match.index!, end: match.index! + match[0].length });
  }
  return words;
}

function findExact(quote: string[], words: Word[]): number {
  outer: for (let at = 0; at + quote.length <= words.length; at++) {
    for (let i = 0; i < quote.length; i++) if (words[at + i].norm !== quote[i]) continue outer;
    return at;
  }
  return -1;
}

/**
 * Sellers' approximate substring match over words: the span of `words` with the fewest word
 * edits (changed, missing, extra) from the quote.
 */
function findApproximate(quote: string[], words: Word[]): { start: number; end: number; cost: number } | undefined {
  const n = words.length;
  if (n === 0) return undefined;
  let previous = new Array<number>(n + 1).fill(0);
  let previousStart = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= quote.length; i++) {
    const current = new Array<number>(n + 1);
    const currentStart = new Array<number>(n + 1);
    current[0] = i;
    currentStart[0] = 0;
    for (let j = 1; j <= n; j++) {
      const substitute = previous[j - 1] + (quote[i - 1] === words[j - 1].norm ? 0 : 1);
      const skipQuoteWord = previous[j] + 1;
      const skipTextWord = current[j - 1] + 1;
      if (substitute <= skipQuoteWord && substitute <= skipTextWord) {
        current[j] = substitute;
        currentStart[j] = previousStart[j - 1];
      } else if (skipQuoteWord <= skipTextWord) {
        current[j] = skipQuoteWord;
        currentStart[j] = previousStart[j];
      } else {
        current[j] = skipTextWord;
        currentStart[j] = currentStart[j - 1];
      }
    }
    previous = current;
    previousStart = currentStart;
  }
  let end = 1;
  for (let j = 2; j <= n; j++) if (previous[j] < previous[end]) end = j;
  const start = previousStart[end];
  if (start >= end) return undefined;
  return { start, end, cost: previous[end] };
}

// The verbatim text from the first to the last matched word, with the sentence's closing punctuation.
function spanText(text: string, words: Word[], start: number, end: number): string {
  const from = words[start].start;
  let to = words[end - 1].end;
  const closing = /^[.!?…]+["'”’)\]]*/.exec(text.slice(to));
  if (closing) to += closing[0].length;
  return text.slice(from, to);
}

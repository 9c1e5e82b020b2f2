import type { Term } from "@/lib/generation/text/key-terms";
import { contentStems, diceSimilarity } from "@/lib/generation/text/words";
import type { Random } from "./random";
import { isStatedInMaterial, type Study } from "./study-material";

/** Enough ranked wrong answers for the selector to find three that give no cue. */
export const DEFAULT_COUNT = 5;

export interface TermDistractorOptions {
  /** The stem, whose words a distractor must not repeat. */
  stem: string;
  /** Phrases that are also correct (list siblings, aliases); never offered as wrong answers. */
  alsoCorrect?: string[];
  /**
   * The statement the key completes: a distractor that the material states in the same way is
   * true, so it is dropped (the reliability check of Haladyna et al.).
   */
  statement?: string;
  sourceSentenceIds?: number[];
  random: Random;
  count?: number;
}

/**
 * Same-kind terms from the same material: the same proper/common and singular/plural form, similar
 * length, preferably the same head noun or section, never overlapping the key or the stem.
 */
export function pickTermDistractors(study: Study, key: string, options: TermDistractorOptions): string[] {
  const keyTerm = termsByText(study).get(key.toLowerCase());
  const keyStems = new Set(contentStems(key));
  const stemStems = new Set(contentStems(options.stem));
  const blocked = [key, ...(options.alsoCorrect ?? [])].map((text) => text.toLowerCase());
  const blockedStems = new Set(blocked.flatMap((text) => contentStems(text)));
  const keyWords = key.split(/\s+/).length;
  const keyIsProper = keyTerm?.isProper ?? /^[A-Z]/.test(key);
  const keyIsPlural = keyTerm?.isPlural ?? false;
  const keySection = keyTerm ? sectionsOf(study, keyTerm) : new Set<string>();

  const scored: { text: string; score: number }[] = [];
  for (const entry of termEntries(study)) {
    const { term, text, lower, stems } = entry;
    if (term.isProper !== keyIsProper || term.isPlural !== keyIsPlural) continue;
    if (Math.abs(term.words - keyWords) > 2) continue;
    if (stems.length === 0 || stems.some((stem) => blockedStems.has(stem) && !keyStems.has(stem))) continue;
    // Sharing a word with the key ("price floor" beside "price ceiling") makes a plausible wrong answer;
    // being the key's words, or the stem's, does not.
    if (stems.every((stem) => keyStems.has(stem) || stemStems.has(stem))) continue;
    if (keyStems.size > 0 && [...keyStems].every((stem) => stems.includes(stem))) continue;
    if (stems.some((stem) => stemStems.has(stem) && !keyStems.has(stem))) continue;
    if (blocked.some((other) => other.includes(lower) || lower.includes(other))) continue;
    let score = Math.log(1 + term.score);
    if (keyTerm && term.head === keyTerm.head) score += 1.5;
    // A stem word the key repeats is a cue unless a wrong answer repeats it too.
    if (stems.some((stem) => keyStems.has(stem) && stemStems.has(stem))) score += 1;
    if (keySection.size > 0 && [...entry.sections].some((section) => keySection.has(section))) score += 0.7;
    score -= Math.abs(text.length - key.length) / Math.max(key.length, 8);
    scored.push({ text, score });
  }
  scored.sort((a, b) => b.score - a.score || a.text.localeCompare(b.text));
  // The reliability check is the costly part, so it runs only on the best-ranked few.
  const reliable: string[] = [];
  for (const entry of scored) {
    if (reliable.length >= (options.count ?? DEFAULT_COUNT) + 3) break;
    const statement = options.statement;
    if (statement && isStatedInMaterial(study, statement.replace(key, entry.text), entry.text, options.sourceSentenceIds)) continue;
    reliable.push(entry.text);
  }
  return chooseDistinct(
    reliable,
    [key],
    options.count ?? DEFAULT_COUNT,
    options.random,
  );
}

/**
 * Takes `count` options from a ranked list, skipping near-duplicates of each other and of the key;
 * the seed picks among the best few so regenerating varies the wrong answers too.
 */
export function chooseDistinct(ranked: string[], taken: string[], count: number, random: Random): string[] {
  const chosen: string[] = [];
  const accepted = [...taken];
  const remaining = [...ranked];
  while (chosen.length < count && remaining.length > 0) {
    const spare = remaining.length - (count - chosen.length);
    const index = spare > 0 ? random.below(Math.min(2, spare + 1)) : 0;
    const [text] = remaining.splice(index, 1);
    if (accepted.some((other) => isTooClose(other, text))) continue;
    chosen.push(text);
    accepted.push(text);
  }
  return chosen;
}

interface TermEntry {
  term: Term;
  /** The term as it reads inside a sentence. */
  text: string;
  lower: string;
  stems: string[];
  sections: Set<string>;
}

const entryCache = new WeakMap<Study, TermEntry[]>();
const termCache = new WeakMap<Study, Map<string, Term>>();

function termsByText(study: Study): Map<string, Term> {
  let terms = termCache.get(study);
  if (!terms) {
    terms = new Map();
    // The first (best-scored) term with a given spelling wins, as a linear search would pick it.
    for (const term of study.terms) if (!terms.has(term.text.toLowerCase())) terms.set(term.text.toLowerCase(), term);
    termCache.set(study, terms);
  }
  return terms;
}

// Every template asks for distractors many times per request; the per-term work is done once per study.
function termEntries(study: Study): TermEntry[] {
  let entries = entryCache.get(study);
  if (!entries) {
    entries = study.answerTerms.map((term) => {
      // A common noun first seen at the start of a sentence keeps no capital inside another one.
      const text = term.isProper || /^[A-Z]{2}/.test(term.text) ? term.text : term.text.charAt(0).toLowerCase() + term.text.slice(1);
      return { term, text, lower: text.toLowerCase(), stems: contentStems(text), sections: sectionsOf(study, term) };
    });
    entryCache.set(study, entries);
  }
  return entries;
}

function isTooClose(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x === y || x.includes(y) || y.includes(x) || diceSimilarity(x, y) >= 0.8;
}

function sectionsOf(study: Study, term: Term): Set<string> {
  return new Set(term.occurrences.map((span) => study.material.sentences[span.sentenceId].heading ?? ""));
}

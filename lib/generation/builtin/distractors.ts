import { findNounPhrases, type Term } from "@/lib/generation/text/key-terms";
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
  /**
   * Only terms the material uses in the same slot as the key (subject of the same verb, object of the
   * same verb or preposition), or with the same head noun: a swapped detail must be a wrong detail of
   * the same kind, not a verb or an unrelated noun ("took clergy in a coup").
   */
  sameSlot?: boolean;
  /**
   * With `sameSlot`: a shared vague preposition ("from the air" / "from the remains") is not enough;
   * the term must share a verb slot or a place/time preposition, be listed beside the key, or share its head.
   * Wrong corrections of a claim must be the same kind of thing as what they replace.
   */
  strictSlot?: boolean;
  /** Terms that would also be right here, for reasons only the template knows; never offered. */
  reject?: (text: string) => boolean;
  /**
   * With `sameSlot`: the key's occurrence in the sentence being asked about. Only the slots the key
   * fills there count ("prison" in "a royal fortress and prison" is listed beside "royal fortress";
   * that it also follows "died in" elsewhere says nothing of this use).
   */
  at?: { sentenceId: number; start: number; end: number };
  /**
   * With `at`: no term the material puts in one of those slots elsewhere ("the Calvin cycle takes place
   * in the stroma" beside "takes place mainly in the leaves"): the claim with it would be defensible.
   */
  notStatedInSlot?: boolean;
  /**
   * With `strictSlot`: a place/time preposition shared whatever the phrases hang on ("splits granite
   * … in the mountains" / "dissolves limestone in the valleys") is enough. Right for changing a right
   * detail; a wrong fix of the error's spot must hang on the same word ("takes place in").
   */
  anyHead?: boolean;
}

/**
 * Same-kind terms from the same material: the same proper/common and singular/plural form, similar
 * length, preferably the same head noun or section, never overlapping the key or the stem.
 */
export function pickTermDistractors(study: Study, key: string, options: TermDistractorOptions): string[] {
  const keyTerm = termsByText(study).get(key.toLowerCase());
  const keyStems = new Set(contentStems(key));
  const stemStems = new Set(contentStems(options.stem));
  const blocked = [key, ...(options.alsoCorrect ?? []), ...aliasesOf(study, key)].map((text) => text.toLowerCase());
  const blockedStems = new Set(blocked.flatMap((text) => contentStems(text)));
  const keyWords = key.split(/\s+/).length;
  const keyIsProper = keyTerm?.isProper ?? /^[A-Z]/.test(key);
  const keyIsPlural = keyTerm?.isPlural ?? /[^s]s$/i.test(key);
  const keySection = keyTerm ? sectionsOf(study, keyTerm) : new Set<string>();

  // A key that fills no slot where it stands ("Demand is the quantity … that consumers are willing …":
  // a copula says nothing of its kind) is read from its slots anywhere.
  const slotsHere = options.sameSlot && options.at ? slotsAt(study, options.at) : undefined;
  const keySlots = options.sameSlot ? (slotsHere && slotsHere.size > 0 ? slotsHere : slotsOf(study, key)) : undefined;
  // Verb and preposition slots (not lists) the key fills here; a term stated in one elsewhere is defensible.
  const statedSlots = slotsHere && options.notStatedInSlot ? [...slotsHere].filter((slot) => !slot.startsWith("with:") && !slot.endsWith("|*")) : [];
  const scored: { text: string; score: number }[] = [];
  for (const entry of termEntries(study)) {
    const { term, text, lower, stems } = entry;
    if (term.isProper !== keyIsProper || term.isPlural !== keyIsPlural) continue;
    // A name stands in for a name of the same kind only: a person for a person, a place for a place.
    if (keyIsProper && keyTerm?.nameKind && term.nameKind !== keyTerm.nameKind) continue;
    if (Math.abs(term.words - keyWords) > 2) continue;
    if (stems.length === 0 || stems.some((stem) => blockedStems.has(stem) && !keyStems.has(stem))) continue;
    // Sharing a word with the key ("price floor" beside "price ceiling") makes a plausible wrong answer;
    // being the key's words, or the stem's, does not.
    if (stems.every((stem) => keyStems.has(stem) || stemStems.has(stem))) continue;
    if (keyStems.size > 0 && [...keyStems].every((stem) => stems.includes(stem))) continue;
    if (stems.some((stem) => stemStems.has(stem) && !keyStems.has(stem))) continue;
    if (blocked.some((other) => other.includes(lower) || lower.includes(other))) continue;
    if (options.reject?.(text)) continue;
    if (keySlots && !(keyTerm && term.head === keyTerm.head) && !sharesSlot(keySlots, slotsOf(study, text), lower, key.toLowerCase(), options.strictSlot, options.anyHead)) continue;
    if (statedSlots.length > 0) {
      const slots = slotsOf(study, text);
      if (statedSlots.some((slot) => slots.has(slot))) continue;
    }
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
  if (x === y || x.includes(y) || y.includes(x) || diceSimilarity(x, y) >= 0.8) return true;
  // "The server replies with …" beside "The server, if it is willing …, replies with …": one option
  // holds nearly all the other's words.
  const stemsX = new Set(contentStems(x));
  const stemsY = new Set(contentStems(y));
  const shared = [...stemsX].filter((stem) => stemsY.has(stem)).length;
  return Math.min(stemsX.size, stemsY.size) >= 4 && shared / Math.min(stemsX.size, stemsY.size) >= 0.85;
}

function sectionsOf(study: Study, term: Term): Set<string> {
  return new Set(term.occurrences.map((span) => study.material.sentences[span.sentenceId].heading ?? ""));
}

// Function words too common to tell one slot from another ("the abolition of X", "X and Y").
const WEAK_SLOT_WORDS = new Set(["of", "and", "or", "be", "have", "as", "with", "for"]);

const slotCache = new WeakMap<Study, Map<string, Set<string>>>();

/**
 * The slots a term fills anywhere in the material: "before:<verb lemma>" when it is the verb's subject,
 * "after:<verb lemma>" when it is the verb's object (skipping articles and adjectives),
 * "after:<preposition>|<head>" when it follows a preposition, with the word the phrase hangs on (the
 * verb or noun just before it: "takes place in the leaves" → "after:in|place", "oxygen in the
 * atmosphere" → "after:in|oxygen", "died in prison" → "after:in|die"; a phrase that opens a clause,
 * "Then, in the second stage", hangs on nothing said before it and fills no preposition slot), and
 * "with:<phrase>" for each phrase listed with it.
 */
function slotsOf(study: Study, text: string): Set<string> {
  let cache = slotCache.get(study);
  if (!cache) {
    cache = new Map();
    slotCache.set(study, cache);
  }
  const lower = text.toLowerCase();
  let slots = cache.get(lower);
  if (slots) return slots;
  slots = new Set();
  const term = termsByText(study).get(lower);
  for (const span of term?.occurrences ?? []) for (const slot of slotsAt(study, span)) slots.add(slot);
  cache.set(lower, slots);
  return slots;
}

/** The slots one occurrence of a phrase fills (see slotsOf). */
function slotsAt(study: Study, span: { sentenceId: number; start: number; end: number }): Set<string> {
  let cache = spanSlotCache.get(study);
  if (!cache) spanSlotCache.set(study, (cache = new Map()));
  const id = `${span.sentenceId}:${span.start}:${span.end}`;
  let slots = cache.get(id);
  if (!slots) cache.set(id, (slots = findSlotsAt(study, span)));
  return slots;
}

const spanSlotCache = new WeakMap<Study, Map<string, Set<string>>>();

function findSlotsAt(study: Study, span: { sentenceId: number; start: number; end: number }): Set<string> {
  const slots = new Set<string>();
  const sentence = study.material.sentences[span.sentenceId];
  const tokens = sentence.tokens;
  let k = span.start - 1;
  while (k >= 0 && ["DET", "ADJ", "NUM", "ADV"].includes(tokens[k].pos)) k--;
  const before = tokens[k];
  if (before && ["VERB", "AUX"].includes(before.pos) && !WEAK_SLOT_WORDS.has(before.lemma)) slots.add(`after:${before.lemma}`);
  if (before && before.pos === "ADP" && !WEAK_SLOT_WORDS.has(before.lemma)) {
    let h = k - 1;
    while (h >= 0 && ["ADV", "PART"].includes(tokens[h].pos)) h--;
    const head = tokens[h];
    if (head && ["VERB", "NOUN", "PROPN"].includes(head.pos)) {
      slots.add(`after:${before.lemma}|${head.lemma.toLowerCase()}`);
      // The preposition alone, whatever it hangs on: enough only for changing a right detail (anyHead).
      slots.add(`after:${before.lemma}|*`);
    }
  }
  let j = span.end;
  while (j < tokens.length && ["ADV", "AUX", "PART"].includes(tokens[j].pos) && !/^(?:is|are|was|were)$/.test(tokens[j].lower)) j++;
  const after = tokens[j];
  if (after && (after.pos === "VERB" || /^(?:is|are|was|were)$/.test(after.lower)) && !WEAK_SLOT_WORDS.has(after.lemma)) {
    slots.add(`before:${after.lemma}`);
  }
  // "carbon dioxide and water", "peasants, town workers, craftspeople": coordinated phrases are of a kind.
  // The whole list counts, not only the neighbours: "granite, basalt, sandstone and limestone".
  const phrases = findNounPhrases(sentence).sort((a, b) => a.start - b.start);
  // "price on the vertical axis and quantity on the horizontal axis" pairs two phrases of a preposition
  // each, not "vertical axis" and "quantity": the right one is followed by the preposition that opens
  // the left one.
  const isParallel = (left: (typeof phrases)[number], right: (typeof phrases)[number]) => {
    let p = left.start - 1;
    while (p >= 0 && ["DET", "ADJ", "NUM"].includes(tokens[p].pos)) p--;
    const next = tokens[right.end];
    return p >= 0 && tokens[p].pos === "ADP" && next !== undefined && next.pos === "ADP" && next.lower === tokens[p].lower;
  };
  const joined = (left: (typeof phrases)[number], right: (typeof phrases)[number]) => {
    const gap = tokens.slice(left.end, right.start);
    return (
      !isParallel(left, right) &&
      gap.length > 0 &&
      gap.length <= 2 &&
      gap.every((token) => token.text === "," || token.pos === "CCONJ" || token.pos === "DET") &&
      gap.some((token) => token.text === "," || token.pos === "CCONJ")
    );
  };
  const at = phrases.findIndex((phrase) => phrase.start === span.start && phrase.end === span.end);
  if (at >= 0) {
    for (let k = at; k > 0 && joined(phrases[k - 1], phrases[k]); k--) slots.add(`with:${phrases[k - 1].text.toLowerCase()}`);
    for (let k = at; k + 1 < phrases.length && joined(phrases[k], phrases[k + 1]); k++) slots.add(`with:${phrases[k + 1].text.toLowerCase()}`);
  }
  return slots;
}

// Prepositions that say little about what follows them ("from the air", "from the remains"); "in",
// "at", "during", "until" and the like do (a place or a time).
const VAGUE_PREPOSITIONS = new Set(["from", "to", "into", "through", "by", "per", "onto", "upon"]);

function sharesSlot(a: Set<string>, b: Set<string>, bText: string, aText: string, strict = false, anyHead = false): boolean {
  if (a.has(`with:${bText}`) || b.has(`with:${aText}`)) return true;
  for (const slot of a) {
    if (slot.startsWith("with:") || !b.has(slot)) continue;
    if (slot.endsWith("|*") && !anyHead) continue;
    if (strict && slot.startsWith("after:") && VAGUE_PREPOSITIONS.has(slot.slice(6).split("|")[0])) continue;
    return true;
  }
  return false;
}

/** Whether the material uses a term in any of the given sentences. */
export function isUsedIn(study: Study, text: string, sentenceIds: Set<number>): boolean {
  if ((termsByText(study).get(text.toLowerCase())?.occurrences ?? []).some((span) => sentenceIds.has(span.sentenceId))) return true;
  const stems = contentStems(text);
  return stems.length > 0 && [...sentenceIds].some((id) => stems.every((stem) => study.sentencesByStem.get(stem)?.includes(id)));
}

/** Whether the material uses a term as the object of a verb in one of the given sentences ("inject forged segments"). */
export function isObjectIn(study: Study, text: string, sentenceIds: Set<number>): boolean {
  return (termsByText(study).get(text.toLowerCase())?.occurrences ?? []).some((span) => {
    if (!sentenceIds.has(span.sentenceId)) return false;
    const tokens = study.material.sentences[span.sentenceId].tokens;
    let k = span.start - 1;
    while (k >= 0 && ["DET", "ADJ", "NUM", "ADV", "PRON"].includes(tokens[k].pos)) k--;
    return tokens[k]?.pos === "VERB" && !WEAK_SLOT_WORDS.has(tokens[k].lemma);
  });
}

/**
 * Whether a term is only ever part of a longer name in the material: "initial sequence" is always
 * followed by "number", so it names nothing on its own.
 */
export function isOnlyModifier(study: Study, text: string): boolean {
  const occurrences = termsByText(study).get(text.toLowerCase())?.occurrences ?? [];
  return (
    occurrences.length > 0 &&
    occurrences.every((span) => ["NOUN", "PROPN"].includes(study.material.sentences[span.sentenceId].tokens[span.end]?.pos ?? ""))
  );
}

/** Whether the material uses a term right after a verb of this lemma ("sends a segment" for "send"). */
export function followsVerb(study: Study, text: string, lemma: string): boolean {
  return slotsOf(study, text).has(`after:${lemma}`);
}

/**
 * Whether two terms of the material are of the same kind: the same form (common/proper,
 * singular/plural, kind of name) and the same head noun, a shared verb or place/time slot, or listed
 * side by side. Only such a term can stand in for the other in a claim and still read as plausible.
 */
export function isSameKind(study: Study, a: string, b: string, strict = true): boolean {
  const terms = termsByText(study);
  const [x, y] = [terms.get(a.toLowerCase()), terms.get(b.toLowerCase())];
  if (!x || !y || x === y) return false;
  if (x.isProper !== y.isProper || x.isPlural !== y.isPlural || x.nameKind !== y.nameKind) return false;
  return x.head === y.head || sharesSlot(slotsOf(study, a), slotsOf(study, b), b.toLowerCase(), a.toLowerCase(), strict);
}

const aliasCache = new WeakMap<Study, Map<string, string[]>>();

/**
 * Other names the material gives the same thing: "the Transmission Control Protocol (TCP)" makes TCP
 * an alias, never a wrong answer beside it.
 */
export function aliasesOf(study: Study, text: string): string[] {
  let aliases = aliasCache.get(study);
  if (!aliases) {
    aliases = new Map();
    for (const sentence of study.material.sentences) {
      for (const match of sentence.text.matchAll(/((?:[A-Z][\w'’-]*|of|the|and)(?: (?:[A-Z][\w'’-]*|of|the|and))*) \(([^()]{1,40})\)/g)) {
        const name = match[1].replace(/^(?:The|the|of|and) /, "");
        const alias = match[2].replace(/^(?:singular|plural|or|also|e\.g\.)[:,]? /i, "").replace(/["“”]/g, "").trim();
        for (const [a, b] of [[name, alias], [alias, name]]) {
          const list = aliases.get(a.toLowerCase()) ?? [];
          list.push(b);
          aliases.set(a.toLowerCase(), list);
        }
      }
    }
    aliasCache.set(study, aliases);
  }
  return aliases.get(text.toLowerCase()) ?? [];
}

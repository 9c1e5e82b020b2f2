import { contentStems } from "@/lib/generation/text/words";
import type { Sentence } from "@/lib/generation/text/analyse-material";
import { capitalise, isSelfContained, leadingSubject, stripLeadIn, tidyClause, wordCount } from "../clauses";
import { createRandom, hashString, type Random } from "../random";
import { isPastTense } from "../mine-relations";
import type { Study } from "../study-material";

export interface TemplateContext {
  study: Study;
  random: Random;
  /** The request's seed, for templates that draw their own numbers (see `ownRandom`). */
  seed?: number;
}

/**
 * A random stream of a template's own, from the request's seed and what it is drawn for: new numbers
 * for a new case change with the seed, yet drawing them does not shift the shared stream, so adding
 * such a template leaves every other template's choices as they were.
 */
export function ownRandom(context: TemplateContext, purpose: string): Random {
  return createRandom((context.seed ?? 0) ^ hashString(purpose));
}

/** Quotes the source the way every explanation does. */
export function quoteSource(sentences: Sentence[]): string {
  return sentences.map((sentence) => sentence.text).join(" ");
}

/** Main clauses of other sentences, usable as plausible wrong answers for clause-type keys. */
export function otherClauses(
  study: Study,
  exclude: number[],
  avoid: string,
  predicate: (clause: string, sentence: Sentence) => boolean,
): { text: string; sentenceId: number }[] {
  const avoidStems = new Set(contentStems(avoid));
  const clauses: { text: string; sentenceId: number }[] = [];
  for (const relation of [...study.relations.causes, ...study.relations.rules]) {
    const texts = "cause" in relation ? [relation.cause, relation.effect] : [relation.condition, relation.consequence];
    for (const text of texts) {
      if (exclude.includes(relation.sentenceId)) continue;
      // "poor harvests caused the price of bread to rise": the effect "the price of bread to rise" is no statement.
      if ("cue" in relation && relation.cue === "caused") continue;
      const sentence = study.material.sentences[relation.sentenceId];
      const stems = contentStems(text);
      const overlap = stems.filter((stem) => avoidStems.has(stem)).length / Math.max(stems.length, 1);
      if (overlap < 0.5 && predicate(text, sentence)) clauses.push({ text, sentenceId: relation.sentenceId });
    }
  }
  return clauses;
}

/**
 * Whether a true statement offered to neutralise a cue word is of a usable length beside the key: the
 * linter flags a key much longer than every wrong answer, or one wrong answer of another size.
 */
export function fitsBeside(text: string, key: string): boolean {
  return text.length <= 3 * key.length && key.length <= 3 * text.length;
}

/** Whether two option texts are within a length ratio that hides the key among them. */
export function isSimilarLength(a: string, b: string, ratio = 1.7): boolean {
  const x = a.length;
  const y = b.length;
  return Math.max(x, y) <= ratio * Math.min(x, y);
}

/** Whether a clause speaks of the past by its auxiliary ("was", "had"): a case to carry a rule out on, or a plan, is present. */
export function isPastClause(text: string): boolean {
  return /\b(?:was|were|had|did)\b/.test(text);
}

export function sentencesById(study: Study, ids: number[]): Sentence[] {
  return ids.map((id) => study.material.sentences[id]);
}

/** The stem's words that the key repeats, in the key's order: each points to the key unless a wrong answer repeats it too. */
export function stemWordCues(key: string, stem: string): Set<string> {
  const stemStems = new Set(contentStems(stem));
  return new Set(contentStems(key).filter((word) => stemStems.has(word)));
}

/**
 * Wrong answers that repeat the stem's words which the key repeats come first: a stem word found only
 * in the key points to it (the stem-word cue), one that a wrong answer repeats too points nowhere.
 */
export function preferSharedWords(ranked: string[], key: string, stem: string): string[] {
  const cues = stemWordCues(key, stem);
  if (cues.size === 0) return ranked;
  const shared = (text: string) => new Set(contentStems(text).filter((word) => cues.has(word))).size;
  return ranked
    .map((text, index) => ({ text, index, shared: shared(text) }))
    .sort((a, b) => b.shared - a.shared || a.index - b.index)
    .map((entry) => entry.text);
}

/** Order matters for causes only in a narrative (past tense); an exposition states its facts in any order. */
export function narrativeOrder(sentence: Sentence, position: "before" | "after"): "before" | "after" | undefined {
  return isPastTense(sentence) ? position : undefined;
}

/** Whether sentence `id` lies on the required side of `anchor` (any side when no order applies). */
export function isInOrder(id: number, anchor: number, position: "before" | "after" | undefined): boolean {
  return position === undefined || (position === "before" ? id < anchor : id > anchor);
}

/**
 * Statements from elsewhere in the text that repeat a word the stem and the key share ("Estate",
 * "green"): true, but not the answer, they keep that word from pointing to the key. Each is the
 * first clause of a sentence that reads on its own; none shares half its words with the key.
 */
export function cueStatements(
  study: Study,
  exclude: number[],
  key: string,
  stem: string,
  predicate: (statement: string) => boolean,
  /**
   * In a narrative an earlier event may be the cause of a later one: wrong causes come only from
   * sentences after the question's, wrong consequences only from sentences before it.
   */
  position?: "before" | "after",
): string[] {
  const keyStems = new Set(contentStems(key));
  const cues = [...stemWordCues(key, stem)];
  const ids = new Set(cues.flatMap((cue) => study.sentencesByStem.get(cue) ?? []));
  const statements: string[] = [];
  // Nearby sentences first; a few statements are plenty, so a long text is not scanned to the end.
  const anchor = exclude[0] ?? 0;
  const nearest = [...ids].sort((a, b) => Math.abs(a - anchor) - Math.abs(b - anchor)).slice(0, 40);
  for (const id of nearest) {
    if (statements.length >= 4) break;
    const sentence = study.material.sentences[id];
    if (exclude.includes(id) || sentence.isRepeat || sentence.isListItem) continue;
    if ((position === "before" && id > Math.min(...exclude)) || (position === "after" && id < Math.max(...exclude))) continue;
    if ((sentence.text.match(/\d+/g)?.length ?? 0) >= 3) continue;
    const whole = firstClause(sentence);
    // A long statement may still serve by its first main clause ("Louis XVI was tried …, and his wife …").
    const clause = [whole, whole.split(/, (?:and|but|while|whereas|which) /)[0]].find(
      (text) =>
        wordCount(text) >= 4 &&
        wordCount(text) <= 22 &&
        !/["“”]/.test(text) &&
        isSelfContained(text, sentence, 22) &&
        predicate(text) &&
        cues.some((cue) => contentStems(text).includes(cue)),
    );
    if (!clause) continue;
    const stems = contentStems(clause);
    const overlap = stems.filter((word) => keyStems.has(word)).length / Math.max(stems.length, 1);
    if (overlap >= 0.5) continue;
    statements.push(capitalise(clause));
  }
  return statements;
}

/** A sentence's first clause as a statement: before any colon or semicolon, without its lead-in or asides in brackets. */
export function firstClause(sentence: Sentence): string {
  return tidyClause(stripLeadIn(sentence.text.split(/; |: /)[0].replace(/ \([^()]*\)/g, "")));
}

const statementCache = new WeakMap<Study, { text: string; sentenceId: number }[]>();

/** The first clause of every sentence that reads on its own, as a plain statement of the text. */
export function plainStatements(study: Study): { text: string; sentenceId: number }[] {
  let statements = statementCache.get(study);
  if (statements) return statements;
  statements = [];
  for (const sentence of study.material.sentences) {
    if (sentence.isRepeat || sentence.isListItem || (sentence.text.match(/\d+/g)?.length ?? 0) >= 3) continue;
    const clause = firstClause(sentence);
    if (wordCount(clause) < 5 || wordCount(clause) > 26 || /["“”]/.test(clause) || !isSelfContained(clause, sentence, 26)) continue;
    statements.push({ text: capitalise(clause), sentenceId: sentence.id });
  }
  statementCache.set(study, statements);
  return statements;
}

/**
 * Makes sure one wrong answer is about as long as the key, so the key is not the one long option (the
 * longest-option cue): when none of the chosen is, the last is replaced by the first of `pool` that
 * is, else by a statement of the text of that length from a sentence `allow` accepts.
 */
export function withLengthPartner(
  chosen: string[],
  pool: string[],
  key: string,
  study: Study,
  allow: (sentenceId: number) => boolean,
  /** Texts that may stand as a wrong answer at all (none that is also right). */
  accept: (text: string) => boolean = () => true,
): string[] {
  const needed = (key.length - 8) / 1.25;
  if (chosen.length < 3 || chosen.some((text) => text.length >= needed)) return chosen;
  const keyStems = new Set(contentStems(key));
  const fits = (text: string) =>
    text.length >= needed &&
    text.length <= 1.6 * key.length &&
    !chosen.includes(text) &&
    text !== key &&
    accept(text) &&
    contentStems(text).filter((stem) => keyStems.has(stem)).length / Math.max(keyStems.size, 1) < 0.5;
  const partner =
    pool.find(fits) ?? plainStatements(study).find((statement) => allow(statement.sentenceId) && fits(statement.text))?.text;
  return partner ? [...chosen.slice(0, -1), partner] : chosen;
}

/**
 * Whether a wrong answer could be defended as another consequence of the premise a stem supposes: it
 * repeats a word of the premise ("a higher price …" beside "the price of coffee goes up"), its sentence
 * does, or it is a side of a stated cause or rule that does ("a higher price means …, so consumers cut back"). A wrong
 * answer must not be supported by any sentence of the text as following from the same premise.
 */
const UP = /\b(?:rises?|rising|rose|goes up|went up|higher|increases?|increased|more|larger|above|grows?)\b/i;
const DOWN = /\b(?:falls?|falling|fell|goes down|went down|lower|decreases?|decreased|less|smaller|below|shrinks?)\b/i;

export function followsFromPremise(
  study: Study,
  premise: string,
  text: string,
  sentence?: Sentence,
  /**
   * "any": a clause that repeats any rarer premise word is tied to it (a supposed case is short:
   * "a plant is short of water"). "all": only one that repeats every rarer word, for a premise that is
   * a stated fact ("each Estate cast one vote"), beside which "the Third Estate paid most of the taxes"
   * shares a name and follows from nothing.
   */
  words: "any" | "all" = "any",
): boolean {
  const touches = premiseTouch(study, premise, words);
  if (touches(text)) return true;
  // A supposed case whose premise the clause follows from, in the same sentence ("suppose the price is
  // above equilibrium: sellers want to sell more …").
  if (sentence && /\b(?:suppose|supposing|imagine|if|when|whenever)\b/i.test(sentence.text) && touches(sentence.text)) return true;
  const lower = text.toLowerCase();
  return (relationSides(study).get(lower) ?? []).some((sides) => sides.some(touches));
}

/** Whether more than a third of the text's sentences repeat a word stem: such a word ties no two statements together. */
function isCommonWord(study: Study, stem: string): boolean {
  return (study.sentencesByStem.get(stem)?.length ?? 0) > study.material.sentences.length / 3;
}

const touchCache = new WeakMap<Study, Map<string, (clause: string) => boolean>>();

/** Whether a clause repeats a premise's rarer words, or states its quantity changing the same way. */
function premiseTouch(study: Study, premise: string, words: "any" | "all"): (clause: string) => boolean {
  let byPremise = touchCache.get(study);
  if (!byPremise) touchCache.set(study, (byPremise = new Map()));
  const cached = byPremise.get(`${words}:${premise}`);
  if (cached) return cached;
  const premiseStems = new Set(contentStems(premise));
  // A premise word that most of the text repeats ("water" in a text on boiling) ties nothing together.
  const common = new Set([...premiseStems].filter((stem) => isCommonWord(study, stem)));
  // A premise that a quantity goes up (or down) is also stated by "a higher price", "the price is above …".
  const direction = UP.test(premise) ? UP : DOWN.test(premise) ? DOWN : undefined;
  const subject = new Set(contentStems(premise.split(UP)[0].split(DOWN)[0]));
  const results = new Map<string, boolean>();
  const touches = (clause: string) => {
    let result = results.get(clause);
    if (result === undefined) {
      const stems = contentStems(clause);
      const rare = [...premiseStems].filter((stem) => !common.has(stem));
      const repeats = words === "any" ? rare.some((stem) => stems.includes(stem)) : rare.length > 0 && rare.every((stem) => stems.includes(stem));
      result =
        repeats ||
        (!!direction && direction.test(clause) && stems.some((stem) => subject.has(stem)));
      results.set(clause, result);
    }
    return result;
  };
  byPremise.set(`${words}:${premise}`, touches);
  return touches;
}

const sidesCache = new WeakMap<Study, Map<string, string[][]>>();

/** Each side of every stated cause and rule (lower-cased), with both sides of its relation. */
export function relationSides(study: Study): Map<string, string[][]> {
  let index = sidesCache.get(study);
  if (index) return index;
  index = new Map();
  for (const relation of [...study.relations.causes, ...study.relations.rules]) {
    const sides = "cause" in relation ? [relation.cause, relation.effect] : [relation.condition, relation.consequence];
    for (const side of sides) index.set(side.toLowerCase(), [...(index.get(side.toLowerCase()) ?? []), sides]);
  }
  sidesCache.set(study, index);
  return index;
}

/**
 * Whether a wrong reason would also explain the outcome: it names the key's subject (the agent the
 * text gives as the reason) together with a word of the outcome, as "Chloroplasts contain a green
 * pigment called chlorophyll" does beside the key "Chlorophyll … reflects most green light" for "why
 * leaves look green". Such an option is a reason too, so the item would have two defensible answers.
 */
export function explainsSameOutcome(study: Study, key: string, outcome: string, text: string, sentence: Sentence): boolean {
  const lead = leadingSubject(key, sentence);
  if (!lead) return false;
  const subject = new Set(contentStems(lead.text));
  // A word most of the text repeats ("price" in a text on prices) ties nothing together.
  const outcomeStems = new Set(contentStems(outcome).filter((stem) => !subject.has(stem) && !isCommonWord(study, stem)));
  const stems = contentStems(text);
  return stems.some((stem) => subject.has(stem) && !isCommonWord(study, stem)) && stems.some((stem) => outcomeStems.has(stem));
}

const CHANGE = /\b(?:changes?|changing|changed|varies|vary|varied|differs?|shifts?|shifting|shifted|moves?|moving|moved|alters?|altered)\b/i;
// A phrasal change ("unsold stock builds up", "consumers cut back", "the price is bid up") or a switch.
const PHRASAL = /\b(?:[a-z]+s?|[a-z]+ed) (?:up|down|back|out|off)\b|\bswitch(?:es|ed)?\b/i;

/**
 * Whether a clause states a change with no direction: "the equilibrium changes", "a curve shifts".
 * It is the consequence of nearly any particular change the text describes, so as a wrong answer it
 * is defensible, and as a key every particular change it covers is defensible too.
 */
export function isUndirectedChange(text: string): boolean {
  return CHANGE.test(text) && !UP.test(text) && !DOWN.test(text) && !/\bto the (?:right|left)\b|\b(?:upward|downward)s?\b/i.test(text);
}

/** Whether a clause states any change at all, directed or not ("the price rises", "consumers cut back"). */
export function statesChange(text: string): boolean {
  return CHANGE.test(text) || UP.test(text) || DOWN.test(text) || PHRASAL.test(text) || /\b(?:appears?|disappears?|grows?|shrinks?|expands?|enters?)\b/i.test(text);
}

/**
 * "The equilibrium stays the same" for "the equilibrium changes": the no-change opposite of an
 * undirected change, wrong by the rule that states the change.
 */
export function noChangeOpposite(text: string): string | undefined {
  if (!isUndirectedChange(text)) return undefined;
  const result = text
    .replace(/\b(?:changes|varies|differs|shifts|moves|alters)\b/i, "stays the same")
    .replace(/\b(?:change|vary|differ|shift|move|alter)\b/i, "stay the same");
  return result === text ? undefined : result;
}

/**
 * Whether a sentence near the rule's (same paragraph, or the paragraph beside it under the same
 * heading) states the clause as a general rule: every content word of the clause is in it. A case
 * the text gives as an example ("if the price of coffee goes up, some people switch to tea")
 * illustrates that section's rules ("a change in any other factor shifts the entire curve"), so the
 * clause ("a curve shifts") may well hold of the case and is no safe wrong answer.
 */
// "Any other factor", "all goods", "always", "whenever"; not "every month", which says how often.
const GENERAL = /\b(?:(?:any|every|all) (?!(?:day|week|month|year|hour|minute|time|morning|evening|night|season)s?\b)|always\b|whenever\b)/i;

export function statedNearby(study: Study, sentence: Sentence, clause: string, sourceId?: number): boolean {
  const stems = contentStems(clause);
  if (stems.length === 0) return false;
  return study.material.sentences.some(
    (other) =>
      other.id !== sentence.id &&
      // The clause's own sentence states it as a fact, not as a rule the case may illustrate.
      other.id !== sourceId &&
      !other.text.toLowerCase().includes(clause.toLowerCase()) &&
      Math.abs(other.paragraph - sentence.paragraph) <= 1 &&
      other.heading === sentence.heading &&
      GENERAL.test(other.text) &&
      stems.every((stem) => contentStems(other.text).includes(stem)),
  );
}

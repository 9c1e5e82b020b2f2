import type { Material, Sentence, Token } from "@/lib/generation/text/analyse-material";
import { joinTokens } from "@/lib/generation/text/analyse-material";
import { findNounPhrases, type PhraseSpan } from "@/lib/generation/text/key-terms";
import { IRREGULAR_PAST, dropArticle, hasVerb, indefiniteArticle, isSelfContained, isSelfContainedPhrase, lastStatement, leadingSubject, stripLeadIn, tidyClause, wordCount } from "./clauses";

/** "TERM is a GENUS that …", "… is called TERM", "TERM, the …": a term and what it means. */
export interface Definition {
  term: string;
  /** What the term means, starting with its article ("the process by which …"). */
  meaning: string;
  sentenceId: number;
  /** Whether the meaning has a relative clause that can be told as a situation ("in which the server …"). */
  situation?: string;
  /**
   * Things the sentence names as instances of the term ("whether it is a street market, a stock
   * exchange or an online shop"): also right for its meaning, so never wrong answers.
   */
  instances?: string[];
}

/** A cause and its effect, both as clauses or noun phrases the way the sentence words them. */
export interface CauseEffect {
  cause: string;
  effect: string;
  sentenceId: number;
  /** The sentence holding the cause when it differs (an "As a result, …" sentence refers back). */
  causeSentenceId: number;
  cue: string;
}

/** A stated rule: when CONDITION, CONSEQUENCE. */
export interface Rule {
  condition: string;
  consequence: string;
  sentenceId: number;
  /** Told in the past tense: an event of a narrative, not a rule to carry out or plan with. */
  isPast: boolean;
}

/** "Unlike OTHER, SUBJECT PREDICATE" or "SUBJECT PREDICATE, whereas OTHER OTHER-PREDICATE". */
export interface Contrast {
  subject: string;
  other: string;
  predicate: string;
  /** What the sentence says of the other side instead, when it says it ("whereas …"). */
  otherPredicate?: string;
  sentenceId: number;
}

/** "CATEGORY such as A, B and C". */
export interface ExampleList {
  category: string;
  members: string[];
  sentenceId: number;
}

/** One step of an ordered account (First … Then … Finally …) or a dated event. */
export interface Step {
  label: string;
  sentenceId: number;
  /** Sort key for dated events (year, month, day); the position for marked steps. */
  order: number;
}

export interface Sequence {
  kind: "steps" | "dates";
  steps: Step[];
  /** Present-tense steps describe a procedure that can be carried out; past tense narrates events. */
  isProcedure: boolean;
  heading?: string;
}

/**
 * A causal claim between two things that can be observed case by case: "poor harvests in 1788 caused
 * the price of bread to rise sharply", "increasing the light speeds up the process".
 */
export interface CausalClaim {
  /** What differs between the cases to compare ("poor harvests", "choosing the ISN unpredictably"). */
  cause: string;
  /** What to observe in each case ("the price of bread", "how full the backlog queue is"). */
  outcome: string;
  /** The cause is an amount set higher or lower ("a higher price" → "the price"), varied directly. */
  causeIsAmount: boolean;
  sentenceId: number;
  /** The sentence that states the cause, when an "As a result, …" sentence refers back to it. */
  causeSentenceId?: number;
  isPast: boolean;
}

/** Actions a sentence says are taken, and the improvement the next sentence says they bring ("As a result, …"). */
export interface MeansToGoal {
  /** Imperative actions, each with a verb that has an opposite ("warm the air", "extend the hours of light"). */
  means: string[];
  /** The goal as "SUBJECT to VERB …" ("crops such as tomatoes … to grow faster than they would outdoors"). */
  goal: string;
  sentenceId: number;
  goalSentenceId: number;
}

export interface Relations {
  definitions: Definition[];
  causes: CauseEffect[];
  rules: Rule[];
  contrasts: Contrast[];
  examples: ExampleList[];
  sequences: Sequence[];
  claims: CausalClaim[];
  meansToGoals: MeansToGoal[];
}

/** A sentence that states something once: not a list item, a repeat or a question. */
function isStatement(sentence: Sentence): boolean {
  return !sentence.isListItem && !sentence.isRepeat && !/\?\s*$/.test(sentence.text);
}

export function mineRelations(material: Material): Relations {
  const relations: Relations = {
    definitions: [],
    causes: [],
    rules: [],
    contrasts: [],
    examples: [],
    sequences: [],
    claims: [],
    meansToGoals: [],
  };
  for (const sentence of material.sentences) {
    if (!isStatement(sentence)) continue;
    relations.definitions.push(...mineDefinitions(sentence));
    relations.causes.push(...mineCauses(sentence, material), ...mineParticipleReasons(sentence));
    relations.rules.push(
      ...mineRules(sentence).map((rule) => ({ ...rule, isPast: isPastTense(sentence, `${rule.condition} ${rule.consequence}`) })),
    );
    relations.contrasts.push(...mineContrasts(sentence), ...mineWhereas(sentence));
    relations.examples.push(...mineExamples(sentence));
  }
  relations.sequences.push(...mineMarkedSteps(material), ...mineDatedEvents(material));
  relations.claims.push(...mineCausalClaims(material, relations.definitions), ...claimsFromReasons(material, relations.causes));
  relations.meansToGoals.push(...mineMeansToGoals(material));
  return relations;
}

// ---------------------------------------------------------------- definitions

const NP = String.raw`(?:[Tt]he |[Aa]n? )?[A-Za-z][\w'’-]*(?: [\w'’-]+){0,5}`;
const COPULA = new RegExp(
  String.raw`^(?:In [\w ]+, )?(${NP}?)(?: \(([^)]+)\))? (?:is|are|was|were) ((?:the|a|an|any|whichever) .+)$`,
);
const CALLED_PASSIVE = /^(.+?) (?:is|are|was|were) (?:called|known as|named|termed) ((?:the |an? )?[A-Za-z][\w'’ -]*)$/;
const DEFINED = /^(.+?) (?:is|are) defined as (.+)$|^(.+?) (?:refers|refer) to (.+)$/;
const RELATIVE = /^(?:the|a|an|any|whichever) ([\w'’ -]+?) (?:that|which|who|by which|in which|at which|where|whose|through which) (.+)$/;

function mineDefinitions(sentence: Sentence): Definition[] {
  const found: Definition[] = [];
  const clause = stripLeadIn(sentence.text.split(/;|: /)[0]).replace(/[.!]$/, "");
  const copula = COPULA.exec(clause);
  if (copula && !/\b(?:is|are|was|were)\b/.test(copula[1])) {
    const term = dropArticle(copula[1]);
    // "any arrangement that brings buyers and sellers together, whether it is a street market, a stock
    // exchange or an online shop": the trailing list names instances, it is no part of the meaning.
    const elaboration = DEFINITION_ELABORATION.exec(copula[3]);
    const meaning = tidyClause(elaboration ? copula[3].slice(0, elaboration.index) : copula[3]);
    if (isTermLike(term, sentence) && isMeaningful(meaning)) {
      const instances = elaboration ? phrasesWithin(sentence, elaboration[0]).filter((text) => text.toLowerCase() !== term.toLowerCase()) : [];
      found.push({ term, meaning, sentenceId: sentence.id, situation: toSituation(meaning), ...(instances.length > 0 ? { instances } : {}) });
    }
  }
  const called = CALLED_PASSIVE.exec(clause);
  if (called) {
    const meaning = lowerArticle(tidyClause(called[1]));
    const term = dropArticle(tidyClause(called[2]));
    if (isTermLike(term, sentence) && isMeaningful(meaning) && /^(?:the|an?) /i.test(meaning)) {
      found.push({ term, meaning, sentenceId: sentence.id });
    }
  }
  const defined = DEFINED.exec(clause);
  if (defined) {
    const term = dropArticle(defined[1] ?? defined[3]);
    const meaning = tidyClause(defined[2] ?? defined[4]);
    if (isTermLike(term, sentence) && isMeaningful(meaning)) found.push({ term, meaning, sentenceId: sentence.id });
  }
  found.push(...mineAppositives(sentence));
  found.push(...mineNounCalled(sentence));
  return found;
}

const DEFINITION_ELABORATION = /, (?:whether|including|such as|for example|for instance|e\.g\.)\b.*$/;

/** The noun phrases of a sentence that lie inside one stretch of its text. */
function phrasesWithin(sentence: Sentence, stretch: string): string[] {
  return findNounPhrases(sentence)
    .map((span) => span.text)
    .filter((text) => stretch.includes(text));
}

// "the stroma, the fluid that surrounds the thylakoids," and "A price ceiling (a legal maximum price)".
function mineAppositives(sentence: Sentence): Definition[] {
  const found: Definition[] = [];
  const tokens = sentence.tokens;
  for (const span of findNounPhrases(sentence)) {
    const opener = tokens[span.end];
    const article = tokens[span.end + 1];
    if (!opener || !article || !(opener.text === "," || opener.text === "(")) continue;
    if (!/^(?:the|a|an)$/i.test(article.text)) continue;
    // "For many plants, the rate …" is an adverbial, not a noun with an appositive.
    if (span.start <= 3 && tokens[0].pos === "ADP") continue;
    // "unlike an absolute ruler, a constitutional monarch shares …" sets two things apart; it defines neither.
    const lead = tokens[span.start - 1]?.pos === "DET" ? tokens[span.start - 2] : tokens[span.start - 1];
    if (/^(?:unlike|like|than|whereas|while)$/i.test(lead?.lower ?? "")) continue;
    let stop = span.end + 1;
    while (stop < tokens.length && !/^[,;()]$/.test(tokens[stop].text) && !(tokens[stop].text === "." && stop === tokens.length - 1)) stop++;
    // "…, the abolition of X, the idea that …, and the metric system" is a list, not a definition.
    const after = tokens.slice(stop, stop + 3).map((token) => token.lower).join(" ");
    if (/^, (?:(?:and|or) (?!it\b|they\b|this\b)|the |a |an )/.test(after.replace(/ ,/g, ",") + " ")) continue;
    let term = span.text;
    let meaning = tidyClause(joinTokens(tokens.slice(span.end + 1, stop)));
    // "a new assembly, the National Convention": the name is the term, the description its meaning.
    if (/^the [A-Z]/.test(meaning) && !/^[A-Z]/.test(term)) {
      [term, meaning] = [dropArticle(meaning), `${tokens[span.start - 1]?.lower === "a" ? "a" : "the"} ${term}`];
    }
    if (hasFiniteVerbAfterHead(meaning, sentence)) continue;
    if (!isTermLike(term, sentence) || !isMeaningful(meaning) || wordCount(meaning) < 4) continue;
    found.push({ term, meaning, sentenceId: sentence.id, situation: toSituation(meaning) });
  }
  return found;
}

// "Chloroplasts contain a green pigment called chlorophyll." → chlorophyll = "the green pigment that chloroplasts contain".
function mineNounCalled(sentence: Sentence): Definition[] {
  const text = sentence.text.replace(/[.!]$/, "");
  const object = /^(?:[A-Z][\w ,'’-]*?, )?([A-Z][\w'’ -]+?) (\w+) (?:a|an|the) ([\w'’ -]+?) called ((?:the |an? )?[\w'’-]+(?: [A-Z][\w'’-]*)*)$/.exec(text);
  if (object && hasVerb(object[2], sentence)) {
    const subject = object[1].replace(/^(?:The|A|An) /, (article) => article.toLowerCase());
    const meaning = `the ${object[3]} that ${lowerIfCommon(subject)} ${object[2]}`;
    const term = dropArticle(object[4]);
    if (isTermLike(term, sentence)) return [{ term, meaning, sentenceId: sentence.id }];
  }
  const subject =
    /^(?:[A-Z][^,]*, )?(?:[Aa]n? |[Tt]he )?([\w'’ -]+?) called ((?:the |an? )?[\w'’-]+(?: [A-Z][\w'’-]*)*)(?: \([^)]*\))?(?:, [^,]+,)? ((?:\w+) .+?)(?:[,;]|$)/.exec(
      text,
    );
  if (subject && hasVerb(subject[3].split(" ")[0], sentence)) {
    const term = dropArticle(subject[2]);
    const meaning = `the ${subject[1].toLowerCase()} that ${tidyClause(subject[3])}`;
    if (isTermLike(term, sentence) && wordCount(meaning) <= 22) {
      return [{ term, meaning, sentenceId: sentence.id, situation: toSituation(meaning) }];
    }
  }
  return [];
}

function lowerIfCommon(phrase: string): string {
  return /^[A-Z][a-z]+s? /.test(phrase) || /^[A-Z][a-z]+s?$/.test(phrase) ? phrase.toLowerCase() : phrase;
}

function lowerArticle(phrase: string): string {
  return phrase.replace(/^(The|A|An) /, (article) => article.toLowerCase());
}

function hasFiniteVerbAfterHead(meaning: string, sentence: Sentence): boolean {
  const words = meaning.split(/\s+/);
  const verbs = new Set(
    sentence.tokens.filter((token) => token.pos === "VERB" || token.pos === "AUX").map((token) => token.lower),
  );
  for (let i = 1; i < Math.min(words.length, 5); i++) {
    const word = words[i].toLowerCase();
    if (/^(?:that|which|who|where|in|of|by|at|for|whose)$/.test(word)) return false;
    if (verbs.has(word)) return true;
  }
  return false;
}

const NOT_TERMS = /^(?:it|this|that|these|those|they|there|one|which|what|who|each|all|some|many|most|first|then|finally|however)\b/i;

const TERM_POS = new Set(["NOUN", "PROPN", "ADJ", "NUM", "DET", "PUNCT"]);

function isTermLike(term: string, sentence: Sentence): boolean {
  if (!isSelfContainedPhrase(term, 6) || NOT_TERMS.test(term)) return false;
  if (!/^[\w"“(]/.test(term) || /[,;:"“”]/.test(term) || /\b1[0-9]{3}\b/.test(term)) return false;
  const words = term.toLowerCase().split(/[\s-]+/);
  const tokens = words.map((word) => sentence.tokens.find((token) => token.lower === word));
  if (tokens.some((token) => !token)) return false;
  const last = tokens[tokens.length - 1]!;
  return (
    (last.pos === "NOUN" || last.pos === "PROPN") &&
    tokens.every((token) => TERM_POS.has(token!.pos) || token!.lower === "of")
  );
}

function isMeaningful(meaning: string): boolean {
  const words = wordCount(meaning);
  if (/\b(?:the opposite|the same)\b|: /.test(meaning) || /\bor an? /.test(meaning)) return false;
  return words >= 3 && words <= 30 && isSelfContainedPhrase(meaning.replace(/^(?:the|an?)\s+/i, ""), 30);
}

// "the technique in which the server encodes …" → "the server encodes …", told as what someone does.
function toSituation(meaning: string): string | undefined {
  const relative = RELATIVE.exec(meaning);
  if (!relative) return undefined;
  const clause = relative[2];
  if (/^(?:that|which|who)\b/.test(meaning.split(" ").slice(2).join(" "))) return undefined;
  // Only a clause with its own subject ("in which the server encodes") reads as a situation.
  if (!/^(?:by which|in which|at which|where|through which)$/.test(meaning.match(/ (by which|in which|at which|where|through which) /)?.[1] ?? "")) {
    return undefined;
  }
  return wordCount(clause) >= 4 && !/^(?:it|they|this)\b/i.test(clause) ? clause : undefined;
}

// ---------------------------------------------------------------- causes

const CAUSE_VERBS = /^(.+?) (caused|causes|led to|leads to|results in|resulted in) (.+)$/;

function mineCauses(sentence: Sentence, material: Material): CauseEffect[] {
  const found: CauseEffect[] = [];
  const text = sentence.text.replace(/[.!]$/, "");
  // "At $2 per kilogram, buyers want 400 kg …, so $2 is the equilibrium price": arithmetic of a worked
  // example, not a cause to explain.
  if ((text.match(/\d+/g)?.length ?? 0) >= 3) return found;
  const add = (cause: string, effect: string, cue: string, causeSentenceId = sentence.id) => {
    // "If supply decreases, …, the price rises; as a result, …": the main clause is the cause.
    // "France had spent heavily on wars, including its support for …": the elaboration is no part of the reason.
    const elaboration = /, (?:including|especially|such as|for example) [^,]*$/;
    const c = tidyClause(stripLeadIn(cause.replace(/^(?:if|when|whenever) [^;]*, (?=[a-z])/i, "").replace(elaboration, "")));
    const e = tidyClause(stripLeadIn(effect.replace(elaboration, "")));
    const causeSentence = material.sentences[causeSentenceId];
    const okCause = isSelfContained(c, causeSentence) || (cue === "caused" && isSelfContainedPhrase(c, 10));
    if (okCause && isSelfContained(e, sentence)) {
      found.push({ cause: c, effect: e, sentenceId: sentence.id, causeSentenceId, cue });
    }
  };
  const parts = text.split(/; /);
  parts.forEach((part, index) => {
    // "X; therefore Y", "X; as a result, Y": the clause before the semicolon is the cause.
    const linked = /^(?:therefore|thus|consequently|as a result|so),? (.+)$/i.exec(part);
    if (linked && index > 0) add(lastStatement(parts[index - 1]), linked[1], "therefore");
  });
  for (const part of parts) {
    // "King Louis XVI needed new taxes, so in 1789 he called a meeting": a consequence, with its
    // pronoun named from the cause's subject. "so that" states a purpose, not a result.
    const so = /^(.+?), (?:and )?so (?!that\b|far\b|much\b|many\b)(.+)$/.exec(part);
    // "…, an assembly of representatives from all three Estates …": a closing appositive is no part of the outcome.
    if (so) add(lastStatement(so[1]), resolveSubject(so[2].replace(/, (?:an?|the) [^,]+$/, ""), lastStatement(so[1]), sentence), "so");
    const means = /^(.+?), which means(?: that)? (.+)$/.exec(part);
    if (means) add(lastStatement(means[1]), means[2], "which means");
    let match = /^(?:[A-Z][\w ]*?, )?Because (.+?), ([^,]+(?:, [^,]+)?)$/.exec(part);
    if (match) add(match[1], match[2], "because");
    match = /^(.+?),? (?:partly |largely |mainly )?because (?!of\b)(.+)$/.exec(part);
    if (match && !/^Because/.test(part)) add(match[2], lastStatement(match[1]), "because");
    match = /^(.+?), which is why (.+)$/.exec(part);
    if (match) add(lastStatement(match[1]), match[2], "which is why");
    match = /^(.+?), which meant(?: that)? (.+)$/.exec(part);
    if (match) add(lastStatement(match[1]), match[2], "which meant");
    match = /because/i.test(part) ? null : CAUSE_VERBS.exec(stripLeadIn(part));
    if (match && !/\b(?:which|that|who)$/.test(match[1]) && wordCount(match[1]) <= 6 && !match[1].includes(",")) {
      const effect = match[3].replace(/^(.+?) to (\w+)/, "$1 to $2");
      add(match[1], effect, "caused");
    }
  }
  // "Unlike the demand curve, therefore, the supply curve slopes upward." after "Because …, existing
  // firms expand output …": a "therefore" inside the sentence also points back to the one before, whose
  // outcome (its main clause) is the reason.
  const inner = /^(.*?),? ?\btherefore,? (.+)$/i.exec(text.replace(/^(?:unlike|like) [^,]+, /i, ""));
  // Only "SUBJECT therefore VERB …" refers back; "… is in shortest supply and therefore holds back …"
  // links two parts of one sentence.
  const isBackReference = inner !== null && (inner[1] === "" || (wordCount(inner[1]) <= 4 && !/\b(?:and|or|but)$/i.test(inner[1]) && !hasVerb(inner[1], sentence)));
  if (inner && isBackReference && !/^therefore\b/i.test(text) && sentence.indexInParagraph > 0 && !text.includes(";")) {
    const previous = material.sentences[sentence.id - 1];
    const stated = found.length === 0 ? mineCauses(previous, material).find((relation) => relation.sentenceId === previous.id) : undefined;
    const effect = inner[1] ? `${inner[1]} ${inner[2]}` : inner[2];
    const cause = stated?.effect ?? stripLeadIn(previous.text.split(/; /)[0].replace(/[.!]$/, ""));
    if (!/\d+ ?[=+]|\d{3,}/.test(previous.text)) add(cause, effect, "therefore", previous.id);
  }
  // "As a result, B." and "Therefore, B." point back to the sentence before it.
  const asResult = /^(?:As a result|Therefore|Consequently|Thus|For this reason), (.+)$/.exec(text);
  if (asResult && sentence.indexInParagraph > 0) {
    const previous = material.sentences[sentence.id - 1];
    const cause = stripLeadIn(previous.text.split(/; /)[0].replace(/[.!]$/, ""));
    add(cause, asResult[1].split(/; /)[0], "as a result", previous.id);
  }
  return found;
}

// Participles of a state of mind or of circumstance give the reason for the act beside them: "Facing
// war abroad and rebellion at home, the Convention gave wide powers to …", "… turned against
// Robespierre, fearing for their own lives". Verbs of action ("Finding the hall locked, they gathered …")
// may only tell what happened first, so they are not read.
const REASON_PARTICIPLES: Record<string, [base: string, past: string]> = {
  facing: ["face", "faced"],
  fearing: ["fear", "feared"],
  needing: ["need", "needed"],
  hoping: ["hope", "hoped"],
  wanting: ["want", "wanted"],
  lacking: ["lack", "lacked"],
  expecting: ["expect", "expected"],
  believing: ["believe", "believed"],
};
const PARTICIPLE_WORDS = Object.keys(REASON_PARTICIPLES).join("|");
const PARTICIPLE_WORD = new RegExp(String.raw`\b(?:${PARTICIPLE_WORDS})\b`, "i");
const LEADING_REASON = new RegExp(String.raw`^(${PARTICIPLE_WORDS}) ([^,]{4,}), (.+)$`, "i");
const TRAILING_REASON = new RegExp(String.raw`^(.+?), (${PARTICIPLE_WORDS}) ([^,]{4,}?)(?:, (?:and|but) .*)?$`, "i");
// "…, led most famously by Maximilien Robespierre": a closing participle describes, it is no part of the act.
const CLOSING_DESCRIPTION = /, (?:[a-z]+ly )?(?:led|known|called|named|headed|founded|built|written|made|run)\b.*$/;

function mineParticipleReasons(sentence: Sentence): CauseEffect[] {
  // A cheap test first: the patterns are costly to try at every comma of a long text.
  if (!PARTICIPLE_WORD.test(sentence.text)) return [];
  const text = stripLeadIn(sentence.text.replace(/[.!]$/, ""));
  const leading = LEADING_REASON.exec(text);
  const trailing = leading ? null : TRAILING_REASON.exec(text);
  if (!leading && !trailing) return [];
  const participle = (leading ? leading[1] : trailing![2]).toLowerCase();
  const reason = tidyClause(leading ? leading[2] : trailing![3]);
  const act = tidyClause(stripLeadIn((leading ? leading[3] : trailing![1]).split(/, (?:and|but|while|whereas) /)[0].replace(CLOSING_DESCRIPTION, "")));
  // The subject of the act is the subject of the participle: the words before the act's first verb.
  const words = act.split(/\s+/);
  const isVerb = (word: string) => sentence.tokens.some((token) => token.lower === word.toLowerCase() && (token.pos === "VERB" || token.pos === "AUX"));
  const verbAt = words.findIndex((word, index) => index > 0 && isVerb(word));
  if (verbAt < 1 || verbAt > 6) return [];
  const subject = words.slice(0, verbAt).join(" ");
  if (!isSelfContainedPhrase(subject, 6) || /^(?:he|she|it|they|we|you|this|these|some|many|most)$/i.test(words[0])) return [];
  const verb = sentence.tokens.find((token) => token.lower === words[verbAt].toLowerCase());
  const [base, past] = REASON_PARTICIPLES[participle];
  const isSingular = verb !== undefined && verb.lower !== verb.lemma && /[^s]s$/.test(verb.lower);
  const finite = isPastTense(sentence, act) ? past : isSingular ? `${base}s` : base;
  const cause = `${subject} ${finite} ${reason}`;
  if (!isSelfContained(act, sentence) || wordCount(reason) > 12 || wordCount(act) > 20) return [];
  return [{ cause, effect: act, sentenceId: sentence.id, causeSentenceId: sentence.id, cue: "participle" }];
}

// "in 1789 he called a meeting" after "King Louis XVI needed new taxes": the pronoun is the subject
// of the clause before, when that subject is a short noun phrase.
function resolveSubject(effect: string, cause: string, sentence: Sentence): string {
  const pronoun = /^((?:in|on|by|at|after|before) [^,]*?,? )?(he|she|it|they) (.+)$/i.exec(effect);
  if (!pronoun) return effect;
  const lead = leadingSubject(cause, sentence);
  if (!lead || lead.length > 5) return effect;
  // "King Louis XVI needed …, so he called …" → "Louis XVI called …": the title is said once.
  const subject = lead.text.replace(/^(?:King|Queen|Emperor|Empress|President|Prince|Princess) (?=[A-Z])/, "");
  if (!isSelfContainedPhrase(subject, 5) || /^(?:a|an)$/i.test(lead.text.split(" ")[0])) return effect;
  return `${pronoun[1] ? `${pronoun[1].trim().replace(/,$/, "")}, ` : ""}${subject} ${pronoun[3]}`;
}

// ---------------------------------------------------------------- causal claims

// "X caused / leads to Y" takes a noun or gerund phrase as X. The verbs of amount and difficulty
// ("speeds up", "makes it harder for") take only a gerund ("increasing the light speeds up the
// process"): "the rate increases up to 25 °C" names no cause.
const CLAIM =
  /(?:^|, (?:and )?|: |\band )((?:the |an? )?[A-Za-z][\w'’ -]*?) (caused|causes|cause|led to|leads to|lead to|results in|result in|resulted in|speeds up|slows down|makes it (?:harder|easier) for|increases|reduces|raises|lowers) ([^,;:]+)/g;
const GERUND_ONLY = /^(?:speeds up|slows down|makes it|increases|reduces|raises|lowers)/;
const AMOUNT_GERUND = /^(?:increasing|raising|reducing|lowering|decreasing) (.+)$/i;
const COMPARATIVE = /^(?:a |an )?(?:higher|lower|larger|smaller|greater|bigger) (.+)$/i;
// "poor harvests in 1788": a claim tested against other years cannot keep its own date.
const DATE_TAIL = / (?:in|on|during) (?:\d{1,2} )?(?:[A-Z][a-z]+ )?\d{4}$/;
// Words ending in "-ing" that are not the gerund of an action ("King Louis …", "During the war …").
const NOT_GERUNDS = new Set(["king", "thing", "nothing", "something", "anything", "everything", "during", "morning", "evening", "spring", "string", "ceiling", "building", "wedding", "meaning"]);
// A quantity that changes ("the price of bread to rise sharply"), as the noun of that change.
const CHANGE_NOUNS: Record<string, string> = { rise: "rise", fall: "fall", increase: "increase", decrease: "decrease", grow: "growth", drop: "drop" };

function mineCausalClaims(material: Material, definitions: Definition[]): CausalClaim[] {
  const found: CausalClaim[] = [];
  // Changes a claim says its cause brought about, so an "As a result, …" sentence after it can name them.
  const changes = new Map<number, { quantity: string; noun: string; adverb?: string; isPast: boolean }>();
  for (const sentence of material.sentences) {
    if (!isStatement(sentence)) continue;
    if (/^(?:for example|for instance|imagine|suppose)\b/i.test(sentence.text)) continue;
    const text = stripLeadIn(sentence.text.replace(/[.!]$/, ""));
    if (/[=+]/.test(text)) continue;
    for (const match of text.matchAll(CLAIM)) {
      // "poor harvests in 1788 caused …; for a working family, bread could take up …": the claim's own verb tells.
      const claimIsPast = /^(?:caused|led to|resulted in)$/.test(match[2]) || isPastTense(sentence, match[0]);
      const claim = readClaim(match[1], match[2], tidyClause(match[3]), sentence, material, definitions, claimIsPast);
      if (!claim) continue;
      found.push({ ...claim, sentenceId: sentence.id, isPast: claimIsPast });
      if (claim.change) changes.set(sentence.id, { ...claim.change, isPast: claimIsPast });
    }
    // "… caused the price of bread to rise sharply. As a result, hunger and anger grew …": the rise is the cause.
    const before = changes.get(sentence.id - 1);
    const result = /^As a result, ((?:the |an? )?[\w'’ -]+?) (?:grew|rose|fell|increased|decreased|spread|worsened|grow|rise|fall|increase|decrease|spread|worsen)s?\b/.exec(sentence.text);
    if (before && result && sentence.indexInParagraph > 0 && wordCount(result[1]) <= 5 && isSelfContainedPhrase(result[1], 5)) {
      const adjective = before.adverb ? `${adjectiveOf(before.adverb)} ` : "";
      const cause = `${indefiniteArticle(adjective || before.noun)} ${adjective}${before.noun} in ${before.quantity}`;
      // What a past change brought about is past too, even where the verb does not show it ("hunger spread").
      found.push({
        cause,
        outcome: result[1],
        causeIsAmount: false,
        sentenceId: sentence.id,
        causeSentenceId: sentence.id - 1,
        isPast: before.isPast || isPastTense(sentence),
      });
    }
  }
  return found;
}

function readClaim(
  rawCause: string,
  verb: string,
  effect: string,
  sentence: Sentence,
  material: Material,
  definitions: Definition[],
  isPast: boolean,
): { cause: string; outcome: string; causeIsAmount: boolean; change?: { quantity: string; noun: string; adverb?: string } } | undefined {
  const firstWord = rawCause.split(" ")[0];
  const first = sentence.tokens.find((token) => token.lower === firstWord.toLowerCase());
  // The tagger reads a sentence-initial gerund ("Warming the jar …") as a name.
  const isGerund =
    /^[a-z]{2,}ing$/i.test(firstWord) &&
    !NOT_GERUNDS.has(firstWord.toLowerCase()) &&
    (first?.pos === "VERB" || (first === sentence.tokens[0] && first?.pos === "PROPN"));
  if (GERUND_ONLY.test(verb) && !isGerund) return undefined;
  if (!isSelfContainedPhrase(rawCause, 7) || /^(?:if|when|whenever|because|although|which|that|who)\b/i.test(rawCause)) return undefined;
  // The cause is a thing or an action, not a clause ("the server allocates memory …").
  const rest = isGerund ? rawCause.split(" ").slice(1).join(" ") : rawCause;
  if (sentence.tokens.some((token) => (token.pos === "AUX" || token.pos === "VERB") && rest.toLowerCase().split(/\s+/).includes(token.lower))) {
    return undefined;
  }
  // Names keep their capital; the template lowers a capitalised first word the material writes in lower case.
  const cause = resolveDefinite(rawCause.replace(DATE_TAIL, ""), sentence, material);
  const gerundAmount = AMOUNT_GERUND.exec(cause)?.[1];
  const amount = gerundAmount
    ? namedEarlier(gerundAmount, sentence)
    : COMPARATIVE.exec(cause)
      ? `the ${COMPARATIVE.exec(cause)![1]}`
      : undefined;
  const causeIsAmount = amount !== undefined;
  const named = amount ?? cause;

  if (/^(?:caused|causes|cause|led to|leads to|lead to|results in|result in|resulted in)$/.test(verb)) {
    // "the price of bread to rise sharply": the quantity that changes is what to observe.
    const change = /^((?:the |an? )?[\w'’ -]+?) to (rise|fall|increase|decrease|grow|drop)(?: (\w+ly))?$/.exec(effect);
    if (change && isSelfContainedPhrase(change[1], 6)) {
      return { cause: named, outcome: change[1], causeIsAmount, change: { quantity: change[1], noun: CHANGE_NOUNS[change[2]], adverb: change[3] } };
    }
    // "a larger quantity supplied" is an amount; "a full backlog queue" is observed as how full it is.
    const larger = COMPARATIVE.exec(effect);
    if (larger && wordCount(larger[1]) <= 4) return { cause: named, outcome: `the ${larger[1]}`, causeIsAmount };
    const state = /^(?:a|an) (\w+) ([\w'’ -]+)$/.exec(effect);
    const adjective = state && sentence.tokens.find((token) => token.lower === state[1].toLowerCase());
    // "a drier climate" compares with something unnamed; only a plain adjective can be observed as is.
    if (state && adjective?.pos === "ADJ" && !/er$/.test(state[1]) && wordCount(state[2]) <= 3) {
      return { cause: named, outcome: `how ${state[1]} the ${state[2]} ${isPast ? "was" : "is"}`, causeIsAmount };
    }
    return undefined;
  }
  if (/^(?:speeds up|slows down)$/.test(verb)) {
    if (!/^the [\w -]+$/.test(effect) || wordCount(effect) > 5) return undefined;
    // "the process" is what the text defines as the process ("Photosynthesis is the process by which …").
    const head = effect.slice(4);
    const defined = definitions.filter((definition) => new RegExp(`^(?:the|an?) ${head}\\b`, "i").test(definition.meaning));
    const thing = defined.length === 1 ? lowerIfCommon(defined[0].term) : effect;
    return { cause: named, outcome: `the speed of ${thing}`, causeIsAmount };
  }
  const difficulty = /^makes it (harder|easier) for$/.exec(verb);
  if (difficulty) {
    if (!/^(?:the |an? )?[\w -]+? to \w+/.test(effect) || wordCount(effect) > 12) return undefined;
    return { cause: named, outcome: `how ${difficulty[1] === "harder" ? "hard" : "easy"} it ${isPast ? "was" : "is"} for ${effect}`, causeIsAmount };
  }
  if (!/^the [\w'’ -]+$/.test(effect) || wordCount(effect) > 8) return undefined;
  return { cause: named, outcome: effect, causeIsAmount };
}

// "the government was deeply in debt, partly because France had spent heavily on wars": a past reason
// and its outcome, each named as a thing that years can be compared by ("heavy spending on wars", "the
// government's debt"). Only these two shapes are read; other reasons stay explanations.
function claimsFromReasons(material: Material, causes: CauseEffect[]): CausalClaim[] {
  const found: CausalClaim[] = [];
  for (const relation of causes) {
    const sentence = material.sentences[relation.sentenceId];
    if (relation.cue !== "because" || !isPastTense(sentence)) continue;
    const action = /^(?:[A-Z][\w'’ ]*|the [\w'’ ]+?) (?:had )?([a-z]+) ([a-z]+ly) ((?:on|in|for|against) [\w'’ ]+)$/.exec(relation.cause);
    const state = /^(?:(?:by|in|at) [^,]+, )?((?:the |an? )?[\w'’ ]+?) (?:was|were) (?:[a-z]+ly )?in ([a-z]+)$/i.exec(relation.effect);
    const verb = action && sentence.tokens.find((token) => token.lower === action[1]);
    if (!action || !state || !verb || verb.pos !== "VERB" || wordCount(action[3]) > 5 || wordCount(state[1]) > 4) continue;
    const owner = lowerIfCommon(state[1]);
    found.push({
      cause: `${adjectiveOf(action[2])} ${gerund(verb.lemma)} ${action[3]}`,
      outcome: `${owner}'${/s$/.test(owner) ? "" : "s"} ${state[2]}`,
      causeIsAmount: false,
      sentenceId: sentence.id,
      isPast: true,
    });
  }
  return found;
}

// "sharply" → "sharp", "heavily" → "heavy".
function adjectiveOf(adverb: string): string {
  return adverb.replace(/ily$/, "y").replace(/ly$/, "");
}

function gerund(lemma: string): string {
  if (/[^e]e$/.test(lemma)) return `${lemma.slice(0, -1)}ing`;
  if (/^[^aeiou]*[aeiou][^aeiouwxy]$/.test(lemma)) return `${lemma}${lemma.slice(-1)}ing`;
  return `${lemma}ing`;
}

// "Light intensity is one: …, and increasing the light speeds up …": the amount by the fuller name the
// sentence gave it first.
function namedEarlier(amount: string, sentence: Sentence): string {
  const lone = /^the ([a-z]+)$/i.exec(amount);
  if (!lone) return amount;
  const index = sentence.tokens.findIndex((token, i) => token.lower === lone[1].toLowerCase() && sentence.tokens[i + 1]?.pos === "NOUN");
  const gerundAt = sentence.tokens.findIndex((token) => AMOUNT_GERUND.test(`${token.lower} x`));
  if (index < 0 || index > gerundAt) return amount;
  return `the ${lone[1].toLowerCase()} ${sentence.tokens[index + 1].lower}`;
}

// "the flood" after "In a SYN flood attack, …": a lone definite noun is named as the sentence before names it.
function resolveDefinite(phrase: string, sentence: Sentence, material: Material): string {
  const lone = /^the ([a-z]+)$/.exec(phrase);
  const previous = material.sentences[sentence.id - 1];
  if (!lone || !previous || previous.paragraph !== sentence.paragraph) return phrase;
  const index = previous.tokens.findIndex((token, i) => i > 0 && token.lower === lone[1]);
  const modifier = previous.tokens[index - 1];
  if (index < 0 || !modifier || !/^(?:PROPN|NOUN)$/.test(modifier.pos) || !/^[A-Z]/.test(modifier.text)) return phrase;
  // Plural, so no article has to be guessed for a name ("a SYN flood", not "an SYN flood").
  return `${modifier.text} ${lone[1].replace(/(?:s|x|ch|sh)$/, "$&e")}s`;
}

// ---------------------------------------------------------------- means to a goal

/** Actions whose opposite undoes them; a plan that takes the opposite works against the text's goal. */
export const OPPOSITE_ACTIONS: Record<string, string> = {
  warm: "cool",
  cool: "warm",
  heat: "cool",
  release: "remove",
  add: "remove",
  remove: "add",
  extend: "shorten",
  lengthen: "shorten",
  shorten: "extend",
  raise: "lower",
  lower: "raise",
  increase: "reduce",
  reduce: "increase",
  open: "close",
  close: "open",
};

const ACTION_VERBS = Object.keys(OPPOSITE_ACTIONS).join("|");
// "heaters, which both warm the air and release extra carbon dioxide, while artificial lamps extend …":
// a verb after "which", "and" or a plural subject, with an object (not a preposition: "light and heat from …").
const ACTION = new RegExp(
  String.raw`(?:\bwhich (?:both )?|\band |\b[a-z]+s )(${ACTION_VERBS}) ((?!(?:to|from|in|on|at|by|up|down|with|of|into|than)\b)[a-z][^,;]+?)(?= and (?:${ACTION_VERBS})\b|,| while |$)`,
  "g",
);
const IMPROVES = /\b(?:faster|more|better|larger|longer|higher|earlier|bigger|stronger)\b/;

// "Some burn heaters, which warm the air …. As a result, crops can grow faster …": the actions and the
// improvement the next sentence says they bring. Present tense only: a past result is history.
function mineMeansToGoals(material: Material): MeansToGoal[] {
  const found: MeansToGoal[] = [];
  for (const sentence of material.sentences) {
    const next = material.sentences[sentence.id + 1];
    if (!next || next.paragraph !== sentence.paragraph || sentence.isRepeat || isPastTense(sentence) || isPastTense(next)) continue;
    const goal = /^As a result, ((?:the |an? )?[\w'’ -]+?(?:, such as [^,]+,)?|[\w'’ -]+? such as [\w'’ ]+?) (?:can|will|could) (\w+ .+?)\.?$/.exec(next.text);
    if (!goal || !IMPROVES.test(goal[2]) || !isSelfContainedPhrase(goal[1], 8)) continue;
    const means = [...sentence.text.replace(/[.!]$/, "").matchAll(ACTION)].map((match) => `${match[1]} ${tidyClause(match[2])}`);
    const distinct = [...new Set(means)].filter((action) => wordCount(action) <= 8).slice(0, 3);
    if (distinct.length < 2) continue;
    found.push({ means: distinct, goal: `${lowerIfCommon(goal[1])} to ${goal[2]}`, sentenceId: sentence.id, goalSentenceId: next.id });
  }
  return found;
}

// ---------------------------------------------------------------- rules

type MinedRule = Omit<Rule, "isPast">;

function mineRules(sentence: Sentence): MinedRule[] {
  const found: MinedRule[] = [];
  const text = sentence.text.replace(/[.!]$/, "");
  // A worked example ("For example, if x = 1000, …") illustrates a rule; it is not one to apply again.
  if (/^(?:for example|for instance|imagine|suppose)\b/i.test(text) || /[=+]/.test(text)) return found;
  found.push(...mineInsetRules(sentence, text), ...mineTrailingRules(sentence, text));
  const pattern = /(?:^|, |: |; |\bthat |, and |\band )(?:if|when|whenever) ([^,;:]+?), ((?:as|which|such)[^,]*, )?([^,;:]+?)(?=, and (?:if|when)\b|[,;:]|$)/gi;
  for (const match of text.matchAll(pattern)) {
    const condition = tidyClause(match[1]);
    const consequence = resolvePossessive(tidyClause(match[3]), condition, sentence);
    if (/\b(?:opposite|same)\b/.test(consequence)) continue;
    const consequenceToCheck = consequence.replace(/^(?:its|their) /i, "the ");
    // "If supply decreases, …": a two-word condition is a rule as long as it has its verb.
    if (isSelfContained(condition, sentence, 18, 2) && isSelfContained(consequenceToCheck, sentence, 18)) {
      found.push({ condition, consequence, sentenceId: sentence.id });
    }
  }
  const meant = /^(.+?), which meant(?: that)? (.+)$/.exec(stripLeadIn(text));
  if (meant) {
    const condition = tidyClause(lastStatement(meant[1]));
    const consequence = tidyClause(meant[2]);
    if (isSelfContained(condition, sentence, 18) && isSelfContained(consequence, sentence, 18)) {
      found.push({ condition, consequence, sentenceId: sentence.id });
    }
  }
  return found;
}

// "when a plant is short of water, its stomata close": "its" is the plant of the condition.
function resolvePossessive(consequence: string, condition: string, sentence: Sentence): string {
  const possessive = /^(its|their) /i.exec(consequence);
  const subject = /^(?:the |an? )?([a-z][\w-]*) (?:is|are|has|have|can|\w+s)\b/i.exec(condition);
  if (!possessive || !subject) return consequence;
  const noun = sentence.tokens.find((token) => token.lower === subject[1].toLowerCase());
  if (!noun || noun.pos !== "NOUN") return consequence;
  const isPlural = noun.lower !== noun.lemma;
  if (isPlural !== (possessive[1].toLowerCase() === "their")) return consequence;
  const owner = isPlural ? `the ${noun.lower}'` : `the ${noun.lower}'s`;
  return `${owner} ${consequence.slice(possessive[0].length)}`;
}

const CONDITION_PRONOUN = /^(?:it|they) /i;

// "Then the server, if it is willing to accept the connection, replies with …": SUBJECT, if COND, PREDICATE.
function mineInsetRules(sentence: Sentence, text: string): MinedRule[] {
  const match = /^(?:(?:then|next|finally|first|however|but),? )?((?:the |an? )?[\w'’ -]+?), (?:if|when|whenever) ([^,;]+), ([a-z][^,;]+)$/i.exec(stripLeadIn(text));
  if (!match) return [];
  const subject = lowerArticle(match[1]);
  if (!isSelfContainedPhrase(subject, 6) || !/^(?:the|an?) /i.test(subject)) return [];
  const condition = tidyClause(match[2].replace(CONDITION_PRONOUN, `${subject} `));
  const consequence = tidyClause(`${subject} ${match[3]}`);
  if (!isSelfContained(condition, sentence, 18) || !isSelfContained(consequence, sentence, 18)) return [];
  return [{ condition, consequence, sentenceId: sentence.id }];
}

// "A price floor (…), such as a minimum wage, can cause a surplus if it is set above equilibrium":
// the consequence comes first and the condition's pronoun names its subject.
function mineTrailingRules(sentence: Sentence, text: string): MinedRule[] {
  const clause = stripLeadIn(text.split(/; /)[0]);
  const match = /^((?:[Tt]he |[Aa]n? )?[A-Za-z][\w'’ -]*?)((?: \([^)]*\))?(?:, such as [^,]+,)?) ((?:can|may|will|tends? to|\w+s) [^,;]+?) (?:if|when|whenever) ([^,;]+)$/.exec(clause);
  if (!match || /^(?:it|they|this|these|there)$/i.test(match[1])) return [];
  const subject = lowerArticle(match[1]);
  if (!isSelfContainedPhrase(subject, 6)) return [];
  const condition = tidyClause(match[4].replace(CONDITION_PRONOUN, `${subject} `));
  const consequence = tidyClause(`${subject} ${match[3]}`);
  if (!CONDITION_PRONOUN.test(match[4]) && wordCount(match[4]) < 3) return [];
  if (!isSelfContained(condition, sentence, 18) || !isSelfContained(consequence, sentence, 18)) return [];
  return [{ condition, consequence, sentenceId: sentence.id }];
}

// ---------------------------------------------------------------- contrasts

function mineContrasts(sentence: Sentence): Contrast[] {
  const tokens = sentence.tokens;
  const unlike = tokens.findIndex((token) => token.lower === "unlike");
  if (unlike < 0 || (unlike > 0 && !/^[,;]$/.test(tokens[unlike - 1].text))) return [];
  const otherSpan = findNounPhrases(sentence).find((span) => span.start >= unlike + 1 && span.start <= unlike + 3);
  if (!otherSpan) return [];
  // Skip to the comma that closes the "Unlike …" phrase (past any parenthesis or relative clause).
  let k = otherSpan.end;
  let depth = 0;
  for (; k < tokens.length; k++) {
    if (tokens[k].text === "(") depth++;
    if (tokens[k].text === ")") depth--;
    if (depth === 0 && tokens[k].text === "," && !/^(?:which|who)$/i.test(tokens[k + 1]?.lower ?? "")) break;
  }
  k++;
  if (/^(?:therefore|however|though)$/i.test(tokens[k]?.lower ?? "")) k += 2;
  const subjectSpan = findNounPhrases(sentence).find((span) => span.start >= k && span.start <= k + 2);
  if (!subjectSpan) return [];
  const verb = tokens[subjectSpan.end];
  if (!verb || !(verb.pos === "VERB" || verb.pos === "AUX" || /[^s]s$/.test(verb.lower))) return [];
  let stop = subjectSpan.end;
  while (stop < tokens.length && !/^[;.]$/.test(tokens[stop].text)) stop++;
  const predicate = tidyClause(joinTokens(tokens.slice(subjectSpan.end, stop)));
  const subject = joinTokens(tokens.slice(tokens[subjectSpan.start - 1]?.pos === "DET" ? subjectSpan.start - 1 : subjectSpan.start, subjectSpan.end));
  const other = joinTokens(tokens.slice(otherSpan.start - (tokens[otherSpan.start - 1]?.pos === "DET" ? 1 : 0), otherSpan.end));
  if (!isSelfContainedPhrase(other, 8) || wordCount(predicate) > 16 || /^(?:it|they)\b/i.test(predicate)) return [];
  return [{ subject: lowerArticle(subject), other: lowerArticle(other), predicate, sentenceId: sentence.id }];
}

// "Water reaches the leaf through xylem vessels, while the sugar … is carried … through phloem":
// two subjects, each with its own predicate. Both directions are offered; each side's predicate is
// the other side's best wrong answer.
function mineWhereas(sentence: Sentence): Contrast[] {
  const tokens = sentence.tokens;
  const cue = tokens.findIndex((token, index) => /^(?:whereas|while)$/.test(token.lower) && tokens[index - 1]?.text === ",");
  if (cue < 2) return [];
  let end = cue + 1;
  while (end < tokens.length && !/^[;.]$/.test(tokens[end].text)) end++;
  const left = splitSubject(tokens.slice(0, cue - 1), sentence);
  const right = splitSubject(tokens.slice(cue + 1, end), sentence);
  if (!left || !right) return [];
  return [
    { subject: left.subject, other: right.subject, predicate: left.predicate, otherPredicate: right.predicate, sentenceId: sentence.id },
    { subject: right.subject, other: left.subject, predicate: right.predicate, otherPredicate: left.predicate, sentenceId: sentence.id },
  ];
}

function splitSubject(tokens: Token[], sentence: Sentence): { subject: string; predicate: string } | undefined {
  const verb = tokens.findIndex(
    (token, index) =>
      index > 0 &&
      (token.pos === "AUX" ||
        (token.pos === "VERB" && (/[^s]s$/.test(token.lower) || token.lower === token.lemma) && tokens[index - 1].pos !== "PART")),
  );
  if (verb < 1 || verb > 8) return undefined;
  const subject = joinTokens(tokens.slice(0, verb));
  const predicate = tidyClause(joinTokens(tokens.slice(verb)));
  if (/[,()]/.test(subject) || !/^(?:NOUN|PROPN|DET|ADJ)$/.test(tokens[0].pos) || tokens[0].pos === "PRON") return undefined;
  if (!isSelfContainedPhrase(subject, 8) || !isSelfContained(`${subject} ${predicate}`, sentence, 24)) return undefined;
  if (wordCount(predicate) < 2 || wordCount(predicate) > 16 || /\b(?:it|they|them|its|their|only|one|those)\b/i.test(predicate)) return undefined;
  return { subject: lowerArticle(subject), predicate };
}

// ---------------------------------------------------------------- examples

const EXAMPLE_CUES = [["such", "as"], ["for", "example"], ["including"], ["especially"]];

function mineExamples(sentence: Sentence): ExampleList[] {
  const found: ExampleList[] = [];
  const tokens = sentence.tokens;
  const spans = findNounPhrases(sentence);
  for (let i = 0; i < tokens.length; i++) {
    const cue = EXAMPLE_CUES.find((words) => words.every((word, offset) => tokens[i + offset]?.lower === word));
    if (!cue) continue;
    const categoryEnd = tokens[i - 1]?.text === "," ? i - 1 : i;
    let category = spans.find((span) => span.end === categoryEnd);
    if (!category) continue;
    // "suspected enemies of the Revolution, for example …": the category is the whole phrase, not "Revolution".
    const ofAt = tokens[category.start - 1]?.pos === "DET" ? category.start - 2 : category.start - 1;
    const owner = tokens[ofAt]?.lower === "of" ? spans.find((span) => span.end === ofAt) : undefined;
    if (owner) category = { ...category, start: owner.start, text: joinTokens(tokens.slice(owner.start, category.end)) };
    const members: PhraseSpan[] = [];
    let k = i + cue.length;
    if (tokens[k]?.text === ",") k++;
    while (k < tokens.length) {
      if (tokens[k].pos === "DET") k++;
      const member = spans.find((span) => span.start === k);
      if (!member) break;
      members.push(member);
      k = member.end;
      // "of speech", "for the Americans": a member may carry one prepositional phrase.
      if (tokens[k]?.lower === "of") {
        const tail = spans.find((span) => span.start === k + 1 || span.start === k + 2);
        if (!tail) break;
        members[members.length - 1] = { ...member, end: tail.end, text: joinTokens(tokens.slice(member.start, tail.end)) };
        k = tail.end;
      }
      if (tokens[k]?.text === "," && /^(?:and|or)$/.test(tokens[k + 1]?.lower ?? "")) k += 2;
      else if (tokens[k]?.text === "," || /^(?:and|or)$/.test(tokens[k]?.lower ?? "")) k += 1;
      else break;
    }
    const closed = k >= tokens.length || /^[,;.)]$/.test(tokens[k]?.text ?? "") || tokens[k].pos === "VERB" || tokens[k].pos === "AUX";
    if (members.length === 0 || !closed) continue;
    found.push({ category: category.text, members: members.map((member) => member.text), sentenceId: sentence.id });
  }
  return found;
}

// ---------------------------------------------------------------- sequences

const STEP_MARKER = /^(First|Second|Third|Then|Next|After that|Afterwards|Finally|Lastly)\b,?\s*/;

function mineMarkedSteps(material: Material): Sequence[] {
  const sequences: Sequence[] = [];
  let current: Step[] = [];
  let lastParagraph = -1;
  const close = () => {
    if (current.length >= 3) {
      const sentences = current.map((step) => material.sentences[step.sentenceId]);
      sequences.push({
        kind: "steps",
        steps: current,
        isProcedure: sentences.filter((sentence) => isPastTense(sentence)).length < sentences.length / 2,
        heading: sentences[0].heading,
      });
    }
    current = [];
  };
  for (const sentence of material.sentences) {
    if (sentence.isRepeat) continue;
    const marker = STEP_MARKER.exec(sentence.text);
    if (!marker) continue;
    const isStart = /^First/.test(marker[1]);
    if (isStart || sentence.paragraph - lastParagraph > 2) close();
    if (!isStart && current.length === 0) continue;
    const label = stepLabel(sentence.text.slice(marker[0].length), sentence, current, material);
    if (label) current.push({ label, sentenceId: sentence.id, order: current.length });
    else close();
    lastParagraph = sentence.paragraph;
    if (/^(?:Finally|Lastly)/.test(marker[1])) close();
  }
  close();
  return sequences;
}

function stepLabel(rest: string, sentence: Sentence, previous: Step[], material: Material): string | undefined {
  let clause = rest.replace(/[.!]$/, "").split(/; |: /)[0].replace(/, (?:if|when|as|although) [^,]*,/, "");
  // Drop a leading adverbial ("on 20 June, finding the hall locked, ", "in the second stage, known as …, ").
  for (let guard = 0; guard < 3; guard++) {
    const lead = /^(?:(?:on|in|at|to|as|after|before|during|by|for|once|finding|if|when|with|suppose)\b[^,]*|known as [^,]*|[a-z]+ing\b[^,]*), /i.exec(clause);
    if (!lead) break;
    clause = clause.slice(lead[0].length);
  }
  clause = clause.replace(/^suppose (?:that )?/i, "");
  // "they gathered …" names the subject of the step before.
  const pronoun = /^(they|it|he|she) /i.exec(clause);
  if (pronoun && previous.length > 0) {
    const subject = subjectOf(material.sentences[previous[previous.length - 1].sentenceId].text, previous[previous.length - 1].label);
    if (!subject) return undefined;
    clause = `${subject} ${clause.slice(pronoun[0].length)}`;
  }
  clause = clause.replace(/,? (?:in search of|claiming|releasing|which|who|so that|while)\b.*$/, "");
  clause = shorten(tidyClause(clause), 20);
  return isSelfContained(clause, sentence, 22) ? clause : undefined;
}

function subjectOf(_sentence: string, label: string): string | undefined {
  const match = /^((?:the |an? )?[\w'’ -]+?) (?:declared|sent|sends|replied|replies|moved|moves|stormed|uses|used|gathered|cut|cuts|want|wants|is|are|was|were|\w+ed|\w+s)\b/.exec(label);
  return match && wordCount(match[1]) <= 7 ? match[1] : undefined;
}

function shorten(clause: string, maxWords: number): string {
  if (wordCount(clause) <= maxWords) return clause;
  const parts = clause.split(/, /);
  let result = parts[0];
  for (const part of parts.slice(1)) {
    if (wordCount(`${result}, ${part}`) > maxWords) break;
    result = `${result}, ${part}`;
  }
  return wordCount(result) <= maxWords + 4 ? result : "";
}

// Counts finite verbs right after their subject: "the deputies declared" (past) against "the chloroplast
// uses" (present). With `within`, only the words of that clause of the sentence count.
export function isPastTense(sentence: Sentence, within?: string): boolean {
  const words = within ? new Set(within.toLowerCase().split(/[^a-z'-]+/)) : undefined;
  let past = 0;
  let present = 0;
  sentence.tokens.forEach((token, index) => {
    if (words && !words.has(token.lower)) return;
    const before = sentence.tokens[index - 1];
    const afterSubject = before && ["NOUN", "PROPN", "PRON", "ADV"].includes(before.pos);
    if (/^(?:was|were|had|did)$/.test(token.lower)) past++;
    else if (/^(?:is|are|can|may|must|will|has|have|does|do)$/.test(token.lower)) present++;
    else if ((token.pos === "VERB" || token.pos === "NOUN") && afterSubject && IRREGULAR_PAST.has(token.lower)) past++;
    else if ((token.pos === "VERB" || token.pos === "NOUN") && afterSubject && token.lemma !== token.lower) {
      const next = sentence.tokens[index + 1];
      // "the quantity demanded falls": a participle naming the quantity, followed by the real verb.
      const isParticiple = next !== undefined && (next.pos === "VERB" || (next.pos === "NOUN" && /[^s]s$/.test(next.lower) && next.lemma !== next.lower));
      if (/ed$/.test(token.lower) && token.pos === "VERB" && !isParticiple) past++;
      // The tagger reads "the price rises" as two nouns; an -s word after a noun is the present verb.
      else if (/[^s]s$/.test(token.lower) && (token.pos === "VERB" || before.pos === "NOUN")) present++;
    }
  });
  return past > present;
}

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

const DATE_PHRASE = /\b(?:[Ii]n|[Oo]n|[Bb]y) ((?:\d{1,2} )?(?:(?:January|February|March|April|May|June|July|August|September|October|November|December) )?(1[0-9]{3}|20[0-9]{2}))\b/;

function mineDatedEvents(material: Material): Sequence[] {
  const events: Step[] = [];
  for (const sentence of material.sentences) {
    if (sentence.isRepeat) continue;
    const firstClause = stripLeadIn(sentence.text.replace(/[.!]$/, "").split(/; /)[0]);
    const years = firstClause.match(/\b1[0-9]{3}\b|\b20[0-9]{2}\b/g) ?? [];
    const date = DATE_PHRASE.exec(firstClause);
    if (!date || new Set(years).size !== 1 || /\b(?:from|until|between|since)\b[^,]*\d{4}/.test(firstClause)) continue;
    const year = Number(date[2]);
    const month = MONTHS.findIndex((name) => date[1].toLowerCase().includes(name));
    const day = Number(/^(\d{1,2}) /.exec(date[1])?.[1] ?? 0);
    const conjunct = firstClause.split(/, and |, but /).find((part) => part.includes(date[0])) ?? firstClause;
    let clause = conjunct.replace(date[0], "").replace(/^\s*,\s*/, "").replace(/\s+,/g, ",").replace(/\s{2,}/g, " ");
    clause = stripLeadIn(clause.replace(/^[^,]*\b(?:so|and)\b\s*/, (lead) => (lead.length < 40 && /, so\b/.test(lead) ? "" : lead)));
    clause = clause.replace(/,? (?:which|who|in search of|claiming|fearing)\b.*$/, "");
    clause = shorten(tidyClause(clause), 16);
    if (!clause || /\d{4}/.test(clause) || !isSelfContained(clause, sentence, 20)) continue;
    events.push({ label: clause, sentenceId: sentence.id, order: year * 10000 + (month + 1) * 100 + day });
  }
  const distinct = events.filter((event, index) => events.findIndex((other) => other.order === event.order) === index);
  if (distinct.length < 3) return [];
  return [{ kind: "dates", steps: distinct.sort((a, b) => a.order - b.order), isProcedure: false }];
}

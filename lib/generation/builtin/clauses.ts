import type { Sentence } from "@/lib/generation/text/analyse-material";

// Discourse openers that tie a sentence to its neighbours; a clause quoted alone reads better without them.
const LEAD_IN =
  /^(?:however|therefore|thus|eventually|meanwhile|instead|also|moreover|furthermore|even so|by contrast|in contrast|as a result|at first|at the same time|in other words|in practice|in short|in addition|for example|for instance|then|first|second|third|next|finally|later|afterwards|after that|traditionally|in fact|of course|indeed|but|and|yet|so)\s*,?\s+/i;

const PRONOUN_START =
  /^(?:it|its|this|these|that|those|they|them|their|he|she|his|her|him|we|our|you|your|which|who|such|there|here|one)\b/i;

const REFERENTIAL = /\b(?:this|these|those|that one|the opposite|the latter|the former)\b/i;

/** Removes discourse openers ("However, ", "As a result, ") from the start of a clause. */
export function stripLeadIn(text: string): string {
  let result = text.trim();
  for (let guard = 0; guard < 3; guard++) {
    const next = result.replace(LEAD_IN, "");
    if (next === result) break;
    result = next;
  }
  return result;
}

/**
 * The statement next to a connective, without what a colon or semicolon set before it: in "A dispute
 * arose over voting: traditionally, each Estate cast one vote, which meant …" only "each Estate cast
 * one vote" is what "which meant" refers to.
 */
export function lastStatement(text: string): string {
  const parts = text.split(/: |; /);
  return stripLeadIn(parts[parts.length - 1]);
}

/** Trims trailing punctuation and connectives left over after cutting a clause out of a sentence. */
export function tidyClause(text: string): string {
  return text
    .trim()
    .replace(/^[,;:]\s*/, "")
    .replace(/\s*[,;:.!]+$/, "")
    .replace(/\s+(?:and|or|but|so)$/i, "")
    .trim();
}

export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/**
 * Whether a clause can stand on its own in a stem or option: it names its own subject (no pronoun or
 * "this/these" pointing back to text the reader will not see), has a verb and a sensible length.
 */
export function isSelfContained(clause: string, sentence: Sentence, maxWords = 28, minWords = 3): boolean {
  const words = wordCount(clause);
  if (words < minWords || words > maxWords) return false;
  if (PRONOUN_START.test(clause) || REFERENTIAL.test(clause)) return false;
  if (/\b(?:it|the|a|an|if|that|to|of|and|or|than|as)$/i.test(clause)) return false;
  if (/[()"“”]/.test(clause) && (clause.match(/["“”]/g)?.length ?? 0) % 2 === 1) return false;
  if (hasDanglingPronoun(clause, sentence)) return false;
  // "some burn paraffin heaters": a quantifier standing for people named in an earlier sentence.
  const quantifier = /^(?:some|many|most|several|others|both|all|few)\s+([a-z'-]+)/i.exec(clause);
  // "some plants grow" names its plural noun; "some burn …" or "some use …" has none after the quantifier.
  // A singular word read as a noun but followed by its object ("burn paraffin heaters") is the verb.
  const index = quantifier ? sentence.tokens.findIndex((token) => token.lower === quantifier[1].toLowerCase()) : -1;
  const after = sentence.tokens[index];
  const object = sentence.tokens[index + 1];
  if (
    after &&
    (after.pos === "VERB" ||
      after.pos === "AUX" ||
      (after.pos === "NOUN" && after.lemma === after.lower && !/s$/.test(after.lower) && ["NOUN", "ADJ", "DET"].includes(object?.pos ?? "")))
  ) {
    return false;
  }
  return hasVerb(clause, sentence);
}

const REFERRING_WORDS = new Set(["it", "its", "they", "them", "their", "he", "him", "his", "she", "her", "this", "these", "those"]);

/**
 * Whether a pronoun comes before any noun it could point back to: in "many of its changes lasted" the
 * "its" names something outside the clause, whereas in "the client can send its request" it names the client.
 */
export function hasDanglingPronoun(clause: string, sentence: Sentence): boolean {
  const nouns = new Set(sentence.tokens.filter((token) => token.pos === "NOUN" || token.pos === "PROPN").map((token) => token.lower));
  for (const word of clause.toLowerCase().split(/[^a-z0-9'’-]+/)) {
    if (!word) continue;
    if (REFERRING_WORDS.has(word)) return true;
    if (nouns.has(word)) return false;
  }
  return false;
}

/** Whether a noun phrase pulled out of a sentence stands on its own. */
export function isSelfContainedPhrase(phrase: string, maxWords = 14): boolean {
  const words = wordCount(phrase);
  return words >= 1 && words <= maxWords && !PRONOUN_START.test(phrase) && !REFERENTIAL.test(phrase);
}

/** Past forms the tagger often reads as nouns or adjectives ("each Estate cast one vote"). */
export const IRREGULAR_PAST = new Set(
  (
    "arose became began bought brought built came cast caught chose drew drove fed fell felt fled fought found gave " +
    "grew heard held kept knew led left lent lost made meant met paid put ran rose said sank saw sent shook sold " +
    "spent spoke stood stole struck swore taught thought threw told took tore understood went won wore wrote"
  ).split(" "),
);

export function hasVerb(clause: string, sentence: Sentence): boolean {
  const words = new Set(clause.toLowerCase().split(/[^a-z'-]+/));
  return sentence.tokens.some(
    (token, index) =>
      words.has(token.lower) &&
      (token.pos === "VERB" ||
        token.pos === "AUX" ||
        looksLikeVerb(token, sentence.tokens[index - 1]) ||
        (IRREGULAR_PAST.has(token.lower) && ["NOUN", "PROPN"].includes(sentence.tokens[index - 1]?.pos ?? ""))),
  );
}

/**
 * The words of a clause before its first verb ("Chlorophyll" of "Chlorophyll absorbs red light"), with
 * how many they are; the first word is never taken for the verb. Undefined when no later word is a verb.
 */
export function leadingSubject(clause: string, sentence: Sentence): { text: string; length: number } | undefined {
  const words = clause.split(/\s+/);
  const verb = words.findIndex((word, index) => index > 0 && hasVerb(word, sentence));
  return verb < 1 ? undefined : { text: words.slice(0, verb).join(" "), length: verb };
}

// Verbs of change that the tagger reads as nouns after a plural subject ("price and quantity rise").
const CHANGE_VERBS = new Set(["rise", "fall", "increase", "decrease", "grow", "shrink", "drop", "shift"]);

// The tagger often reads "the quantity demanded falls" as nouns; a bare -s word after a noun is a verb.
function looksLikeVerb(token: { pos: string; lower: string; lemma: string }, before?: { pos: string }): boolean {
  const afterNoun = ["NOUN", "ADJ", "PROPN", "VERB"].includes(before?.pos ?? "");
  if (token.pos === "NOUN" && CHANGE_VERBS.has(token.lower) && before?.pos === "NOUN") return true;
  return token.pos === "NOUN" && /[^s]s$/.test(token.lower) && token.lemma !== token.lower && afterNoun;
}

/** Upper-cases the first letter, for an option or a stem that starts with a clause. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Lower-cases the first word when it is an ordinary word that only had a capital because it opened the
 * sentence; names and acronyms keep theirs.
 */
export function lowerFirst(text: string, lowerVocabulary: ReadonlySet<string>): string {
  const [first = "", second = ""] = text.split(/\s+/);
  // "King Louis XVI …": a capital before another capital is part of a name.
  if (/^[A-Z]/.test(second)) return text;
  if (/^[A-Z][a-z]/.test(first) && lowerVocabulary.has(first.toLowerCase())) {
    return text.charAt(0).toLowerCase() + text.slice(1);
  }
  if (/^(?:The|A|An)$/.test(first)) return text.charAt(0).toLowerCase() + text.slice(1);
  return text;
}

/** The article a noun phrase takes when the stem needs one. */
export function indefiniteArticle(phrase: string): "a" | "an" {
  const word = phrase.trim().split(/\s+/)[0] ?? "";
  if (/^(?:[aeio]|u(?!ni|se|su|ro|ti)|hour|honest|heir)/i.test(word)) return "an";
  if (/^[AEFHILMNORSX][A-Z0-9]*$/.test(word)) return "an";
  return "a";
}

/** Removes a leading article from a noun phrase. */
export function dropArticle(phrase: string): string {
  return phrase.replace(/^(?:the|a|an)\s+/i, "");
}

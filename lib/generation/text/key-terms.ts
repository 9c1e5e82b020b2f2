import type { Material, Sentence, Token } from "./analyse-material";
import { joinTokens } from "./analyse-material";

/** A noun phrase as it occurs in one sentence. */
export interface PhraseSpan {
  sentenceId: number;
  start: number;
  /** Exclusive. */
  end: number;
  text: string;
  key: string;
}

/** A candidate key term of the material: a noun phrase with its occurrences and a score. */
export interface Term {
  key: string;
  text: string;
  /** Lemma of the head (last) word, used to group terms of the same kind. */
  head: string;
  words: number;
  isProper: boolean;
  isPlural: boolean;
  /** Entity type of the phrase when the model tagged one (DATE, CARDINAL, …). */
  entity?: string;
  occurrences: PhraseSpan[];
  paragraphs: Set<number>;
  score: number;
}

const PHRASE_POS = new Set(["ADJ", "NOUN", "PROPN"]);
const HEAD_POS = new Set(["NOUN", "PROPN"]);

// Words that make poor answers on their own or as the opening of a phrase.
const GENERIC_WORDS = new Set(
  (
    "way ways thing things part parts example examples kind kinds type types lot lots time times use case cases " +
    "fact facts idea ideas point points detail details something order reason reasons one ones side sides place " +
    "number numbers other others many several most such same certain various different new first second third " +
    "last next final whole entire main important usual own further extra typical overall general common large " +
    "small long short high low good bad much few least more less able willing possible given each every " +
    "people person effect effects result results change changes period year years day days century today now"
  ).split(" "),
);

const MODIFIER_OPENERS = new Set(
  "other many several most such same certain various different own further extra usual typical whole entire each every".split(" "),
);

const NO_VERB_FORMS: ReadonlySet<string> = new Set();

// Templates and miners ask for the same sentence's phrases many times per request; the spans never change.
const phraseCache = new WeakMap<Sentence, PhraseSpan[]>();

/** Noun phrases of a sentence: runs of adjectives and nouns ending in a noun, hyphenated words kept whole. */
export function findNounPhrases(sentence: Sentence, verbForms: ReadonlySet<string> = NO_VERB_FORMS): PhraseSpan[] {
  if (verbForms !== NO_VERB_FORMS) return scanNounPhrases(sentence, verbForms);
  let spans = phraseCache.get(sentence);
  if (!spans) {
    spans = scanNounPhrases(sentence, verbForms);
    phraseCache.set(sentence, spans);
  }
  return spans;
}

function scanNounPhrases(sentence: Sentence, verbForms: ReadonlySet<string>): PhraseSpan[] {
  const tokens = sentence.tokens;
  const spans: PhraseSpan[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isPhraseToken(tokens, i)) {
      i++;
      continue;
    }
    let j = i;
    while (j < tokens.length && isPhraseToken(tokens, j)) j++;
    let start = i;
    let end = j;
    while (start < end && MODIFIER_OPENERS.has(tokens[start].lower)) start++;
    while (end > start && !HEAD_POS.has(tokens[end - 1].pos)) end--;
    end = cutVerbLikeTail(tokens, start, end, verbForms);
    start = dropTitleNoun(tokens, start, end);
    // A capitalised phrase may span "of (the)": "Declaration of the Rights of Man".
    while (
      end < tokens.length - 2 &&
      tokens[end].lower === "of" &&
      isCapitalised(tokens[end - 1]) &&
      isCapitalisedRun(tokens, end + 1)
    ) {
      let k = end + 1;
      if (tokens[k].lower === "the") k++;
      while (k < tokens.length && isPhraseToken(tokens, k) && isCapitalised(tokens[k])) k++;
      end = k;
    }
    if (end > start && !tokens.slice(start, end).every((token) => GENERIC_WORDS.has(token.lower))) {
      spans.push(makeSpan(sentence, start, end));
    }
    i = Math.max(j, end);
  }
  return spans;
}

// The tagger reads "a plant photosynthesises slowly" as one noun run; an -s word followed by an
// adverb, preposition or determiner is the verb, so the phrase stops before it.
const AFTER_VERB_POS = new Set(["ADV", "ADP", "DET", "NUM", "PRON", "PART", "SCONJ"]);

function cutVerbLikeTail(tokens: Token[], start: number, end: number, verbForms: ReadonlySet<string>): number {
  for (let k = start + 1; k < end; k++) {
    // A word the tagger reads as a verb elsewhere in the material is a verb here too ("bacteria use").
    if (verbForms.has(tokens[k].lower) && !tokens[k].text.includes("-")) return k;
    const token = tokens[k];
    const next = tokens[k + 1];
    const looksLikeVerb = token.pos === "NOUN" && /[^s]s$/.test(token.lower) && token.lemma !== token.lower;
    if (looksLikeVerb && (k + 1 === end ? next && AFTER_VERB_POS.has(next.pos) : false)) return k;
  }
  const last = tokens[end - 1];
  if (end - start > 1 && GENERIC_WORDS.has(last.lower)) return end - 1;
  return end;
}

// "the writer Olympe de Gouges" → "Olympe de Gouges": a lower-case role noun before a name.
function dropTitleNoun(tokens: Token[], start: number, end: number): number {
  let k = start;
  while (k < end - 1 && !isCapitalised(tokens[k])) k++;
  return k > start && k < end && tokens.slice(k, end).every((token) => isCapitalised(token) || token.text === "-")
    ? k
    : start;
}

function isCapitalisedRun(tokens: Token[], index: number): boolean {
  const next = tokens[index]?.lower === "the" ? tokens[index + 1] : tokens[index];
  return next !== undefined && next.pos === "PROPN" && isCapitalised(next);
}

function isCapitalised(token: Token): boolean {
  return /^[A-Z]/.test(token.text);
}

function isPhraseToken(tokens: Token[], index: number): boolean {
  const token = tokens[index];
  if (PHRASE_POS.has(token.pos) && /[A-Za-z0-9]/.test(token.text)) return true;
  // Hyphen inside a word ("light-dependent", "SYN-ACK") and numbers inside names ("RFC 793").
  if (token.text === "-" && token.space === "" && tokens[index + 1]?.space === "" && index > 0) return true;
  if (token.pos === "NUM" && index > 0 && tokens[index - 1].pos === "PROPN" && !token.entity?.startsWith("DATE")) {
    return true;
  }
  const previous = tokens[index - 1];
  if (previous && previous.text === "-" && previous.space === "" && token.space === "") return true;
  return false;
}

export function makeSpan(sentence: Sentence, start: number, end: number): PhraseSpan {
  const tokens = sentence.tokens.slice(start, end);
  return { sentenceId: sentence.id, start, end, text: joinTokens(tokens), key: phraseKey(tokens) };
}

/** A phrase's identity across inflection and case: its lemmas. */
export function phraseKey(tokens: Token[]): string {
  return tokens
    .filter((token) => token.text !== "-")
    .map((token) => token.lemma)
    .join(" ");
}

/**
 * Collects noun-phrase terms and scores them: TextRank over the noun/adjective word graph
 * (Mihalcea & Tarau 2004) times how many paragraphs use the phrase, with a bonus for heading words.
 */
export function extractTerms(material: Material): Term[] {
  const byKey = new Map<string, Term>();
  const wordRank = rankWords(material);
  const verbForms = new Set(
    material.sentences.flatMap((sentence) =>
      sentence.tokens.filter((token) => token.pos === "VERB").map((token) => token.lower),
    ),
  );
  const headingWords = new Set(material.headings.flatMap((heading) => heading.toLowerCase().split(/\W+/)));
  for (const sentence of material.sentences) {
    for (const span of findNounPhrases(sentence, verbForms)) {
      const tokens = sentence.tokens.slice(span.start, span.end);
      let term = byKey.get(span.key);
      if (!term) {
        const last = tokens[tokens.length - 1];
        term = {
          key: span.key,
          text: span.text,
          head: last.lemma,
          words: tokens.filter((token) => token.text !== "-").length,
          isProper: tokens.some((token) => token.pos === "PROPN" && isCapitalised(token)) && span.start > 0,
          isPlural: last.pos === "NOUN" && last.lower !== last.lemma && /s$/.test(last.lower),
          entity: tokens.every((token) => token.entity) ? tokens[0].entity : undefined,
          occurrences: [],
          paragraphs: new Set(),
          score: 0,
        };
        byKey.set(span.key, term);
      }
      if (span.start > 0 && tokens.some((token) => token.pos === "PROPN" && isCapitalised(token))) term.isProper = true;
      term.occurrences.push(span);
      term.paragraphs.add(sentence.paragraph);
    }
  }
  for (const term of byKey.values()) {
    const words = term.key.split(" ");
    const rank = words.reduce((sum, word) => sum + (wordRank.get(word) ?? 0), 0) / Math.sqrt(words.length);
    const inHeading = words.some((word) => headingWords.has(word)) ? 1.3 : 1;
    term.score = rank * (1 + Math.log(term.occurrences.length)) * inHeading;
  }
  return [...byKey.values()].sort((a, b) => b.score - a.score || a.key.localeCompare(b.key));
}

function rankWords(material: Material): Map<string, number> {
  const edges = new Map<string, Map<string, number>>();
  const link = (a: string, b: string) => {
    if (a === b) return;
    for (const [x, y] of [
      [a, b],
      [b, a],
    ]) {
      const row = edges.get(x) ?? new Map<string, number>();
      row.set(y, (row.get(y) ?? 0) + 1);
      edges.set(x, row);
    }
  };
  for (const sentence of material.sentences) {
    const words = sentence.tokens
      .filter((token) => PHRASE_POS.has(token.pos) && !GENERIC_WORDS.has(token.lower) && token.lemma.length > 1)
      .map((token) => token.lemma);
    for (let i = 0; i < words.length; i++) {
      edges.set(words[i], edges.get(words[i]) ?? new Map());
      for (let j = i + 1; j < Math.min(words.length, i + 4); j++) link(words[i], words[j]);
    }
  }
  const nodes = [...edges.keys()];
  const outWeight = new Map(nodes.map((node) => [node, [...edges.get(node)!.values()].reduce((a, b) => a + b, 0)]));
  let rank = new Map(nodes.map((node) => [node, 1]));
  // Fixed iteration count keeps the result deterministic and the cost bounded.
  for (let iteration = 0; iteration < 25; iteration++) {
    const next = new Map<string, number>();
    for (const node of nodes) {
      let sum = 0;
      for (const [neighbour, weight] of edges.get(node)!) {
        sum += (weight / (outWeight.get(neighbour) || 1)) * rank.get(neighbour)!;
      }
      next.set(node, 0.15 + 0.85 * sum);
    }
    rank = next;
  }
  return rank;
}

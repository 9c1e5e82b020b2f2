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
  /** For names: what the material shows them to be, so a person is never offered in place of a country. */
  nameKind?: NameKind;
  /** The phrase is a noun followed by its verb ("the price rises") or a modifier without its noun ("tiny"). */
  isMisread: boolean;
  /** Every occurrence is a piece of a longer name ("Female Citizen" in "… of the Female Citizen"): it names nothing itself. */
  isNamePiece: boolean;
}

export type NameKind = "person" | "place" | "other";

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

const EXAMPLE_NOUNS = new Set(["example", "examples", "instance", "instances"]);

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
    // "for example nobles": the cue word is no part of the phrase.
    while (start < end - 1 && EXAMPLE_NOUNS.has(tokens[start].lower)) start++;
    while (end > start && !HEAD_POS.has(tokens[end - 1].pos)) end--;
    end = cutVerbLikeTail(tokens, start, end, verbForms);
    start = dropTitleNoun(tokens, start, end);
    // A capitalised phrase may span "of (the)" and "and of (the)": "Declaration of the Rights of Man
    // and of the Citizen" is one name; cut at "Man" (a common noun to the tagger) or at "and of", its
    // pieces ("Declaration of the Rights", "Female Citizen") would be offered as names of their own.
    for (;;) {
      const of = tokens[end]?.lower === "and" && tokens[end + 1]?.lower === "of" ? end + 1 : end;
      if (of >= tokens.length - 1 || tokens[of].lower !== "of" || !isCapitalised(tokens[end - 1]) || !isCapitalisedRun(tokens, of + 1)) break;
      let k = of + 1;
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

// Lower-case words inside personal names ("Olympe de Gouges", "Ludwig van Beethoven").
const NAME_PARTICLES = new Set(["de", "du", "da", "di", "del", "der", "van", "von", "la", "le", "bin", "ibn"]);

// "the writer Olympe de Gouges" → "Olympe de Gouges": a lower-case role noun before a name.
function dropTitleNoun(tokens: Token[], start: number, end: number): number {
  let k = start;
  while (k < end - 1 && !isCapitalised(tokens[k])) k++;
  return k > start && k < end && tokens.slice(k, end).every((token) => isCapitalised(token) || token.text === "-" || NAME_PARTICLES.has(token.text))
    ? k
    : start;
}

/**
 * Whether a span is a piece of a longer capitalised name joined by "of" or "and of": "Female Citizen"
 * in "Declaration of the Rights of Woman and of the Female Citizen", "Declaration of the Rights" before
 * "of Man". Spans are read whole (see scanNounPhrases); this catches a name the scan still cuts.
 */
export function isPieceOfName(tokens: Token[], start: number, end: number): boolean {
  if (end <= start || !isCapitalised(tokens[start]) || !isCapitalised(tokens[end - 1])) return false;
  const of = tokens[end]?.lower === "and" ? end + 1 : end;
  if (tokens[of]?.lower === "of" && isCapitalisedRun(tokens, of + 1)) return true;
  let k = start - 1;
  if (tokens[k]?.lower === "the") k--;
  if (tokens[k]?.lower !== "of") return false;
  const before = tokens[k - 1]?.lower === "and" ? k - 2 : k - 1;
  const word = tokens[before];
  return word !== undefined && HEAD_POS.has(word.pos) && isCapitalised(word) && (before > 0 || word.pos === "PROPN");
}

// Inside a sentence a capital marks a name whatever the tagger reads ("the Rights of Man": Man/NOUN).
function isCapitalisedRun(tokens: Token[], index: number): boolean {
  const next = tokens[index]?.lower === "the" ? tokens[index + 1] : tokens[index];
  return next !== undefined && HEAD_POS.has(next.pos) && isCapitalised(next);
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
  const spans = material.sentences.map((sentence) => findNounPhrases(sentence, verbForms));
  // "the National Assembly" and "a new assembly" share lemmas but not meaning: a name keeps its own entry.
  const nameKeys = new Set<string>();
  spans.forEach((list, id) => {
    for (const span of list) if (span.start > 0 && isNameSpan(material.sentences[id].tokens.slice(span.start, span.end))) nameKeys.add(span.key);
  });
  const headingWords = new Set(material.headings.flatMap((heading) => heading.toLowerCase().split(/\W+/)));
  for (const sentence of material.sentences) {
    for (const span of spans[sentence.id]) {
      const tokens = sentence.tokens.slice(span.start, span.end);
      const isName = span.start > 0 ? isNameSpan(tokens) : nameKeys.has(span.key) && isCapitalised(tokens[0]);
      const entryKey = isName ? `${span.key}|name` : span.key;
      let term = byKey.get(entryKey);
      if (!term) {
        const last = tokens[tokens.length - 1];
        term = {
          key: span.key,
          text: span.text,
          head: last.lemma,
          words: tokens.filter((token) => token.text !== "-").length,
          isProper: isName,
          isPlural: last.pos === "NOUN" && last.lower !== last.lemma && /s$/.test(last.lower),
          entity: tokens.every((token) => token.entity) ? tokens[0].entity : undefined,
          occurrences: [],
          paragraphs: new Set(),
          score: 0,
          isMisread: false,
          isNamePiece: false,
        };
        byKey.set(entryKey, term);
      }
      term.occurrences.push(span);
      term.paragraphs.add(sentence.paragraph);
    }
  }
  const usage = readUsage(material);
  for (const term of byKey.values()) {
    const words = term.key.split(" ");
    const rank = words.reduce((sum, word) => sum + (wordRank.get(word) ?? 0), 0) / Math.sqrt(words.length);
    const inHeading = words.some((word) => headingWords.has(word)) ? 1.3 : 1;
    term.score = rank * (1 + Math.log(term.occurrences.length)) * inHeading;
    term.isMisread = isMisread(term, material, usage);
    if (term.isProper) term.nameKind = nameKindOf(term, material);
    term.isNamePiece =
      term.isProper && term.occurrences.every((span) => isPieceOfName(material.sentences[span.sentenceId].tokens, span.start, span.end));
  }
  return [...byKey.values()].sort((a, b) => b.score - a.score || a.key.localeCompare(b.key));
}

function isNameSpan(tokens: Token[]): boolean {
  return tokens.some((token) => token.pos === "PROPN" && isCapitalised(token));
}

interface Usage {
  /** Lemmas the tagger reads as verbs somewhere in the material. */
  verbLemmas: Set<string>;
  /** Word forms seen right after a determiner or number: certainly nouns there ("a good rises" has an adjective before a verb). */
  nounForms: Set<string>;
}

function readUsage(material: Material): Usage {
  const verbLemmas = new Set<string>();
  const nounForms = new Set<string>();
  for (const sentence of material.sentences) {
    sentence.tokens.forEach((token, index) => {
      if (token.pos === "VERB") verbLemmas.add(token.lemma);
      const before = sentence.tokens[index - 1];
      if (before && ["DET", "NUM"].includes(before.pos) && token.pos === "NOUN") nounForms.add(token.lower);
    });
  }
  return { verbLemmas, nounForms };
}

// Verbs of change that the tagger often reads as nouns after a subject ("the price rises").
const CHANGE_LEMMAS = new Set(["rise", "fall", "increase", "decrease", "shift", "grow", "drop", "change", "move", "shrink", "double", "offer", "purchase", "buy", "sell"]);

// The tagger reads "the price rises" as one noun run and "tiny" before "pores" as a noun. Such a
// phrase is no term: offered as an answer it reads "rises are willing" or "shifts to the supply".
function isMisread(term: Term, material: Material, usage: Usage): boolean {
  if (!/^[A-Za-z0-9]/.test(term.text) || /\.$/.test(term.text) || term.text.length < 2) return true;
  const isSeenOnce = term.occurrences.length === 1;
  const isVerbWord = (token: Token) =>
    (usage.verbLemmas.has(token.lemma) || CHANGE_LEMMAS.has(token.lemma)) && (isSeenOnce || !usage.nounForms.has(token.lower));
  for (const span of term.occurrences) {
    const tokens = material.sentences[span.sentenceId].tokens;
    const head = tokens[span.end - 1];
    const before = span.end - span.start > 1 ? tokens[span.end - 2] : undefined;
    const after = tokens[span.end];
    // A name ends in a capitalised word; "each Estate cast one vote" ends in a verb.
    if (term.isProper && isCapitalised(head)) continue;
    // "the server encodes the details", "each Estate cast one vote": a noun is not followed by a
    // determiner or a number, a verb is.
    const isVerbShaped = before !== undefined || (head.lower !== head.lemma && /[^s]s$/.test(head.lower));
    if (isVerbShaped && after && ["DET", "PRON", "NUM"].includes(after.pos) && !/^(?:that|which)$/.test(after.lower)) return true;
    if (!isVerbWord(head)) continue;
    if (!before) return true;
    const beforeIsPlural = ["NOUN", "PROPN"].includes(before.pos) && /[^s]s$/.test(before.lower) && !isCapitalised(head);
    // "farmers offer", "blueberries increases": compounds do not take a plural modifier.
    if (beforeIsPlural) return true;
    const endsClause = !after || /^[,;.:]$/.test(after.text) || ["ADV", "ADP", "DET", "NUM", "CCONJ"].includes(after.pos);
    if ((before.pos === "NOUN" || before.pos === "ADJ") && endsClause) return true;
  }
  if (MONTH_OR_DAY.test(term.text)) return true;
  // A single word always followed by another content word is a modifier ("tiny pores", "wide powers").
  if (term.words === 1 && !term.isProper) {
    const isAlwaysModifier = term.occurrences.every((span) => {
      const after = material.sentences[span.sentenceId].tokens[span.end];
      return after !== undefined && /^[A-Za-z]/.test(after.text) && ["NOUN", "PROPN", "ADJ", "VERB"].includes(after.pos);
    });
    if (isAlwaysModifier) return true;
  }
  return false;
}

// Dates are asked about as dates, never offered as names.
const MONTH_OR_DAY = /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;

// Nouns for people by role or kin: "the writer X", "his wife, X", "writers such as X".
const ROLE_NOUN = /^(?:[a-z]+(?:er|or|ist|ian|ant|ent)s?|general|king|queen|wife|husband|son|daughter|brother|sister|father|mother|leader|chief|people|person)$/;

const TITLE_WORDS = /^(?:King|Queen|Emperor|Empress|President|Prince|Princess|Saint|St|Sir|Lady|Lord|Dr|Mr|Mrs|Ms|Pope|General|Captain)$/;
const PLACE_PREPOSITIONS = new Set(["in", "at", "from", "across", "to", "into", "on", "near", "throughout"]);

// Names are told apart by how the material uses them: after a role noun or title ("the writer
// Olympe de Gouges", "King Louis XVI") a person; after "in", "at", "across" a place; else another name.
function nameKindOf(term: Term, material: Material): NameKind {
  let place = 0;
  for (const span of term.occurrences) {
    const tokens = material.sentences[span.sentenceId].tokens;
    const inside = tokens.slice(span.start, span.end);
    const before = tokens[span.start - 1];
    if (TITLE_WORDS.test(inside[0].text) && inside.length > 1) return "person";
    if (before && TITLE_WORDS.test(before.text)) return "person";
    const hasOf = inside.some((token) => token.lower === "of");
    const isPersonShaped = !hasOf && inside.every((token) => isCapitalised(token) || NAME_PARTICLES.has(token.text) || token.text === "-");
    if (isPersonShaped && introducedByRole(tokens, span.start)) return "person";
    // "Louis XVI", "Henry VIII": a regnal number.
    if (isPersonShaped && inside.length >= 2 && /^[IVX]+$/.test(inside[inside.length - 1].text)) return "person";
    if (isPersonShaped && inside.length >= 2 && before?.lower === "by") return "person";
    if (inside.some((token) => token.pos === "NUM" || /\d/.test(token.text))) continue;
    if (before && PLACE_PREPOSITIONS.has(before.lower) && !hasOf && inside.length <= 2) place++;
  }
  return place > 0 ? "place" : "other";
}

// "the writer X", "his wife, X", "writers such as Y and X": a role noun shortly before the name.
function introducedByRole(tokens: Token[], start: number): boolean {
  let k = start - 1;
  if (tokens[k]?.text === ",") k--;
  if (k >= 0 && /^[a-z]/.test(tokens[k].text) && ROLE_NOUN.test(tokens[k].lower) && tokens[k].pos !== "VERB") return true;
  // Walk back over a list of names to "such as" and the category before it.
  for (let j = start - 1; j >= Math.max(0, start - 12); j--) {
    if (tokens[j].lower === "as" && tokens[j - 1]?.lower === "such") {
      const category = tokens[j - 2]?.text === "," ? tokens[j - 3] : tokens[j - 2];
      return category !== undefined && ROLE_NOUN.test(category.lower);
    }
    if (!(isCapitalised(tokens[j]) || tokens[j].text === "," || tokens[j].text === "-" || tokens[j].pos === "CCONJ")) return false;
  }
  return false;
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

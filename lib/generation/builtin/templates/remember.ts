import { findNounPhrases, isPieceOfName, type PhraseSpan } from "@/lib/generation/text/key-terms";
import { joinTokens, type Sentence } from "@/lib/generation/text/analyse-material";
import type { Candidate } from "../candidate";
import { capitalise, indefiniteArticle, isSelfContained, stripLeadIn, wordCount } from "../clauses";
import { contentStems } from "@/lib/generation/text/words";
import { chooseDistinct, followsVerb, isObjectIn, isOnlyModifier, isUsedIn, pickTermDistractors } from "../distractors";
import type { ExampleList } from "../mine-relations";
import { shuffle, type Random } from "../random";
import { isStatedInMaterial, type Study } from "../study-material";
import type { TemplateContext } from "./shared";

/** Recall a term from its meaning: "Which term does the text use for the fluid that surrounds the thylakoids?" */
export function writeTermForMeaning({ study, random }: TemplateContext): Candidate[] {
  const candidates: Candidate[] = [];
  for (const definition of study.relations.definitions) {
    const sentence = study.material.sentences[definition.sentenceId];
    const question = `Which term does the text use for ${definition.meaning}?`;
    const terms = pickTermDistractors(study, definition.term, { stem: question, alsoCorrect: definition.instances, random });
    // "the next sequence number …" → acknowledgment number: the stem's "number" would point to the key
    // alone, so other "… number" names of the text come first (true names, of the same kind, but not
    // of this meaning); one the meaning itself names ("sequence number") is never offered.
    const namesake = sameHeadNames(study, definition.term, question, [definition.term, ...(definition.instances ?? [])]);
    const picked = chooseDistinct(namesake, [definition.term], 2, random);
    const distractors = [...picked, ...terms.filter((term) => !picked.some((name) => name.toLowerCase() === term.toLowerCase()))].slice(0, 5);
    if (distractors.length < 3) continue;
    candidates.push({
      template: "term-for-meaning",
      level: "remember",
      question,
      key: capitalise(definition.term),
      distractors: distractors.map(capitalise),
      explanation: `The text names it directly: "${sentence.text}"`,
      sentenceIds: [sentence.id],
      fact: `term:${definition.term.toLowerCase()}`,
      score: 3,
    });
  }
  return candidates;
}

/**
 * Other names the text gives with the key's head noun when the stem repeats that noun: "initial
 * sequence number" beside the key "acknowledgment number" for "the next sequence number …". A name is
 * the noun with one or two noun or adjective words before it, not a quantity ("a large number of …")
 * and not part of a longer name ("acknowledgment number field").
 */
function sameHeadNames(study: Study, key: string, stem: string, correct: string[]): string[] {
  const head = key.toLowerCase().split(/\s+/).pop()!;
  const lowerStem = stem.toLowerCase();
  if (key.split(/\s+/).length < 2 || !new RegExp(`\\b${head}\\b`).test(lowerStem.replace(/^which term does the text use for /, ""))) return [];
  const names = new Set<string>();
  for (const sentence of sentencesWith(study, head)) {
    const tokens = sentence.tokens;
    tokens.forEach((token, index) => {
      const next = tokens[index + 1];
      if (token.lower !== head || next?.lower === "of" || ["NOUN", "PROPN"].includes(next?.pos ?? "")) return;
      let start = index;
      while (start > 0 && index - start < 2 && isNameWord(tokens[start - 1])) start--;
      if (start === index) return;
      const name = tokens.slice(start, index + 1).map((t) => t.lower).join(" ");
      if (correct.some((text) => text.toLowerCase() === name) || new RegExp(`\\b${name}\\b`).test(lowerStem)) return;
      // "a legal maximum price" is how the text describes a price ceiling, not a name of its own.
      if (study.relations.definitions.some((definition) => definition.meaning.toLowerCase().includes(name))) return;
      names.add(capitalise(name));
    });
  }
  return [...names];
}

// A word that makes a name with the noun after it ("initial", "sequence"), not one that rates or counts
// it ("a higher price", "each possible price", "its own number").
function isNameWord(token: Sentence["tokens"][number]): boolean {
  if (token.pos === "NOUN") return true;
  return token.pos === "ADJ" && !/(?:er|est)$/.test(token.lower) && !QUALIFIERS.test(token.lower);
}

const QUALIFIERS = /^(?:own|same|other|large|small|new|old|first|last|next|whole|certain|such|possible|given|main|usual|many|few|several|entire|full|different|good|bad)$/;

// Words naming a direction; only their opposite is a same-kind wrong answer, never three others.
const DIRECTIONS = new Set(["right", "left", "up", "down", "upward", "downward", "upwards", "downwards", "higher", "lower", "north", "south", "east", "west", "inward", "outward", "forward", "backward", "uphill", "downhill", "top", "bottom"]);

/**
 * Recall the key term that ends a statement: "Complete the statement from the text: The Calvin cycle
 * takes place in the ___." The blank is always last and the statement stops there.
 */
export function writeCompletion({ study, random }: TemplateContext): Candidate[] {
  const candidates: Candidate[] = [];
  const answerKeys = new Map(study.answerTerms.map((term, rank) => [term.key, rank]));
  const topics = new Set(study.material.headings.flatMap((heading) => contentStems(heading)));
  for (const sentence of study.material.sentences) {
    if (sentence.isListItem || sentence.isRepeat) continue;
    // "Imagine a local market for ___ (apples)": the props of a made-up example are no fact to learn.
    if (HYPOTHETICAL.test(stripLeadIn(sentence.text)) || isWorkedExample(sentence.text)) continue;
    const tokens = sentence.tokens;
    for (const span of findNounPhrases(sentence)) {
      const rank = answerKeys.get(span.key);
      if (rank === undefined || rank > 80) continue;
      const next = tokens[span.end];
      if (next && !/^[,;.:]$/.test(next.text)) continue;
      // "… and of the ___" (Female Citizen): a piece of a longer name is no answer of its own.
      if (isPieceOfName(tokens, span.start, span.end)) continue;
      const before = tokens[span.start - 1];
      // "a/an" before the blank would give the answer away; "the" is neutral.
      if (!before || /^(?:a|an)$/i.test(before.text)) continue;
      // "takes place mainly in the ___": places nest (leaf, chloroplast, stroma), so more than one
      // term of the text may be right after a preposition of place.
      const preposition = tokens[before.pos === "DET" ? span.start - 2 : span.start - 1];
      if (preposition && LOCATIVE.test(preposition.lower)) continue;
      // A member of a list ("X, Y or Z") has its siblings as further right answers.
      if (isListMember(sentence, span)) continue;
      // "in other ___" (words): the blank completes an idiom, not a fact of the text.
      const idiom = tokens.slice(Math.max(0, span.start - 3), span.end).map((token) => token.lower).join(" ");
      if (IDIOMS.some((phrase) => idiom.endsWith(phrase))) continue;
      const prefix = stripLeadIn(joinTokens(tokens.slice(0, span.start)));
      if (wordCount(prefix) < 5 || !isSelfContained(`${prefix} x`, sentence, 30)) continue;
      if (/[("“]/.test(prefix) && !/[)"”]/.test(prefix)) continue;
      // "If the price starts below ___." cuts the sentence inside its opening clause: no statement is left.
      if (/^(?:if|when|whenever|because|although|though|as|since|while|unless|once)\b/i.test(prefix) && !prefix.includes(",")) continue;
      // "another factor, such as the concentration of ___." stops inside an inset example: the sentence
      // is cut before its verb, and any other example of the factor would fit the blank as well.
      if (/, (?:such as|including|for example|for instance|especially|like) [^,]*$/i.test(prefix)) continue;
      // "The server, if it is willing to accept the ___." stops inside an inset condition.
      if (/, (?:if|when|whenever|because|although|though|since|unless|once) [^,]*$/i.test(prefix)) continue;
      // "shift supply to the ___" (right): the one wrong answer that fits a direction is its opposite;
      // nouns from elsewhere ("curve", "demand") do not fit the slot, so the blank is not asked.
      if (DIRECTIONS.has(span.text.toLowerCase())) continue;
      // "an attacker … never completes the ___" (handshake): a negated slot is true of almost anything
      // the statement does not do ("never completes the acknowledgment"), so no wrong answer is clearly wrong.
      if (NEGATED_CLAUSE.test(lastClause(prefix))) continue;
      const statement = emphasiseNegatives(`${capitalise(prefix)} ___.`);
      const question = `Complete the statement from the text: ${statement}`;
      const verb = governingVerb(sentence, span);
      const paragraph = paragraphOf(study, sentence);
      const neighbours = new Set([sentence.id - 1, sentence.id, sentence.id + 1].filter((id) => paragraph.has(id)));
      const distractors = pickTermDistractors(study, span.text, {
        stem: prefix,
        statement: `${prefix} ${span.text}`,
        sourceSentenceIds: [sentence.id],
        random,
        // A term the next or previous sentence of the paragraph uses ("half-open connection" beside
        // "never completes the ___"), or one the paragraph makes the object of another verb ("inject
        // forged segments" beside "detect ___"), belongs to the same situation and may fit the blank
        // truthfully; so may one the text puts after the blank's verb anywhere ("the client sends a
        // segment" for "before the client can send its ___").
        // A heading's word ("Why TCP Needs a Connection") names what the whole text is about and fits
        // almost any blank loosely; a term that is only ever part of a longer name names nothing.
        reject: (text) =>
          isUsedIn(study, text, neighbours) ||
          (!!verb && isObjectIn(study, text, paragraph)) ||
          (!!verb && followsVerb(study, text, verb)) ||
          contentStems(text).every((stem) => topics.has(stem)) ||
          isOnlyModifier(study, text) ||
          isOnlyInWorkedExamples(study, text),
      });
      if (distractors.length < 3) continue;
      candidates.push({
        template: "completion",
        level: "remember",
        question,
        key: span.text,
        distractors,
        explanation: `The text says: "${sentence.text}"`,
        sentenceIds: [sentence.id],
        fact: `sentence:${sentence.id}`,
        score: 2 - rank / 80,
      });
    }
  }
  return candidates;
}

/** Whether a term occurs only in worked examples ("ack = 1001"): a prop of the example, no thing of the text. */
function isOnlyInWorkedExamples(study: Study, text: string): boolean {
  let sentences = termSentenceCache.get(study);
  if (!sentences) {
    sentences = new Map();
    for (const term of study.terms) {
      sentences.set(term.text, [...(sentences.get(term.text) ?? []), ...term.occurrences.map((span) => span.sentenceId)]);
    }
    termSentenceCache.set(study, sentences);
  }
  const ids = [...(sentences.get(text) ?? []), ...(text === capitalise(text) ? [] : sentences.get(capitalise(text)) ?? [])];
  return ids.length > 0 && ids.every((id) => isWorkedExample(study.material.sentences[id].text));
}

const termSentenceCache = new WeakMap<Study, Map<string, number[]>>();

/** The sentences that hold a word, from the study's stem index (a word's stem is its own or shorter). */
function sentencesWith(study: Study, word: string): Sentence[] {
  const ids = new Set(contentStems(word).flatMap((stem) => study.sentencesByStem.get(stem) ?? []));
  return [...ids].sort((a, b) => a - b).map((id) => study.material.sentences[id]);
}

/** The sentences of a sentence's paragraph. */
function paragraphOf(study: Study, sentence: Sentence): Set<number> {
  return new Set(study.material.paragraphs[sentence.paragraph]?.sentenceIds ?? [sentence.id]);
}

/** The lemma of the verb whose object the blank is ("completes the ___" → complete), if any. */
function governingVerb(sentence: Sentence, span: PhraseSpan): string | undefined {
  let k = span.start - 1;
  while (k >= 0 && ["DET", "ADJ", "NUM", "ADV", "PRON"].includes(sentence.tokens[k].pos)) k--;
  const token = sentence.tokens[k];
  return token && token.pos === "VERB" ? token.lemma : undefined;
}

const NEGATED_CLAUSE = /\b(?:not|never|no|nor|neither|cannot|without|n't)\b|n't\b/i;

/** The clause the blank ends: what follows the last comma, semicolon, colon or dash of the prefix. */
function lastClause(prefix: string): string {
  return prefix.split(/[,;:–—]/).pop() ?? prefix;
}

// A negative earlier in the sentence ("Light is not a reactant …; instead, it supplies ___") leaves the
// blank's own clause positive; a reader who skims past the negative word misreads the fact, so it is
// written in capitals, as item-writing guides ask of negatives in a stem.
function emphasiseNegatives(statement: string): string {
  return statement.replace(/\b(?:not|never|except)\b/gi, (word) => word.toUpperCase());
}

// "At $3 per kilogram, buyers want 200 kg …": the numbers of a worked example, not facts to recall.
export function isWorkedExample(text: string): boolean {
  return (text.match(/\d+(?:[.,]\d+)?/g)?.length ?? 0) >= 3 || /\d ?[=+×]/.test(text);
}

const HYPOTHETICAL = /^(?:imagine|suppose|say|picture|for example|for instance)\b/i;

const IDIOMS = [
  "in other words",
  "on the other hand",
  "in the long run",
  "in the short run",
  "at the same time",
  "in fact",
  "in practice",
  "in particular",
  "in general",
  "in addition",
  "in turn",
  "as a whole",
  "in the end",
  "in short",
  "on average",
  "in theory",
  "for example",
  "for instance",
  "at first",
  "at last",
  "in the usual sense",
  "in a sense",
];

const LOCATIVE = /^(?:in|inside|within|at|on|into|onto|near|throughout)$/;

function isListMember(sentence: Sentence, span: PhraseSpan): boolean {
  const tokens = sentence.tokens;
  return findNounPhrases(sentence).some((other) => {
    if (other === span) return false;
    const gap = other.start >= span.end ? tokens.slice(span.end, other.start) : other.end <= span.start ? tokens.slice(other.end, span.start) : [];
    return (
      gap.length > 0 &&
      gap.length <= 2 &&
      gap.every((token) => token.text === "," || token.pos === "CCONJ" || token.pos === "DET") &&
      gap.some((token) => token.text === "," || token.pos === "CCONJ")
    );
  });
}

/**
 * Recall an example the text lists for a category: "Which of these does the text give as an example of
 * crops?" A wrong answer must be a thing of the same kind that is not in the category: a member of
 * another category the text lists ("pigments such as carotenoids"), or, for plural keys, a member of
 * another list of things ("animals and fungi"); never a substance or an idea beside a plant.
 */
export function writeExampleOf({ study, random }: TemplateContext): Candidate[] {
  const candidates: Candidate[] = [];
  for (const list of study.relations.examples) {
    const sentence = study.material.sentences[list.sentenceId];
    const category = /(?:s|ae|ia)$/.test(list.category.split(" of ")[0]) ? list.category : `${indefiniteArticle(list.category)} ${list.category}`;
    const question = `Which of these does the text give as an example of ${category}?`;
    const options = shuffle(list.members, random)
      .map((key) => ({
        key,
        distractors: /^[A-Z]/.test(key)
          ? pickTermDistractors(study, key, {
              stem: question,
              alsoCorrect: list.members,
              statement: `${list.category} such as ${key}`,
              sourceSentenceIds: [sentence.id],
              random,
            })
          : siblingMembers(study, list, key, question, random),
      }))
      .find((option) => option.distractors.length >= 3);
    if (!options) continue;
    candidates.push({
      template: "example-of",
      level: "remember",
      question,
      key: capitalise(options.key),
      distractors: options.distractors.map(capitalise),
      explanation: `The text lists it as an example: "${sentence.text}"`,
      sentenceIds: [sentence.id],
      fact: `examples:${list.category.toLowerCase()}`,
      score: 2.2,
    });
  }
  return candidates;
}

/** Members of the material's other categories and of lists that hold such members. */
function siblingMembers(study: Study, list: ExampleList, key: string, question: string, random: Random): string[] {
  const terms = new Map(study.answerTerms.map((term) => [term.text.toLowerCase(), term]));
  const keyTerm = terms.get(key.toLowerCase());
  if (!keyTerm) return [];
  const avoid = new Set(contentStems(`${question} ${list.members.join(" ")}`));
  // Words of the headings name what the whole text is about ("plants"): too general to be of another kind.
  const topics = new Set(study.material.headings.flatMap((heading) => contentStems(heading)));
  const pool: { text: string; score: number }[] = [];
  const offer = (text: string, score: number) => {
    const term = terms.get(text.toLowerCase());
    if (!term || term.isProper || term.isPlural !== keyTerm.isPlural || Math.abs(term.words - keyTerm.words) > 2) return;
    const stems = contentStems(text);
    if (stems.some((stem) => avoid.has(stem)) || stems.every((stem) => topics.has(stem))) return;
    if (isStatedInMaterial(study, `${list.category} such as ${text}`, text, [list.sentenceId])) return;
    pool.push({ text, score });
  };
  const others = study.relations.examples.filter((other) => other.category.toLowerCase() !== list.category.toLowerCase());
  for (const other of others) for (const member of other.members) offer(member, 2);
  // A list that names a member of another category ("drive goats and sheep") is a list of things of
  // that category's kind; a list of what fields receive ("water, silt and nutrients") is not.
  const otherMembers = new Set(others.flatMap((other) => other.members.map((member) => member.toLowerCase())));
  const ownMembers = new Set(list.members.map((member) => member.toLowerCase()));
  for (const group of coordinatedGroups(study)) {
    const lower = group.members.map((member) => member.toLowerCase());
    if (lower.some((member) => otherMembers.has(member)) && !lower.some((member) => ownMembers.has(member))) {
      for (const member of group.members) offer(member, 1);
    }
  }
  const ranked = pool.sort((a, b) => b.score - a.score || a.text.length - b.text.length).map((entry) => entry.text);
  return chooseDistinct([...new Set(ranked)], [key, ...list.members], 5, random);
}

const groupCache = new WeakMap<Study, { members: string[]; sentenceId: number }[]>();

/** Noun phrases the material joins in lists ("green plants, algae and some bacteria"). */
export function coordinatedGroups(study: Study): { members: string[]; sentenceId: number }[] {
  let groups = groupCache.get(study);
  if (groups) return groups;
  groups = [];
  for (const sentence of study.material.sentences) {
    if (sentence.isRepeat) continue;
    const spans = findNounPhrases(sentence);
    let current: PhraseSpan[] = [];
    const close = () => {
      if (current.length >= 2) groups!.push({ members: current.map((span) => span.text), sentenceId: sentence.id });
      current = [];
    };
    for (const span of spans) {
      const previous = current[current.length - 1];
      const gap = previous ? sentence.tokens.slice(previous.end, span.start) : [];
      const isJoined =
        previous !== undefined &&
        gap.length > 0 &&
        gap.length <= 3 &&
        gap.every((token) => token.text === "," || token.pos === "CCONJ" || token.pos === "DET") &&
        gap.some((token) => token.text === "," || token.pos === "CCONJ");
      if (!isJoined) close();
      current.push(span);
    }
    close();
  }
  groupCache.set(study, groups);
  return groups;
}

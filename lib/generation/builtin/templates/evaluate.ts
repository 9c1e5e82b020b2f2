import { contentStems } from "@/lib/generation/text/words";
import { findNounPhrases } from "@/lib/generation/text/key-terms";
import type { Sentence } from "@/lib/generation/text/analyse-material";
import type { Candidate } from "../candidate";
import { capitalise, isSelfContained, lowerFirst, stripLeadIn, tidyClause, wordCount } from "../clauses";
import { chooseDistinct, isSameKind, pickTermDistractors } from "../distractors";
import { isWorkedExample } from "./remember";
import { shuffle, type Random } from "../random";
import { isSimilarLength, preferSharedWords, type TemplateContext } from "./shared";
import type { Study } from "../study-material";

interface Swap {
  original: string;
  /** Where the original stands in the sentence: only the slots it fills there make a term of its kind. */
  at: { sentenceId: number; start: number; end: number };
  replacement: string;
  /** The first clause of the sentence with the swap made. */
  claim: string;
}

/** The first clause of a sentence, if it reads on its own and is short enough to judge. */
function claimOf(sentence: Sentence): string | undefined {
  const clause = stripLeadIn(sentence.text.split(/; /)[0].replace(/[.!]$/, ""));
  // "… and the exchange proceeds as follows" points to what comes next in the text.
  if (isWorkedExample(clause) || /\bas follows$/i.test(clause)) return undefined;
  if (wordCount(clause) < 6 || wordCount(clause) > 24 || /[()":]/.test(clause) || !isSelfContained(clause, sentence, 24)) return undefined;
  return clause;
}

/** Terms of a clause that can be swapped for a same-kind term the material shows to be wrong here. */
function findSwaps(study: Study, sentence: Sentence, clause: string, random: Random, strictSlot: boolean): Swap[] {
  const swaps: Swap[] = [];
  const answerKeys = new Set(study.answerTerms.map((term) => term.key));
  for (const span of findNounPhrases(sentence)) {
    if (!answerKeys.has(span.key) || !clause.includes(span.text) || span.start === 0) continue;
    // Swap whole noun phrases only: the word after must not continue the phrase.
    const after = sentence.tokens[span.end];
    if (after && (after.pos === "NOUN" || after.pos === "PROPN")) continue;
    const at = { sentenceId: sentence.id, start: span.start, end: span.end };
    const [replacement] = pickTermDistractors(study, span.text, {
      stem: clause.replace(span.text, ""),
      statement: clause,
      sourceSentenceIds: [sentence.id],
      random,
      count: 1,
      sameSlot: true,
      strictSlot,
      at,
      // A right detail changed to a term the text states in the same slot elsewhere could be defended.
      notStatedInSlot: strictSlot,
      anyHead: strictSlot,
    });
    if (!replacement || clause.split(span.text).length !== 2) continue;
    swaps.push({ original: span.text, at, replacement, claim: withArticle(clause, span.text, replacement) });
  }
  return swaps;
}

/**
 * Check a claim against the text: a student's sentence has one detail wrong; which correction is the
 * right one? The wrong corrections would change details that were right.
 */
export function writeFindTheError({ study, random }: TemplateContext): Candidate[] {
  const candidates: Candidate[] = [];
  for (const sentence of study.material.sentences) {
    if (sentence.isRepeat) continue;
    const clause = claimOf(sentence);
    if (!clause) continue;
    // The error must be a wrong detail of the same kind. A wrong correction must be as plausible: a
    // term that shares a verb slot with the detail it replaces, is listed beside it or shares its head
    // ("Change 'air' to 'remains'" only shared the preposition "from"; "Third Estate" → "French
    // Revolution" shared nothing).
    const errors = findSwaps(study, sentence, clause, random, false);
    if (errors.length === 0) continue;
    // Any swapped detail may be the error; the first (in seeded order) with three wrong fixes is used.
    // Changes of right details, each to a term of the same kind in the same slot.
    const others = findSwaps(study, sentence, clause, random, true);
    let chosen: { error: Swap; claim: string; key: string; distractors: string[] } | undefined;
    let fallback: typeof chosen;
    for (const error of shuffle(errors, random)) {
      const claim = capitalise(error.claim);
      const key = `Change "${error.replacement}" to "${error.original}"`;
      // A wrong fix of the right spot comes first: it is the most tempting wrong answer, and it keeps
      // the changed word from appearing in the key alone (a stem-word cue). Only a term of the same
      // kind in the same slot: an ill-fitting one would be dismissed at a glance.
      const alternatives = pickTermDistractors(study, error.original, {
          stem: `${clause} ${error.replacement}`,
          statement: clause,
          sourceSentenceIds: [sentence.id],
          random,
          count: 2,
          sameSlot: true,
          strictSlot: true,
          at: error.at,
          // "Change 'greenhouses' to 'stroma'" on "photosynthesis takes place mainly in the leaves":
          // the text says the Calvin cycle takes place in the stroma, so a student could defend it.
          notStatedInSlot: true,
        });
      // Up to two wrong fixes of the right spot; the rest change details that were right.
      const distractors = alternatives.map((alternative) => `Change "${error.replacement}" to "${alternative}"`);
      distractors.push(
        ...others
          .filter((swap) => swap.original !== error.original && claim.includes(swap.original) && !error.original.includes(swap.original))
          .slice(0, 3 - distractors.length)
          .map((swap) => `Change "${swap.original}" to "${swap.replacement}"`),
      );
      // The right term put in the wrong spot: "Change 'leaves' to 'plants'" leaves "greenhouses" wrong.
      // Only over a detail of the same kind, so it reads as a fix (not "Change 'nitrogen' to 'soil'").
      distractors.push(...misplacedFixes(study, sentence, claim, error).slice(0, 3 - distractors.length));
      if (distractors.length < 3) continue;
      // Without a wrong fix of the right spot the swapped-in word appears in the key alone (a stem-word
      // cue): such an error is used only when no other error of the claim has one.
      fallback ??= { error, claim, key, distractors };
      if (alternatives.length > 0) {
        chosen = { error, claim, key, distractors };
        break;
      }
    }
    chosen ??= fallback;
    if (!chosen) continue;
    const { error, claim, key, distractors } = chosen;
    candidates.push({
      template: "find-the-error",
      level: "evaluate",
      question: `A student wrote: "${claim}." Which correction makes the statement agree with the text?`,
      key,
      distractors,
      explanation: `The text says "${error.original}", not "${error.replacement}": "${sentence.text}"`,
      sentenceIds: [sentence.id],
      fact: `sentence:${sentence.id}`,
      score: 2.6,
    });
  }
  return candidates;
}

/**
 * Wrong corrections that move the right term to another detail of the same form in the claim: the
 * error stays, so the statement still disagrees with the text, yet the right term is offered.
 */
function misplacedFixes(study: Study, sentence: Sentence, claim: string, error: Swap): string[] {
  const byKey = new Map(study.answerTerms.map((term) => [term.key, term]));
  const target = study.answerTerms.find((term) => term.text.toLowerCase() === error.original.toLowerCase());
  if (!target) return [];
  const fixes: string[] = [];
  for (const span of findNounPhrases(sentence)) {
    const term = byKey.get(span.key);
    if (!term || term === target || span.text === error.original || span.start === 0) continue;
    // Any shared slot will do here: the term offered is the right one, only its place is wrong.
    if (!isSameKind(study, span.text, error.original, false)) continue;
    if (term.isMisread || term.entity || target.entity) continue;
    const lower = span.text.toLowerCase();
    if ([error.original, error.replacement].some((text) => text.toLowerCase().includes(lower) || lower.includes(text.toLowerCase()))) continue;
    if (claim.split(span.text).length !== 2) continue;
    fixes.push(`Change "${span.text}" to "${error.original}"`);
  }
  return fixes;
}

/**
 * Judge which of four statements about one term the text supports; the other three are statements
 * from elsewhere in the text with one detail swapped, each checked to be unsupported.
 */
export function writeAccurateStatement({ study, random }: TemplateContext): Candidate[] {
  const candidates: Candidate[] = [];
  for (const term of study.answerTerms.slice(0, 25)) {
    const sentenceIds = [...new Set(term.occurrences.map((span) => span.sentenceId))].slice(0, 12);
    const claims = sentenceIds
      .map((id) => ({ sentence: study.material.sentences[id], clause: claimOf(study.material.sentences[id]) }))
      .filter((entry): entry is { sentence: Sentence; clause: string } => !!entry.clause && entry.clause.includes(term.text));
    if (claims.length < 4) continue;
    const [truth, ...rest] = shuffle(claims, random);
    const falsified: string[] = [];
    for (const other of rest) {
      const swap = findSwaps(study, other.sentence, other.clause, random, false).find(
        (candidate) => candidate.original !== term.text && isSimilarLength(candidate.claim, truth.clause, 1.6),
      );
      if (swap) falsified.push(capitalise(swap.claim));
      if (falsified.length === 3) break;
    }
    if (falsified.length < 3) continue;
    candidates.push({
      template: "accurate-statement",
      level: "evaluate",
      question: `Which statement about ${term.isProper || term.isPlural || /^[A-Z]{2}/.test(term.text) ? term.text : `the ${term.text}`} does the text support?`,
      key: capitalise(truth.clause),
      distractors: falsified,
      explanation: `Only this statement matches the text: "${truth.sentence.text}" Each of the others changes one detail of what the text says.`,
      sentenceIds: [truth.sentence.id],
      fact: `sentence:${truth.sentence.id}`,
      score: 2.4,
    });
  }
  return candidates;
}


// "an attacker" → "a client", not "an client": the article before a swapped phrase follows the new word.
function withArticle(clause: string, original: string, replacement: string): string {
  const article = /^[aeiou]/i.test(replacement) && !/^(?:uni|use|eu|one)/i.test(replacement) ? "an" : "a";
  const withArticleBefore = new RegExp(`\\b(?:a|an) ${escapeRegExp(original)}\\b`);
  return withArticleBefore.test(clause) ? clause.replace(withArticleBefore, `${article} ${replacement}`) : clause.replace(original, replacement);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Whether a stated case ("When both curves shift at once, the effect … may be uncertain") repeats the
 * claim only in its condition, and only by words the key repeats too: it then tells what follows from
 * the claim's outcome, not a case of the claim, so it cannot serve as evidence for it.
 */
function isFollowOnCase(clause: string, claimStems: Set<string>, cueStems: Set<string>): boolean {
  const comma = clause.indexOf(", ");
  if (comma < 0) return false;
  const condition = contentStems(clause.slice(0, comma));
  const outcome = contentStems(clause.slice(comma + 2));
  return (
    condition.some((stem) => cueStems.has(stem)) &&
    condition.every((stem) => cueStems.has(stem) || !claimStems.has(stem)) &&
    !outcome.some((stem) => claimStems.has(stem) || cueStems.has(stem))
  );
}

/**
 * Judge which evidence supports a claim: the text states a general claim and backs it with an example
 * ("By contrast, a change in any other factor shifts the entire curve. … For example, if a study
 * reports that blueberries are especially healthy, …"). The wrong answers are true details from other
 * sections, which support other claims, not this one.
 */
export function writeSupportingEvidence({ study, random }: TemplateContext): Candidate[] {
  const candidates: Candidate[] = [];
  for (const sentence of study.material.sentences) {
    if (sentence.isRepeat || sentence.isListItem || sentence.indexInParagraph === 0) continue;
    const lead = /^(?:For example|For instance),\s+/i.exec(sentence.text);
    if (!lead || isWorkedExample(sentence.text)) continue;
    const evidence = tidyClause(sentence.text.slice(lead[0].length).split(/; /)[0]);
    if (wordCount(evidence) < 6 || wordCount(evidence) > 28 || /["“”]/.test(evidence)) continue;
    // The claim is the nearest statement before it in the paragraph that reads on its own.
    const claim = [1, 2]
      .map((back) => study.material.sentences[sentence.id - back])
      .filter((before) => before && before.paragraph === sentence.paragraph)
      .map((before) => ({ before, clause: claimOf(before) }))
      .find((entry) => entry.clause);
    if (!claim?.clause) continue;
    // Wrong answers: details of other sections that share no word with the claim and state no case of
    // their own ("if …", "as happened to …"), so none could serve as evidence for it too.
    // The text's topic words ("bees" in a text on bees) are everywhere; only the claim's own words count.
    const common = study.material.sentences.length / 5;
    const claimStems = new Set(contentStems(claim.clause).filter((stem) => (study.sentencesByStem.get(stem)?.length ?? 0) <= common));
    const key = capitalise(evidence);
    const question = `Which detail from the text best supports the claim that ${lowerFirst(claim.clause, study.lowerVocabulary)}?`;
    const claimWords = new Set(contentStems(claim.clause));
    const cueStems = new Set(contentStems(key).filter((stem) => claimWords.has(stem)));
    const others = study.material.sentences
      .filter((other) => other.heading !== sentence.heading && !other.isRepeat && !other.isListItem)
      .map((other) => claimOf(other))
      .filter((clause): clause is string => !!clause && isSimilarLength(clause, evidence, 2))
      .filter((clause) => !/\b(?:as happened|for example|such as)\b/i.test(clause))
      .filter((clause) => (/^(?:if|when|unless)\b/i.test(clause) ? isFollowOnCase(clause, claimStems, cueStems) : !contentStems(clause).some((stem) => claimStems.has(stem))))
      .map(capitalise);
    // A word of the claim that the key repeats ("shifts") would point to the key: details that repeat
    // it come first. Those are only cases that start from it ("When both curves shift at once, …"):
    // what follows from the claim's outcome, which cannot show what brings that outcome about.
    const distractors = chooseDistinct(preferSharedWords(shuffle(others, random), key, question), [key], 5, random);
    if (distractors.length < 3) continue;
    candidates.push({
      template: "supporting-evidence",
      level: "evaluate",
      question,
      key,
      distractors,
      explanation: `The text gives this example right after the claim: "${claim.before.text} … ${sentence.text}" The other details are true but belong to other parts of the text.`,
      sentenceIds: [sentence.id, claim.before.id],
      fact: `sentence:${sentence.id}`,
      score: 2.5,
    });
  }
  return candidates;
}

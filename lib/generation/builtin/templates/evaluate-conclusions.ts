import type { Sentence } from "@/lib/generation/text/analyse-material";
import { contentStems } from "@/lib/generation/text/words";
import type { Candidate } from "../candidate";
import { capitalise, isSelfContained, lowerFirst, stripLeadIn, tidyClause, wordCount } from "../clauses";
import { hashString } from "../random";
import { quoteSource, type TemplateContext } from "./shared";

/**
 * Judge a student's conclusion against the text (Evaluate: critique). Every option is a judgment with
 * a reason, and every reason quotes the text as written. Exactly one option is right by the logic of
 * the case: the right judgment with the words that are its reason (the hedge, or the rule as stated);
 * the others pair the wrong judgment with those words, or either judgment with true words that are
 * not the reason (the claim without its hedge, words beside the point, the rule's outcome alone).
 *
 * - `overreaching-conclusion`: the text hedges a statement ("many people hoped …", "governments
 *   sometimes set prices …", "IP packets can be lost …") and the student drops the hedge ("all",
 *   "always", "will always"): the conclusion goes beyond the text. Where the hedge has a weaker form
 *   that it entails ("many" → "some", "usually" → "sometimes"), the student may draw that instead, and
 *   the conclusion follows; which one is asked is fixed by the sentence, so the key is not always
 *   "goes beyond".
 * - `reversed-conclusion`: the text states a present-tense rule ("when the tide is low, large ships
 *   wait outside") and the student runs it backwards ("whenever large ships wait outside, the tide is
 *   low"), affirming the consequent: the conclusion does not follow. It is a fallback: apply and create
 *   need the same rule sentences, so it is used only when no level can take the sentence.
 */
export function writeOverreachingConclusion({ study }: TemplateContext): Candidate[] {
  const candidates: Candidate[] = [];
  for (const sentence of study.material.sentences) {
    if (sentence.isListItem || sentence.isRepeat || /\?\s*$/.test(sentence.text)) continue;
    // A worked example or a made-up case states no general claim to overreach.
    if (/^(?:for example|for instance|imagine|suppose)\b/i.test(sentence.text) || (sentence.text.match(/\d+/g)?.length ?? 0) >= 2) continue;
    // An if/when rule is what apply and create carry out and plan from; it stays theirs.
    if (study.relations.rules.some((rule) => rule.sentenceId === sentence.id)) continue;
    const hedged = hedgedStatement(sentence);
    if (!hedged) continue;
    // Every reason quotes the text as written. The second reason is either the claim without its hedge
    // ("set prices directly"), which the stronger conclusion repeats, or words of the same sentence
    // beside the point ("absorbs red and blue light strongly"). The weaker conclusion is drawn only when
    // such words exist: "people hoped France would …" would also license "some people hoped …".
    const drawsWeaker = hedged.weaker !== undefined && hedged.aside !== undefined && hashString(sentence.text) % 2 === 1;
    const conclusion = drawsWeaker ? hedged.replace(hedged.weaker!) : hedged.replace(hedged.stronger);
    const follows = (reason: string) => `It follows: the text says "${reason}"`;
    const beyond = (reason: string) => `It goes beyond the text: the text says "${reason}"`;
    const key = drawsWeaker ? follows(hedged.phrase) : beyond(hedged.phrase);
    // Wrong: the right words with the wrong verdict; the wrong verdict with words that leave the hedge
    // out (the stronger conclusion seems to follow from them); the right verdict for a reason that is
    // not why (words beside the point, or the claim without the hedge, which shows nothing beyond it).
    const bare = hedged.bare ?? hedged.aside;
    const aside = hedged.aside ?? hedged.bare;
    if (!bare || !aside) continue;
    const distractors = drawsWeaker
      ? [beyond(hedged.phrase), beyond(bare), follows(aside)]
      : [follows(hedged.phrase), follows(bare), beyond(aside)];
    const why = drawsWeaker
      ? `The text says "${hedged.phrase}": "${hedged.hedge}" includes "${hedged.weaker}", so the conclusion follows.`
      : `The text says "${hedged.phrase}": "${hedged.hedge}", not "${hedged.stronger}", so the conclusion claims more than the text supports.`;
    candidates.push({
      template: "overreaching-conclusion",
      level: "evaluate",
      question: `A student reads the text and concludes: "${capitalise(conclusion)}." How well does the text support this conclusion?`,
      key,
      distractors,
      explanation: `${why} The text: "${quoteSource([sentence])}"`,
      sentenceIds: [sentence.id],
      fact: `conclusion:${sentence.id}`,
      score: 2.3,
    });
  }
  return candidates;
}

interface Hedged {
  /** The clause as the text states it. */
  statement: string;
  /** The hedge word or phrase as written ("many", "sometimes", "can be"). */
  hedge: string;
  /** What a student who drops the hedge writes in its place ("all", "always", "will always be"). */
  stronger: string;
  /** A weaker form the hedge entails ("some", "sometimes"), when there is one. */
  weaker?: string;
  replace: (word: string) => string;
  /** The hedge with the words it governs, as the text writes them ("many people hoped"). */
  phrase: string;
  /** The claim without its hedge, as the text writes it ("set prices directly"), when it says more than the phrase. */
  bare?: string;
  /** Words of the same sentence beside the hedged claim ("absorbs red and blue light strongly"), if any. */
  aside?: string;
}

// A quantifier before its noun: "many people", "most green light". Not "how many", "so many", "the most",
// "most widely used" (an adverb of degree) or "matter most".
const QUANTIFIER = /(^|\s)(many|most)(?= (?:of |[a-z]))/i;
const FREQUENCY = /(^|\s)(often|usually|generally|typically|sometimes|tend to)(?= [a-z])/i;
// "IP packets can be lost …": possibility; "crops can grow faster than …": a possible gain. A bare
// "can" ("guard cells can open the pore", "both sides can send data") states an ability, which dropping
// nothing could overreach, so it is not read.
const POSSIBILITY = /(^|\s)(can be|may be|may|can)(?= [a-z])/i;

const FUNCTION_WORD = /^(?:the|a|an|of|to|in|on|by|for|at|with|from|toward|towards|into)$/i;

const OPTION_VERBS = /^(?:written|used|expressed|described|seen|shown|called|found|measured|divided|read|made|converted|stored|split|turned|given|treated|thought)\b/;

function hedgedStatement(sentence: Sentence): Hedged | undefined {
  for (const part of sentence.text.replace(/[.!]$/, "").split(/; |: /)) {
    // The statement is the clause that holds the hedge, without what explains or contrasts it.
    const clause = tidyClause(stripLeadIn(part).replace(/,? (?:because|which|whereas|while|although|so that|so)\b.*$/, ""));
    if (wordCount(clause) < 4 || wordCount(clause) > 20 || /["“”()]/.test(clause) || /\d/.test(clause)) continue;
    if (!isSelfContained(clause, sentence, 20)) continue;
    // A statement that already says "all", "every", "only", "never" has no hedge left to drop.
    if (/\b(?:all|every|always|never|only|none|no)\b/i.test(clause)) continue;
    const hedged = readHedge(clause, sentence);
    if (hedged) return { ...hedged, aside: asideOf(sentence.text, part, clause, hedged.phrase) };
  }
  return undefined;
}

const ASIDE_WORD_LIMIT = 6;
const BARE_WORD_LIMIT = 8;

/** The last few words of a piece of the text, as written: a quote short enough to sit beside the hedge's. */
function lastWords(text: string, limit: number): string {
  const words = text.trim().split(/\s+/);
  // "the bridge opens to carts at noon", not "bridge opens …": an article stays with its noun.
  const start = Math.max(0, words.length - limit);
  return words.slice(start > 0 && /^(?:the|a|an)$/i.test(words[start - 1]) ? start - 1 : start).join(" ");
}

/**
 * Words of the sentence beside its hedged claim, quoted as written: the other half of a clause split
 * by "but" ("Chlorophyll absorbs red and blue light strongly but reflects most green light"), then
 * another part of the sentence ("…; unlike an absolute ruler, a constitutional monarch shares power
 * …"), then what the clause was cut from (", which is why leaves look green"). None from a piece that
 * holds the hedge, and none with quotes, brackets, figures or absolute words.
 */
function asideOf(text: string, part: string, clause: string, phrase: string): string | undefined {
  const pieces: string[] = [];
  const but = /^(.*?),? but (.*)$/.exec(clause);
  if (but) pieces.push(...but.slice(1, 3));
  for (const other of text.replace(/[.!]$/, "").split(/; |: /)) if (other !== part) pieces.push(stripLeadIn(other).split(", ").pop() ?? "");
  const tail = /,? (?:because|which|whereas|while|although|so that|so)\b(.*)$/.exec(part);
  if (tail) pieces.push(tail[1]);
  for (const piece of pieces.map(tidyClause)) {
    const quote = lastWords(piece, ASIDE_WORD_LIMIT);
    if (wordCount(quote) < 3 || /["“”()\d]/.test(quote) || /\b(?:all|every|always|never|only|none)\b/i.test(quote)) continue;
    if (piece.toLowerCase().includes(phrase.toLowerCase()) || !text.includes(quote)) continue;
    return quote;
  }
  return undefined;
}

function readHedge(clause: string, sentence: Sentence): Hedged | undefined {
  const build = (match: RegExpExecArray, stronger: string, weaker?: string): Hedged => {
    const start = match.index + match[1].length;
    const end = start + match[2].length;
    // At the start of the clause a replacement takes the capital of the word it replaces ("Many" → "Hardly any").
    const replace = (word: string) => `${clause.slice(0, start)}${start === 0 && /^[A-Z]/.test(clause) ? capitalise(word) : word}${clause.slice(end)}`;
    // The hedge with the two words it governs: "many people hoped", "sometimes set prices", "can be lost".
    // A quote does not stop on a function word or an adjective ("sometimes flood the lower streets").
    const words = clause.slice(end).split(",")[0].trim().split(/\s+/);
    const isAdjective = (word: string) => sentence.tokens.find((token) => token.lower === word.toLowerCase())?.pos === "ADJ";
    let count = Math.min(2, words.length);
    while (count < Math.min(4, words.length) && (FUNCTION_WORD.test(words[count - 1]) || isAdjective(words[count - 1]))) count++;
    const governed = words.slice(0, count).join(" ");
    const phrase = `${match[2].toLowerCase()} ${governed}`;
    // The claim without the hedge runs from the governed words to the end of the clause ("set prices
    // directly", "flood the lower streets"); two words ("green light") are too few to tempt anyone.
    // A long claim is cut after a few words, never on a function word ("would become a").
    const rest = clause.slice(end).trim().split(/\s+/);
    const kept = rest.slice(0, BARE_WORD_LIMIT);
    while (kept.length > count && (FUNCTION_WORD.test(kept[kept.length - 1]) || /^(?:would|will|and|or|but)$/i.test(kept[kept.length - 1]))) kept.pop();
    const bare = kept.length >= 3 ? kept.join(" ").replace(/[,;:]$/, "") : undefined;
    return { statement: clause, hedge: match[2].toLowerCase(), stronger, weaker, replace, phrase, bare };
  };
  const quantifier = QUANTIFIER.exec(clause);
  if (quantifier) {
    const next = clause.slice(quantifier.index + quantifier[0].length + 1).split(/\s+/)[0].toLowerCase();
    const token = sentence.tokens.find((candidate) => candidate.lower === next);
    const before = clause.slice(0, quantifier.index + quantifier[1].length).trim().split(/\s+/).pop()?.toLowerCase() ?? "";
    const isDeterminer = next === "of" || token?.pos === "NOUN" || token?.pos === "ADJ";
    // "unlike most other cells": a quantifier after a preposition names what the claim is set against.
    const isAfterPreposition = sentence.tokens.find((candidate) => candidate.lower === before)?.pos === "ADP";
    if (isDeterminer && !isAfterPreposition && !/^(?:how|so|too|as|the|very)$/.test(before)) return build(quantifier, "all", "some");
  }
  const frequency = FREQUENCY.exec(clause);
  if (frequency) {
    const word = frequency[2].toLowerCase();
    // "Markets tend to move …" → "Markets always move …": a tendency has no weaker form that it entails.
    return build(frequency, "always", word === "sometimes" || word === "tend to" ? undefined : "sometimes");
  }
  const possibility = POSSIBILITY.exec(clause);
  if (possibility) {
    const word = possibility[2].toLowerCase();
    const rest = clause.slice(possibility.index + possibility[0].length).trim();
    const isPassive = / be$/.test(word);
    // "can be written as an equation", "can be used …, converted … or stored …": what one may do with a
    // thing is an option, not a risk; "always" would make nonsense of it, or a list of fates that is true.
    if (isPassive && OPTION_VERBS.test(rest)) return undefined;
    const isGain = /^[a-z]+ (?:faster|more|less|higher|lower|larger|smaller)\b/.test(rest);
    if (!isPassive && !isGain) return undefined;
    return build(possibility, isPassive ? "will always be" : "will always");
  }
  return undefined;
}

/**
 * A present-tense rule run backwards: the text says "when A, B" and the student concludes "whenever B,
 * A" (affirming the consequent). The text states the rule one way only, so the conclusion does not
 * follow. The four options cross the two verdicts with two quotes of the text, the rule as stated and
 * its outcome alone ("B"), so the one right answer is the verdict "does not follow" with the rule the
 * text states. A rule whose words the text does not write as "when A, B" is not read: no option quotes
 * words the text does not contain. A past event ("each
 * Estate cast one vote, which meant …") is history, not a rule, and a "because" explains one event,
 * which reversing would make nonsense of; neither is read.
 */
export function writeReversedConclusion({ study }: TemplateContext): Candidate[] {
  const candidates: Candidate[] = [];
  const same = (a: string, b: string) => contentStems(a).sort().join(" ") === contentStems(b).sort().join(" ");
  for (const rule of study.relations.rules) {
    if (rule.isPast) continue;
    const sentence = study.material.sentences[rule.sentenceId];
    if (/^(?:for example|for instance|imagine|suppose)\b/i.test(sentence.text)) continue;
    const condition = lowerFirst(rule.condition, study.lowerVocabulary);
    const consequence = lowerFirst(rule.consequence, study.lowerVocabulary);
    // "may be uncertain", "can cause", "the opposite happens": no definite outcome to run backwards.
    if (/\b(?:may|might|can|could|opposite|uncertain)\b/i.test(`${condition} ${consequence}`)) continue;
    if (wordCount(condition) > 12 || wordCount(consequence) > 12) continue;
    // "when a plant is short of water, the plant's stomata close": a consequence that names the
    // condition's subject ("the plant's") cannot open the reversed statement.
    if (/^the [\w-]+['’]s\b/i.test(consequence)) continue;
    // When the text states the reverse too (as a rule or a cause), the reversed conclusion follows.
    const reverseStated =
      study.relations.rules.some((other) => same(other.condition, rule.consequence) && same(other.consequence, rule.condition)) ||
      study.relations.causes.some((other) => same(other.cause, rule.consequence) && same(other.effect, rule.condition));
    if (reverseStated) continue;
    // Both reasons quote the text as written: the rule as stated, and its outcome alone, which the
    // student's conclusion starts from and which shows nothing about what brought it about.
    const forwards = `"when ${condition}, ${consequence}"`;
    const outcome = `"${consequence}"`;
    if (!sentence.text.toLowerCase().includes(`${condition}, ${consequence}`.toLowerCase())) continue;
    const follows = (reason: string) => `It follows: the text says ${reason}`;
    const not = (reason: string) => `It does not follow: the text says ${reason}`;
    candidates.push({
      template: "reversed-conclusion",
      level: "evaluate",
      question: `A student reads the text and concludes: "Whenever ${consequence}, ${condition}." How well does the text support this conclusion?`,
      key: not(forwards),
      distractors: [follows(forwards), follows(outcome), not(outcome)],
      explanation: `The text states the rule one way only: when ${condition}, ${consequence}. It does not say that nothing else brings about that outcome, so the outcome does not show the condition. The text: "${quoteSource([sentence])}"`,
      sentenceIds: [sentence.id],
      fact: `conclusion:${sentence.id}`,
      // Apply carries the same rule out and create plans from it: the reversal waits until neither can
      // take the sentence, so judging it never costs those levels their scarce rules.
      isFallback: true,
      score: 2.2,
    });
  }
  return candidates;
}

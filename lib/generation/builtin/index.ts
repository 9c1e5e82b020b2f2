import { BLOOM_LEVELS, type BloomLevel } from "@/lib/generation/blooms";
import type { Generator, GenerationContext } from "@/lib/generation/generator";
import { BLOCKING_LINT_CODES, lintMcq } from "@/lib/generation/lint";
import type { GenerationWarning, LintFinding, Mcq } from "@/lib/generation/mcq";
import { contentStems, normaliseSpace } from "@/lib/generation/text/words";
import type { Candidate } from "./candidate";
import { checkMaterial, checkRawInput } from "./check-input";
import { createRandom, hashString, shuffle, type Random } from "./random";
import { studyMaterial, type Study } from "./study-material";
import { writeCauseAcrossSentences, writeOrder, writePlaceInSection, writeSortContrast } from "./templates/analyze";
import { writeFirstStep, writeNextStep, writeRuleToCase, writeRuleToInstance } from "./templates/apply";
import { writeDefinitionCutoff } from "./templates/apply-definitions";
import { writeFormulaNewValues } from "./templates/apply-formula";
import { writeVoteOutcome } from "./templates/apply-votes";
import { writeDateInPeriod, writeScaleRatio, writeShareOfWhole, writeThresholdCase } from "./templates/apply-quantities";
import { writeDesignInvestigation, writePlanForGoal, writePlanForPurpose } from "./templates/create";
import { writePlanFromMeans, writeTestCausalClaim, writeTestThreshold } from "./templates/create-claims";
import { writeAccurateStatement, writeFindTheError, writeSupportingEvidence } from "./templates/evaluate";
import { writeCheckTrace } from "./templates/evaluate-quantities";
import { writeOverreachingConclusion, writeReversedConclusion } from "./templates/evaluate-conclusions";
import { writeCompletion, writeExampleOf, writeTermForMeaning } from "./templates/remember";
import type { TemplateContext } from "./templates/shared";
import { writeCaseToConcept, writeContrast, writeEffectOfCause, writeExplainCause, writeMainIdea } from "./templates/understand";

export { GenerationInputError } from "./errors";

type Template = (context: TemplateContext) => Candidate[];

/** Every template, by the Bloom level of the cognitive process it exercises (docs/bloom-levels.md). */
const TEMPLATES: Record<BloomLevel, Template[]> = {
  remember: [writeTermForMeaning, writeCompletion, writeExampleOf],
  understand: [writeExplainCause, writeEffectOfCause, writeContrast, writeCaseToConcept, writeMainIdea],
  apply: [writeRuleToCase, writeRuleToInstance, writeNextStep, writeFirstStep, writeFormulaNewValues, writeScaleRatio, writeThresholdCase, writeShareOfWhole, writeDateInPeriod, writeVoteOutcome, writeDefinitionCutoff],
  analyze: [writeOrder, writeCauseAcrossSentences, writePlaceInSection, writeSortContrast],
  evaluate: [writeFindTheError, writeAccurateStatement, writeSupportingEvidence, writeCheckTrace, writeOverreachingConclusion, writeReversedConclusion],
  create: [writePlanForGoal, writeDesignInvestigation, writePlanForPurpose, writeTestCausalClaim, writePlanFromMeans, writeTestThreshold],
};

const SHORT_REASONS: Record<BloomLevel, string> = {
  remember: "the material has too few defined terms and key facts to ask about",
  understand: "the material states too few reasons, contrasts or described cases to explain",
  apply: "the material states too few rules, step-by-step procedures or quantities to apply to a new case",
  analyze: "the material has too few ordered steps, dated events, linked causes or sections to analyse",
  evaluate: "the material has too few checkable statements with details that could be swapped",
  create: "the material states too few rules, causal claims or goals with their means to plan from",
};

/**
 * The built-in generator: English only, offline and deterministic. It over-generates candidates from
 * every template, drops those the item linter blocks, and picks per level the best-ranked set that
 * covers the material without asking the same fact twice.
 */
export const generateBuiltin: Generator = async (input, context) => {
  const total = BLOOM_LEVELS.reduce((sum, level) => sum + input.counts[level], 0);
  await report(context, 0, total, "reading material");
  checkRawInput(input.passages);
  const study = studyMaterial(input.passages);
  checkMaterial(study.material);
  throwIfAborted(context);

  const seed = hashString(input.passages.map((passage) => passage.text).join("\n")) ^ (input.seed ?? 0);
  const random = createRandom(seed);
  const sourceText = input.passages.map((passage) => passage.text).join("\n\n");
  const excluded = new Set((input.exclude ?? []).map(normaliseStem));
  const coverage: Coverage = { facts: new Set(), shown: new Set(), keys: new Set(), sentences: new Map(), asked: [] };
  const mcqs: Mcq[] = [];
  const warnings: GenerationWarning[] = [];

  const pools = new Map<BloomLevel, Candidate[]>();
  for (const level of BLOOM_LEVELS) {
    if (input.counts[level] === 0) continue;
    const candidates = TEMPLATES[level]
      .flatMap((template) => template({ study, random, seed }))
      .filter((candidate) => !excluded.has(normaliseStem(candidate.question)));
    pools.set(level, candidates);
    throwIfAborted(context);
  }
  const states: LevelState[] = [...pools].map(([level, candidates]) => ({
    level,
    requested: input.counts[level],
    ranked: rankCandidates(candidates, random),
    delivered: 0,
    usedSections: new Map(),
    usedTemplates: new Map(),
    flagged: [],
    isExhausted: false,
    hasOnlyFlagged: false,
  }));
  const accept = (state: LevelState, candidate: Candidate, mcq: Mcq, section: string) => {
    cover(coverage, candidate, mcq.options);
    state.usedSections.set(section, (state.usedSections.get(section) ?? 0) + 1);
    state.usedTemplates.set(candidate.template, (state.usedTemplates.get(candidate.template) ?? 0) + 1);
    mcqs.push(mcq);
    state.delivered++;
  };
  // One question at a time, always for the level with the fewest usable sentences per question still
  // owed: a remember question has many alternatives, a create question few, so the latter should not
  // lose its only sentence or key to the former. Questions with a lint finding wait until no level can
  // take a clean one, so a flagged fallback never takes a sentence another level would use cleanly.
  let allowFlagged = false;
  for (;;) {
    const open = states.filter(
      (state) => !state.isExhausted && state.delivered < state.requested && (allowFlagged || !state.hasOnlyFlagged),
    );
    if (open.length === 0) {
      if (allowFlagged) break;
      allowFlagged = true;
      continue;
    }
    // Coverage changes only when a question is accepted, so each open level's usable candidates are
    // read once per turn and serve its scarcity, the sentences others want, and its own pick.
    const usable = new Map(open.map((state) => [state, state.ranked.filter((candidate) => isUnused(candidate, coverage))]));
    // Two questions on one sentence (a cause asked both ways) are one option: a sentence carries one.
    const scarcity = new Map(open.map((state) => [state, wantedSentences(usable.get(state)!).size / (state.requested - state.delivered)]));
    const state = open.reduce((best, next) => (scarcity.get(next)! < scarcity.get(best)! ? next : best));
    const wanted = new Set(open.filter((other) => other !== state).flatMap((other) => [...wantedSentences(usable.get(other)!)]));
    const taken = takeOne(state, usable.get(state)!, study, coverage, random, sourceText, wanted, allowFlagged);
    if (!taken) {
      if (allowFlagged) state.isExhausted = true;
      else state.hasOnlyFlagged = true;
      continue;
    }
    accept(state, taken.candidate, taken.mcq, taken.section);
    throwIfAborted(context);
    await report(context, mcqs.length, total, `writing question ${mcqs.length} of ${total}`);
  }
  for (const state of states) {
    if (state.delivered >= state.requested) continue;
    warnings.push({
      code: "level_short",
      bloom_level: state.level,
      requested: state.requested,
      delivered: state.delivered,
      message: `Only ${state.delivered} of ${state.requested} ${state.level} questions could be written because ${SHORT_REASONS[state.level]}; a language model can write more.`,
    });
  }
  // Present the set level by level, lowest first, whatever order the levels were filled in.
  const byLevel = (a: { bloom_level?: BloomLevel }, b: { bloom_level?: BloomLevel }) =>
    BLOOM_LEVELS.indexOf(a.bloom_level!) - BLOOM_LEVELS.indexOf(b.bloom_level!);
  mcqs.sort(byLevel);
  warnings.sort(byLevel);
  return warnings.length > 0 ? { mcqs, warnings } : { mcqs };
};

interface Built {
  candidate: Candidate;
  mcq: Mcq;
  findings: LintFinding[];
  section: string;
}

interface LevelState {
  level: BloomLevel;
  requested: number;
  ranked: Candidate[];
  delivered: number;
  usedSections: Map<string, number>;
  usedTemplates: Map<string, number>;
  /** Questions with a non-blocking finding, and fallbacks, wait here; used only when clean ones run out. */
  flagged: Built[];
  isExhausted: boolean;
  /** No clean question is left; the level waits for the flagged round. */
  hasOnlyFlagged: boolean;
}

/** The sentences a level's usable candidates rest on; fallbacks wait, so they want none. */
function wantedSentences(usable: Candidate[]): Set<number> {
  return new Set(usable.filter((candidate) => !candidate.isFallback).map((candidate) => candidate.sentenceIds[0]));
}

/** The level's next question: the best clean one, else a fallback or the least-flagged one still unused. */
function takeOne(
  state: LevelState,
  usable: Candidate[],
  study: Study,
  coverage: Coverage,
  random: Random,
  sourceText: string,
  wanted: Set<number>,
  allowFlagged: boolean,
): Built | undefined {
  for (;;) {
    const pick = pickNext(usable, study, state.usedSections, state.usedTemplates, wanted);
    if (!pick) break;
    state.ranked.splice(state.ranked.indexOf(pick.candidate), 1);
    usable.splice(usable.indexOf(pick.candidate), 1);
    const built = buildMcq(pick.candidate, study, random, sourceText);
    if (!built) continue;
    const entry = { candidate: pick.candidate, ...built, section: pick.section };
    if (built.findings.length === 0 && !pick.candidate.isFallback) return entry;
    state.flagged.push(entry);
  }
  if (!allowFlagged) return undefined;
  state.flagged.sort((a, b) => a.findings.length - b.findings.length || b.candidate.score - a.candidate.score);
  const index = state.flagged.findIndex((entry) => isUnused(entry.candidate, coverage));
  if (index < 0) return undefined;
  const [entry] = state.flagged.splice(index, 1);
  if (entry.findings.length > 0) entry.mcq.lint = entry.findings;
  return entry;
}

function normaliseStem(stem: string): string {
  return normaliseSpace(stem).toLowerCase();
}

// Lint findings are costly to compute per candidate, so ranking uses the template score and a seeded
// jitter (a different seed reorders near-equal candidates); the linter runs on the picks.
function rankCandidates(candidates: Candidate[], random: Random): Candidate[] {
  const jitter = new Map(candidates.map((candidate) => [candidate, random.next() * 1.2]));
  return [...candidates].sort(
    (a, b) => b.score + jitter.get(b)! - (a.score + jitter.get(a)!) || a.question.localeCompare(b.question),
  );
}

const CONTESTED_SENTENCE_COST = 1;

/** The best of the level's usable candidates, spread over sections and templates. */
function pickNext(
  usable: Candidate[],
  study: Study,
  usedSections: Map<string, number>,
  usedTemplates: Map<string, number>,
  wanted: Set<number>,
): { candidate: Candidate; section: string } | undefined {
  let best: { candidate: Candidate; section: string; value: number } | undefined;
  for (const candidate of usable) {
    const section = study.material.sentences[candidate.sentenceIds[0]].heading ?? "";
    // Spread the set over sections and templates: each repeat costs a little rank.
    // A sentence another level could still ask about costs more: each sentence carries one question.
    const value =
      candidate.score -
      0.6 * (usedSections.get(section) ?? 0) -
      0.5 * (usedTemplates.get(candidate.template) ?? 0) -
      (wanted.has(candidate.sentenceIds[0]) ? CONTESTED_SENTENCE_COST : 0);
    if (!best || value > best.value) best = { candidate, section, value };
  }
  return best;
}

/** What the accepted questions already test, so no two test the same thing or give each other away. */
interface Coverage {
  /** What each accepted question tests, and the link between the sentences it rests on (see factsOf). */
  facts: Set<string>;
  /** Facts the accepted questions' options show as correct. */
  shown: Set<string>;
  keys: Set<string>;
  /** The sentence each accepted question rests on (its first), with the templates that used it. */
  sentences: Map<number, string[]>;
  asked: (CandidateStems & { key: string; options: string[] })[];
}

/**
 * What a question tests: its fact and, when it rests on two or more sentences, the link between them.
 * Two questions on the same sentences test the same link, whichever of them each cites first ("As a
 * result, hunger and anger grew" read with the rise in the price of bread before it: tracing the outcome
 * to the rise, and planning a test of that link, whose stem names both).
 */
function factsOf(candidate: Candidate): string[] {
  if (candidate.sentenceIds.length < 2) return [candidate.fact];
  return [candidate.fact, `link:${[...candidate.sentenceIds].sort((a, b) => a - b).join(",")}`];
}

function cover(coverage: Coverage, candidate: Candidate, options: string[]): void {
  for (const fact of factsOf(candidate)) coverage.facts.add(fact);
  for (const fact of candidate.shows ?? []) coverage.shown.add(fact);
  coverage.keys.add(candidate.key.toLowerCase());
  const id = candidate.sentenceIds[0];
  coverage.sentences.set(id, [...(coverage.sentences.get(id) ?? []), candidate.template]);
  coverage.asked.push({
    ...candidateStems(candidate),
    key: candidate.key.toLowerCase(),
    options: options.map((option) => option.toLowerCase()),
  });
}

function isUnused(candidate: Candidate, coverage: Coverage): boolean {
  if (factsOf(candidate).some((fact) => coverage.facts.has(fact)) || coverage.keys.has(candidate.key.toLowerCase())) return false;
  // Interdependent items: an option shown as correct in one question must not answer another.
  if (coverage.shown.has(candidate.fact) || candidate.shows?.some((fact) => coverage.facts.has(fact))) return false;
  const used = coverage.sentences.get(candidate.sentenceIds[0]);
  if (used && !used.every((template) => canShareSentence(template, candidate.template))) return false;
  // Interdependent items: "… for a legal maximum price?" (Price ceiling) and "… for a legal minimum
  // price?" (Price floor), each offering the other's key; answering one answers the other by elimination.
  if (coverage.asked.some((asked) => answersByAntonym(asked, candidate))) return false;
  // No question whose stem answers another: a short key whose words all appear in the other stem.
  const { stemStems, keyStems } = candidateStems(candidate);
  return !coverage.asked.some(
    (asked) =>
      (reveals(stemStems, asked.keyStems) && sharesContext(asked.stemStems, stemStems, asked.keyStems)) ||
      (reveals(asked.stemStems, keyStems) && sharesContext(stemStems, asked.stemStems, keyStems)),
  );
}

// Word pairs whose swap turns one stem into its mirror ("a legal maximum price" / "a legal minimum price").
const ANTONYM_PAIRS = [
  ["maximum", "minimum"],
  ["max", "min"],
  ["above", "below"],
  ["higher", "lower"],
  ["highest", "lowest"],
  ["high", "low"],
  ["more", "less"],
  ["more", "fewer"],
  ["most", "least"],
  ["larger", "smaller"],
  ["largest", "smallest"],
  ["greater", "smaller"],
  ["rise", "fall"],
  ["rises", "falls"],
  ["rising", "falling"],
  ["rose", "fell"],
  ["increase", "decrease"],
  ["increases", "decreases"],
  ["increased", "decreased"],
  ["increasing", "decreasing"],
  ["first", "last"],
  ["before", "after"],
  ["upper", "lower"],
  ["up", "down"],
  ["upward", "downward"],
  ["input", "output"],
  ["inputs", "outputs"],
  ["start", "end"],
  ["begin", "end"],
  ["earlier", "later"],
  ["earliest", "latest"],
  ["surplus", "shortage"],
  ["buyers", "sellers"],
  ["buyer", "seller"],
  ["gain", "loss"],
  ["positive", "negative"],
  ["open", "close"],
  ["opens", "closes"],
];

const ANTONYMS = new Set(ANTONYM_PAIRS.flatMap(([a, b]) => [`${a}|${b}`, `${b}|${a}`]));

function stemWords(question: string): string[] {
  return question.toLowerCase().match(/[a-z0-9]+(?:['’-][a-z0-9]+)*/g) ?? [];
}

/** Whether two stems read the same apart from one antonym pair ("maximum" / "minimum"). */
function isMirrorStem(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  const differing = a.flatMap((word, index) => (word === b[index] ? [] : [index]));
  return differing.length === 1 && ANTONYMS.has(`${a[differing[0]]}|${b[differing[0]]}`);
}

/**
 * Two questions whose stems are mirrors and whose keys each appear among the other's options: whoever
 * answers one rules its key out of the other (and the reverse), so only one of the two is asked. The
 * candidate's options are not chosen yet; any of its ranked wrong answers may be among them.
 */
function answersByAntonym(asked: Coverage["asked"][number], candidate: Candidate): boolean {
  if (!isMirrorStem(asked.words, candidateStems(candidate).words)) return false;
  const pool = candidate.distractors.slice(0, MAX_DISTRACTOR_POOL).map((option) => option.toLowerCase());
  return asked.options.includes(candidate.key.toLowerCase()) && pool.includes(asked.key);
}

// Pairs of templates that may rest on one sentence: each pair exercises two processes, and neither stem
// states the other's key (docs/bloom-levels.md, "Selection", gives the reason for each pair).
const SHARABLE_SENTENCE = new Set([
  "rule-to-case|design-investigation", // the design stem names the two quantities, not the rule's direction
  "first-step|order-steps", // the first-step stem names no step; the order stem says none is first
  "check-trace|formula-new-values", // different values of one worked example; shown values are declared (`shows`)
  "effect-of-cause|vote-outcome", // the new vote splits the members unlike the text's own case
  "threshold-case|test-threshold", // the plan names the scale, not what happens beyond the threshold
  "term-for-meaning|definition-cutoff", // the apply stem names the term, not its meaning
]);

function canShareSentence(a: string, b: string): boolean {
  return SHARABLE_SENTENCE.has(`${a}|${b}`) || SHARABLE_SENTENCE.has(`${b}|${a}`);
}

interface CandidateStems {
  stemStems: Set<string>;
  keyStems: string[];
  /** The stem's words in order, for mirror stems. */
  words: string[];
}

// Read once per candidate: isUnused runs on every candidate at every turn.
const stemsCache = new WeakMap<Candidate, CandidateStems>();

function candidateStems(candidate: Candidate): CandidateStems {
  let stems = stemsCache.get(candidate);
  if (!stems) {
    stems = { stemStems: new Set(contentStems(candidate.question)), keyStems: revealableStems(candidate.key), words: stemWords(candidate.question) };
    stemsCache.set(candidate, stems);
  }
  return stems;
}

function reveals(stem: Set<string>, keyStems: string[]): boolean {
  return keyStems.length > 0 && keyStems.every((word) => stem.has(word));
}

// The fixed wording of a template's stem ("Complete the statement from the text: …") is shared by all
// its questions and tells nothing about their content.
const FRAME_STEMS = new Set(contentStems("complete the statement from the text"));

// A stem that merely names another question's answer does not give it away; one that also repeats
// that question's context (two more of its words) does.
function sharesContext(askedStem: Set<string>, otherStem: Set<string>, keyStems: string[]): boolean {
  let shared = 0;
  for (const word of askedStem) if (otherStem.has(word) && !keyStems.includes(word) && !FRAME_STEMS.has(word)) shared++;
  return shared >= 2;
}

// Term-like keys (up to four words) can be read off another stem; whole clauses and orders cannot.
function revealableStems(key: string): string[] {
  if (/^\d+(?:,\s*\d+)+$/.test(key) || key.split(/\s+/).length > 4) return [];
  return contentStems(key);
}

// Templates offer up to six ranked wrong answers; the first three that give no cue (longest option, a
// stem word only the key repeats) are used.
const MAX_DISTRACTOR_POOL = 6;

/**
 * The candidate as a question with the best three of its wrong answers: the first trio (in rank
 * order) without lint findings, else the one with fewest; undefined when every trio is blocked.
 */
function buildMcq(
  candidate: Candidate,
  study: Study,
  random: Random,
  sourceText: string,
): { mcq: Mcq; findings: LintFinding[] } | undefined {
  const pool = candidate.distractors.slice(0, MAX_DISTRACTOR_POOL);
  let best: { trio: string[]; findings: LintFinding[] } | undefined;
  for (const trio of trios(pool)) {
    const mcq = toMcq(candidate, trio, study);
    const findings = lintMcq(mcq, sourceText);
    if (findings.some((finding) => BLOCKING_LINT_CODES.has(finding.code))) continue;
    if (!best || findings.length < best.findings.length) best = { trio, findings };
    if (findings.length === 0) break;
  }
  if (!best) return undefined;
  const mcq = toMcq(candidate, best.trio, study);
  mcq.options = shuffle(mcq.options, random);
  return { mcq, findings: best.findings };
}

/** Three-element subsets of a ranked list, best-ranked first. */
function trios(items: string[]): string[][] {
  const result: string[][] = [];
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      for (let k = j + 1; k < items.length; k++) result.push([items[i], items[j], items[k]]);
    }
  }
  return result.sort((a, b) => rankSum(items, a) - rankSum(items, b));
}

function rankSum(items: string[], trio: string[]): number {
  return trio.reduce((sum, item) => sum + items.indexOf(item), 0);
}

function toMcq(candidate: Candidate, distractors: string[], study: Study): Mcq {
  const sentence = study.material.sentences[candidate.sentenceIds[0]];
  const passage = sentence.passage;
  const options = [candidate.key, ...distractors];
  const source: Mcq["source"] = { quote: sentence.text };
  if (passage.document) source.document = passage.document;
  if (passage.page) source.page = passage.page;
  const heading = sentence.heading ?? passage.heading;
  if (heading) source.heading = heading;
  return {
    question: candidate.question,
    options,
    correct_answer: candidate.key,
    bloom_level: candidate.level,
    explanation: candidate.explanation,
    source,
    generator: "builtin",
  };
}

function throwIfAborted(context: GenerationContext): void {
  if (context.signal.aborted) throw context.signal.reason ?? new Error("Generation was aborted");
}

async function report(context: GenerationContext, done: number, total: number, stage: string): Promise<void> {
  await context.onProgress?.({ done, total, stage });
}


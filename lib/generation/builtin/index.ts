import { BLOOM_LEVELS, type BloomLevel } from "@/lib/generation/blooms";
import type { Generator, GenerationContext } from "@/lib/generation/generator";
import { BLOCKING_LINT_CODES, lintMcq } from "@/lib/generation/lint";
import type { GenerationWarning, LintFinding, Mcq } from "@/lib/generation/mcq";
import { contentStems, normaliseSpace } from "@/lib/generation/text/words";
import type { Candidate } from "./candidate";
import { checkMaterial, checkRawInput } from "./check-input";
import { createRandom, hashString, shuffle, type Random } from "./random";
import { studyMaterial, type Study } from "./study-material";
import { writeCauseAcrossSentences, writeOrder, writePlaceInSection } from "./templates/analyze";
import { writeNextStep, writeRuleToCase } from "./templates/apply";
import { writePlanForGoal } from "./templates/create";
import { writeAccurateStatement, writeFindTheError } from "./templates/evaluate";
import { writeCompletion, writeExampleOf, writeTermForMeaning } from "./templates/remember";
import type { TemplateContext } from "./templates/shared";
import { writeCaseToConcept, writeContrast, writeExplainCause } from "./templates/understand";

export { GenerationInputError } from "./errors";

type Template = (context: TemplateContext) => Candidate[];

/** Every template, by the Bloom level of the cognitive process it exercises (docs/bloom-levels.md). */
const TEMPLATES: Record<BloomLevel, Template[]> = {
  remember: [writeTermForMeaning, writeCompletion, writeExampleOf],
  understand: [writeExplainCause, writeContrast, writeCaseToConcept],
  apply: [writeRuleToCase, writeNextStep],
  analyze: [writeOrder, writeCauseAcrossSentences, writePlaceInSection],
  evaluate: [writeFindTheError, writeAccurateStatement],
  create: [writePlanForGoal],
};

const SHORT_REASONS: Record<BloomLevel, string> = {
  remember: "the material has too few defined terms and key facts to ask about",
  understand: "the material states too few reasons, contrasts or described cases to explain",
  apply: "the material states too few rules or step-by-step procedures to apply to a case",
  analyze: "the material has too few ordered steps, dated events, linked causes or sections to analyse",
  evaluate: "the material has too few checkable statements with details that could be swapped",
  create: "the material states too few present-tense rules or causes to plan from",
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
  const coverage: Coverage = { facts: new Set(), keys: new Set(), sentences: new Set(), asked: [] };
  const mcqs: Mcq[] = [];
  const warnings: GenerationWarning[] = [];

  const pools = new Map<BloomLevel, Candidate[]>();
  for (const level of BLOOM_LEVELS) {
    if (input.counts[level] === 0) continue;
    const candidates = TEMPLATES[level]
      .flatMap((template) => template({ study, random }))
      .filter((candidate) => !excluded.has(normaliseStem(candidate.question)));
    pools.set(level, candidates);
    throwIfAborted(context);
  }
  // The scarcest level chooses first: a remember question has many alternatives, a create question
  // few, so the latter should not lose its only sentence or key to the former.
  const order = [...pools.keys()].sort(
    (a, b) => pools.get(a)!.length / input.counts[a] - pools.get(b)!.length / input.counts[b] || BLOOM_LEVELS.indexOf(a) - BLOOM_LEVELS.indexOf(b),
  );
  for (const level of order) {
    const requested = input.counts[level];
    const ranked = rankCandidates(pools.get(level)!, random);
    let delivered = 0;
    const usedSections = new Map<string, number>();
    const usedTemplates = new Map<string, number>();
    // Questions with a non-blocking finding wait here; they are used only when clean ones run out.
    const flagged: { candidate: Candidate; mcq: Mcq; findings: LintFinding[]; section: string }[] = [];
    const accept = (candidate: Candidate, mcq: Mcq, section: string) => {
      cover(coverage, candidate);
      usedSections.set(section, (usedSections.get(section) ?? 0) + 1);
      usedTemplates.set(candidate.template, (usedTemplates.get(candidate.template) ?? 0) + 1);
      mcqs.push(mcq);
      delivered++;
    };
    while (delivered < requested) {
      const pick = pickNext(ranked, study, coverage, usedSections, usedTemplates);
      if (!pick) break;
      ranked.splice(ranked.indexOf(pick.candidate), 1);
      const built = buildMcq(pick.candidate, study, random, sourceText);
      if (!built) continue;
      if (built.findings.length > 0) {
        flagged.push({ candidate: pick.candidate, ...built, section: pick.section });
        continue;
      }
      accept(pick.candidate, built.mcq, pick.section);
      throwIfAborted(context);
      await report(context, mcqs.length, total, `writing question ${mcqs.length} of ${total}`);
    }
    flagged.sort((a, b) => a.findings.length - b.findings.length || b.candidate.score - a.candidate.score);
    for (const entry of flagged) {
      if (delivered >= requested) break;
      if (!isUnused(entry.candidate, coverage)) continue;
      entry.mcq.lint = entry.findings;
      accept(entry.candidate, entry.mcq, entry.section);
      await report(context, mcqs.length, total, `writing question ${mcqs.length} of ${total}`);
    }
    if (delivered < requested) {
      warnings.push({
        code: "level_short",
        bloom_level: level,
        requested,
        delivered,
        message: `Only ${delivered} of ${requested} ${level} questions could be written because ${SHORT_REASONS[level]}; a language model can write more.`,
      });
    }
  }
  // Present the set level by level, lowest first, whatever order the levels were filled in.
  const byLevel = (a: { bloom_level?: BloomLevel }, b: { bloom_level?: BloomLevel }) =>
    BLOOM_LEVELS.indexOf(a.bloom_level!) - BLOOM_LEVELS.indexOf(b.bloom_level!);
  mcqs.sort(byLevel);
  warnings.sort(byLevel);
  return warnings.length > 0 ? { mcqs, warnings } : { mcqs };
};

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

function pickNext(
  ranked: Candidate[],
  study: Study,
  coverage: Coverage,
  usedSections: Map<string, number>,
  usedTemplates: Map<string, number>,
): { candidate: Candidate; section: string } | undefined {
  let best: { candidate: Candidate; section: string; value: number } | undefined;
  for (const candidate of ranked) {
    if (!isUnused(candidate, coverage)) continue;
    const section = study.material.sentences[candidate.sentenceIds[0]].heading ?? "";
    // Spread the set over sections and templates: each repeat costs a little rank.
    const value = candidate.score - 0.6 * (usedSections.get(section) ?? 0) - 0.5 * (usedTemplates.get(candidate.template) ?? 0);
    if (!best || value > best.value) best = { candidate, section, value };
  }
  return best;
}

/** What the accepted questions already test, so no two test the same thing or give each other away. */
interface Coverage {
  facts: Set<string>;
  keys: Set<string>;
  /** The sentence each accepted question rests on (its first); supporting sentences may be shared. */
  sentences: Set<number>;
  asked: { keyStems: string[]; stemStems: Set<string> }[];
}

function cover(coverage: Coverage, candidate: Candidate): void {
  coverage.facts.add(candidate.fact);
  coverage.keys.add(candidate.key.toLowerCase());
  coverage.sentences.add(candidate.sentenceIds[0]);
  coverage.asked.push({ keyStems: revealableStems(candidate.key), stemStems: new Set(contentStems(candidate.question)) });
}

function isUnused(candidate: Candidate, coverage: Coverage): boolean {
  if (coverage.facts.has(candidate.fact) || coverage.keys.has(candidate.key.toLowerCase())) return false;
  if (coverage.sentences.has(candidate.sentenceIds[0])) return false;
  // No question whose stem answers another: a short key whose words all appear in the other stem.
  const stemStems = new Set(contentStems(candidate.question));
  const keyStems = revealableStems(candidate.key);
  return !coverage.asked.some(
    (asked) =>
      (asked.keyStems.length > 0 && asked.keyStems.every((stem) => stemStems.has(stem))) ||
      (keyStems.length > 0 && keyStems.every((stem) => asked.stemStems.has(stem))),
  );
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


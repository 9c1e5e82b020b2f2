import { BLOOM_LEVELS, totalQuestions, type BloomLevel } from "@/lib/generation/blooms";
import type { GenerationContext, GenerationInput, Generator } from "@/lib/generation/generator";
import { BLOCKING_LINT_CODES, lintMcq } from "@/lib/generation/lint";
import type { GenerationWarning, Mcq } from "@/lib/generation/mcq";
import { JobFailedError } from "@/lib/jobs/job-errors";
import { askForJson } from "./ask-for-json";
import { buildExcerpts, groupExcerpts, type Excerpt } from "./build-excerpts";
import { buildBatchMessages, buildReaskMessage, QUESTION_LIST_SCHEMA } from "./build-prompt";
import type { ChatMessage } from "./llm-client";
import { LlmCallError, toJobFailure } from "./llm-errors";
import type { LlmProvider } from "./llm-provider";
import { locateQuote } from "./locate-quote";
import { normaliseCandidate, normaliseText } from "./normalise-candidate";
import { readQuestionList } from "./parse-json-reply";
import type { UsageMeter } from "./usage-meter";

/** Questions asked for in one call: enough to be efficient, few enough for small models to get right. */
export const BATCH_SIZE = 5;
/** Calls per batch: the first ask and up to two re-asks for what was missing or invalid. */
export const MAX_ROUNDS = 3;

// A previous reply is sent back with a re-ask so the model sees what it wrote; long ones are cut.
const MAX_ECHOED_REPLY_CHARS = 8_000;

export interface LlmGeneratorOptions {
  meter?: UsageMeter;
}

interface Run {
  provider: LlmProvider;
  input: GenerationInput;
  signal: AbortSignal;
  meter?: UsageMeter;
  /** The material's excerpts in windows that each fit one call. */
  groups: Excerpt[][];
  /** Normalised stems of every question accepted (any level) or excluded by the teacher. */
  seen: Set<string>;
  accepted: string[];
  total: number;
  report: (stage: string) => Promise<void>;
}

interface LevelOutcome {
  mcqs: Mcq[];
  problems: string[];
}

/**
 * The language-model generator. Per Bloom level it asks in batches of five, each over a window of
 * numbered excerpts; every item is normalised, checked (four distinct options, one correct answer
 * among them, the level asked for, no repeats), grounded (its quote must be found in the material)
 * and linted. What is missing or invalid is asked for again, with the reasons, for at most
 * MAX_ROUNDS calls per batch; a level still short ends with a warning saying why.
 */
export function createLlmGenerator(provider: LlmProvider, options: LlmGeneratorOptions = {}): Generator {
  return async (input, context) => {
    const excerpts = buildExcerpts(input.passages);
    if (excerpts.length === 0) throw new JobFailedError("The material is empty; there is nothing to ask about.");
    // The first level to fail for good stops the others, so a dead server is not called six times over.
    const stopOthers = new AbortController();
    const run: Run = {
      provider,
      input,
      signal: AbortSignal.any([context.signal, stopOthers.signal]),
      meter: options.meter,
      groups: groupExcerpts(excerpts),
      seen: new Set((input.exclude ?? []).map(normaliseText)),
      accepted: [],
      total: totalQuestions(input.counts),
      report: async (stage) => {
        await context.onProgress?.({ done: run.accepted.length, total: run.total, stage });
      },
    };
    await run.report("asking the language model");
    let outcomes: LevelOutcome[];
    try {
      outcomes = await Promise.all(
        BLOOM_LEVELS.map((level, index) =>
          generateLevel(run, level, index).catch((error: unknown) => {
            stopOthers.abort(error);
            throw error;
          }),
        ),
      );
    } catch (error) {
      if (context.signal.aborted) throw context.signal.reason;
      if (error instanceof LlmCallError) throw toJobFailure(error);
      throw error;
    }
    return assembleResult(run, outcomes);
  };
}

function assembleResult(run: Run, outcomes: LevelOutcome[]): { mcqs: Mcq[]; warnings?: GenerationWarning[] } {
  const mcqs = outcomes.flatMap((outcome) => outcome.mcqs);
  const warnings: GenerationWarning[] = [];
  BLOOM_LEVELS.forEach((level, index) => {
    const requested = run.input.counts[level];
    const delivered = outcomes[index].mcqs.length;
    if (delivered >= requested) return;
    warnings.push({
      code: "level_short",
      bloom_level: level,
      requested,
      delivered,
      message: `Only ${delivered} of ${requested} ${level} questions passed the checks after ${MAX_ROUNDS} tries with the language model; the last problems were: ${summarise(outcomes[index].problems)}.`,
    });
  });
  if (mcqs.length === 0) {
    const problems = outcomes.flatMap((outcome) => outcome.problems);
    throw new JobFailedError(`The language model wrote no usable questions; the problems were: ${summarise(problems)}.`);
  }
  return warnings.length > 0 ? { mcqs, warnings } : { mcqs };
}

async function generateLevel(run: Run, level: BloomLevel, levelIndex: number): Promise<LevelOutcome> {
  const requested = run.input.counts[level];
  const mcqs: Mcq[] = [];
  // Batches of one level run one after another so each can be told what the last one wrote.
  for (let batch = 0; mcqs.length < requested; batch++) {
    const count = Math.min(BATCH_SIZE, requested - mcqs.length);
    // Each batch of each level starts from another part of long material; the seed shifts the start.
    const start = ((run.input.seed ?? 0) % run.groups.length) + levelIndex + batch;
    const excerpts = run.groups[start % run.groups.length];
    const outcome = await runBatch(run, level, count, excerpts);
    mcqs.push(...outcome.mcqs);
    if (outcome.mcqs.length < count) return { mcqs, problems: outcome.problems };
  }
  return { mcqs, problems: [] };
}

async function runBatch(run: Run, level: BloomLevel, count: number, excerpts: Excerpt[]): Promise<LevelOutcome> {
  const avoid = () => [...(run.input.exclude ?? []), ...run.accepted];
  const opening = buildBatchMessages({ level, count, excerpts, title: run.input.title, avoid: avoid() });
  const mcqs: Mcq[] = [];
  let messages: ChatMessage[] = opening;
  let problems: string[] = [];
  for (let round = 1; round <= MAX_ROUNDS && mcqs.length < count; round++) {
    if (round > 1) await run.report(`asking the language model again for ${count - mcqs.length} ${level} question(s)`);
    const need = count - mcqs.length;
    const { reply } = await askForJson(run.provider, { messages, schemaName: "mcq_list", schema: QUESTION_LIST_SCHEMA }, run.signal, run.meter);
    problems = [];
    if (reply.finishReason === "length") problems.push("the reply was cut off before it ended; keep explanations short");
    const list = readQuestionList(reply.content);
    if ("reason" in list) {
      problems.push(list.reason);
    } else {
      // Items beyond what was asked for are ignored: the count is ours to decide, not the model's.
      for (const [index, item] of list.items.entries()) {
        if (mcqs.length >= count) break;
        const verdict = checkItem(run, item, level, excerpts);
        if ("reason" in verdict) {
          problems.push(`question ${index + 1}: ${verdict.reason}`);
        } else {
          mcqs.push(verdict.mcq);
          run.accepted.push(verdict.mcq.question);
        }
      }
      if (list.items.length < need && mcqs.length < count) {
        problems.push(`the reply had ${list.items.length} question${list.items.length === 1 ? "" : "s"} where ${need} were asked for`);
      }
    }
    await run.report(`writing ${level} questions with the language model`);
    if (mcqs.length >= count) break;
    messages = [
      ...opening,
      { role: "assistant", content: reply.content.slice(0, MAX_ECHOED_REPLY_CHARS) },
      { role: "user", content: buildReaskMessage({ level, count: count - mcqs.length, avoid: avoid(), problems }) },
    ];
  }
  return { mcqs, problems };
}

/** Accepts one item as a question, or says why not in words the model can act on. */
function checkItem(run: Run, item: unknown, level: BloomLevel, shown: Excerpt[]): { mcq: Mcq } | { reason: string } {
  const normalised = normaliseCandidate(item);
  if (!normalised.ok) return { reason: normalised.reason };
  const candidate = normalised.candidate;
  if (candidate.bloom_level && candidate.bloom_level !== level) {
    return { reason: `it is labelled "${candidate.bloom_level}" but "${level}" questions were asked for` };
  }
  const stem = normaliseText(candidate.question);
  if (run.seen.has(stem)) return { reason: "it repeats a question that was already written" };
  if (!candidate.quote) return { reason: "quote is missing; quote the sentence of the material that supports the answer" };
  // The cited excerpt first, then the others the model was shown (it cannot quote what it never
  // saw): a wrong number is repaired, not fatal.
  const cited = shown.find((excerpt) => excerpt.number === candidate.excerpt);
  const located = locateQuote(candidate.quote, cited ? [cited, ...shown.filter((excerpt) => excerpt !== cited)] : shown);
  if ("reason" in located) return { reason: located.reason };
  const { excerpt } = located;
  const source: Mcq["source"] = { quote: located.text };
  if (excerpt.document) source.document = excerpt.document;
  if (excerpt.page) source.page = excerpt.page;
  if (excerpt.heading) source.heading = excerpt.heading;
  const mcq: Mcq = {
    question: candidate.question,
    options: candidate.options,
    correct_answer: candidate.correct_answer,
    bloom_level: level,
    explanation: candidate.explanation,
    source,
    generator: "llm",
  };
  const findings = lintMcq(mcq, excerpt.text);
  const blocking = findings.filter((finding) => BLOCKING_LINT_CODES.has(finding.code));
  if (blocking.length > 0) return { reason: blocking.map((finding) => finding.message).join(" ") };
  if (findings.length > 0) mcq.lint = findings;
  run.seen.add(stem);
  return { mcq };
}

function summarise(problems: string[]): string {
  const distinct = [...new Set(problems)];
  if (distinct.length === 0) return "none recorded";
  const shown = distinct.slice(0, 3).map((problem) => (problem.length > 200 ? `${problem.slice(0, 197)}…` : problem));
  return shown.join("; ") + (distinct.length > 3 ? ` (and ${distinct.length - 3} more)` : "");
}

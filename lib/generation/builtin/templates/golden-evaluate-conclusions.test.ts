import { describe, expect, it } from "vitest";
import { lintMcq } from "@/lib/generation/lint";
import type { Mcq } from "@/lib/generation/mcq";
import type { Candidate } from "../candidate";
import { createRandom } from "../random";
import { studyMaterial } from "../study-material";
import { generateBuiltin } from "../index";
import { writeOverreachingConclusion, writeReversedConclusion } from "./evaluate-conclusions";

// Hand-written passages (not the shared samples). Each conclusion is judged by hand below.
const HARBOUR = `The Old Harbour

## Trade

Many merchants moved their warehouses to the new docks. Fishing boats usually leave the harbour before dawn. Storms sometimes flood the lower streets. Ships can be delayed by fog in the narrow channel.

## Rules of the Port

When the tide is low, large ships wait outside the harbour wall. The harbour master keeps a record of every arrival.`;

const PLAIN = `Volcanoes

## How They Form

A volcano forms where molten rock reaches the surface. The molten rock is called magma below ground and lava above it. When magma rises, the ground swells. The island of Hawaii was built by lava flows.`;

const context = (text: string) => ({ study: studyMaterial([{ text }]), random: createRandom(1) });
const byStatement = (candidates: Candidate[], pattern: RegExp) => candidates.find((candidate) => pattern.test(candidate.explanation));

describe("golden (evaluate): judging a student's conclusion against the text", () => {
  const candidates = writeOverreachingConclusion(context(HARBOUR));

  it("judges each hedge by its logic: the stronger claim goes beyond the text, the weaker one follows", () => {
    const storms = byStatement(candidates, /Storms sometimes flood/)!;
    // "sometimes" has no weaker form: the student can only overreach to "always".
    expect(storms.question).toContain('"Storms always flood the lower streets."');
    expect(storms.key).toBe('It goes beyond the text: the text says "sometimes flood the lower streets"');
    const fog = byStatement(candidates, /Ships can be delayed/)!;
    expect(fog.question).toContain('"Ships will always be delayed by fog in the narrow channel."');
    expect(fog.key).toBe('It goes beyond the text: the text says "can be delayed by fog"');
    for (const candidate of [byStatement(candidates, /Many merchants/)!, byStatement(candidates, /usually leave/)!]) {
      const weaker = /concludes: "(?:Some|[^"]* sometimes )/.test(candidate.question);
      // The key follows the conclusion drawn: "some"/"sometimes" follows, "all"/"always" goes beyond.
      expect(candidate.key.startsWith(weaker ? "It follows:" : "It goes beyond the text:")).toBe(true);
    }
  });

  it("offers no wrong option that is also right: the right verdict comes only with the text's own words", () => {
    for (const candidate of candidates) {
      const stated = /the text says "([^"]+)"/.exec(candidate.key)![1];
      const verdict = candidate.key.split(":")[0];
      for (const distractor of candidate.distractors) {
        const reason = /the text says "([^"]+)"/.exec(distractor)![1];
        // Either the verdict is wrong, or the reason quotes words the text does not contain.
        expect(distractor.split(":")[0] !== verdict || !HARBOUR.includes(reason)).toBe(true);
        if (reason !== stated) expect(HARBOUR.includes(reason)).toBe(false);
      }
    }
  });

  it("leaves if/when rules to apply and create, and writes nothing on a text without hedged claims", () => {
    expect(candidates.some((candidate) => /tide is low/.test(candidate.explanation))).toBe(false);
    expect(writeOverreachingConclusion(context(PLAIN))).toEqual([]);
  });

  it("reads no option of what one may do with a thing and no ability as a hedge", () => {
    const text = "Equations\n\nThe reaction can be written as a word equation. Guard cells can open the pore. The glucose can be used for respiration, converted into sucrose, or stored as starch.";
    expect(writeOverreachingConclusion(context(text))).toEqual([]);
  });

  it("writes lint-clean, grounded questions", () => {
    for (const candidate of candidates) {
      const mcq: Mcq = {
        question: candidate.question,
        options: [candidate.key, ...candidate.distractors],
        correct_answer: candidate.key,
        bloom_level: "evaluate",
        explanation: candidate.explanation,
        source: { quote: context(HARBOUR).study.material.sentences[candidate.sentenceIds[0]].text },
        generator: "builtin",
      };
      expect(lintMcq(mcq, HARBOUR)).toEqual([]);
    }
  });

  it("reverses a present-tense rule: the text states it one way, so the reversed conclusion does not follow", () => {
    const [reversed, ...others] = writeReversedConclusion(context(HARBOUR));
    expect(others).toEqual([]);
    expect(reversed.question).toContain('"Whenever large ships wait outside the harbour wall, the tide is low."');
    expect(reversed.key).toBe('It does not follow: the text says "when the tide is low, large ships wait outside the harbour wall"');
    // The rule as stated with "follows" affirms the consequent; the reversed rule is not what the text says.
    expect(reversed.distractors).toEqual([
      'It follows: the text says "when the tide is low, large ships wait outside the harbour wall"',
      'It follows: the text says "when large ships wait outside the harbour wall, the tide is low"',
      'It does not follow: the text says "when large ships wait outside the harbour wall, the tide is low"',
    ]);
    expect(reversed.isFallback).toBe(true);
  });

  it("reverses no because-explanation, no past event, no rule with an uncertain outcome and no rule stated both ways", () => {
    const text = `Rivers

## Flow

The harbour is busy because the docks are deep. When the king died in 1650, the court moved to the coast. When both gates open at once, the level may change. When the sluice opens, the mill wheel turns. When the mill wheel turns, the sluice opens.`;
    expect(writeReversedConclusion(context(text))).toEqual([]);
  });

  it("leaves the rules to apply when apply is asked for them, and judges a reversal only when no level needs the rule", async () => {
    const text = `Life in the Port

## Rules of the Port

When the tide is low, large ships wait outside the harbour wall. When a storm warning is raised, the fishing boats stay in port. When fog rolls in, the lighthouse sounds its horn. When the ice melts in spring, the river floods the lower quay.`;
    const run = (counts: { apply: number; evaluate: number }) =>
      generateBuiltin({ passages: [{ text }], counts: { remember: 0, understand: 0, analyze: 0, create: 0, ...counts }, seed: 1 }, { signal: new AbortController().signal });
    // Four rules, four apply questions: a reversal never takes one of them.
    const both = await run({ apply: 4, evaluate: 1 });
    expect(both.mcqs.filter((mcq) => mcq.bloom_level === "apply")).toHaveLength(4);
    expect(both.mcqs.filter((mcq) => mcq.bloom_level === "evaluate")).toEqual([]);
    const alone = await run({ apply: 0, evaluate: 1 });
    expect(alone.mcqs.map((mcq) => mcq.bloom_level)).toEqual(["evaluate"]);
    expect(alone.mcqs[0].question).toMatch(/^A student reads the text and concludes: "Whenever /);
    expect(alone.mcqs[0].lint).toBeUndefined();
  });
});

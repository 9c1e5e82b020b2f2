import { describe, expect, it } from "vitest";
import { lintMcq } from "@/lib/generation/lint";
import type { Candidate } from "../candidate";
import { generateBuiltin } from "../index";
import { writeOverreachingConclusion, writeReversedConclusion } from "./evaluate-conclusions";
import { candidateAsMcq, templateContext } from "./golden-helpers";

// Hand-written passages (not the shared samples). Each conclusion is judged by hand below.
const HARBOUR = `The Old Harbour

## Trade

Many merchants moved their warehouses to the new docks. Fishing boats usually leave the harbour before dawn. Storms sometimes flood the lower streets. Ships can be delayed by fog in the narrow channel. The old market hall stands empty, but many traders sell fish at the quay. Ferries usually cross in the morning; the bridge opens to carts at noon.

## Rules of the Port

When the tide is low, large ships wait outside the harbour wall. The harbour master keeps a record of every arrival.`;

const PLAIN = `Volcanoes

## How They Form

A volcano forms where molten rock reaches the surface. The molten rock is called magma below ground and lava above it. When magma rises, the ground swells. The island of Hawaii was built by lava flows.`;

const byStatement = (candidates: Candidate[], pattern: RegExp) => candidates.find((candidate) => pattern.test(candidate.explanation));
// Every quoted span of an option ("It follows: the text says "…"") as the text writes it.
const quotesOf = (option: string) => [...option.matchAll(/"([^"]+)"/g)].map((match) => match[1]);
const inText = (text: string, quote: string) => text.toLowerCase().includes(quote.toLowerCase());

describe("golden (evaluate): judging a student's conclusion against the text", () => {
  const candidates = writeOverreachingConclusion(templateContext(HARBOUR));

  it("judges each hedge by its logic: the stronger claim goes beyond the text, the weaker one follows", () => {
    const storms = byStatement(candidates, /Storms sometimes flood/)!;
    // "sometimes" has no weaker form: the student can only overreach to "always".
    expect(storms.question).toContain('"Storms always flood the lower streets."');
    expect(storms.key).toBe('It goes beyond the text: the text says "sometimes flood the lower streets"');
    const fog = byStatement(candidates, /Ships can be delayed/)!;
    expect(fog.question).toContain('"Ships will always be delayed by fog in the narrow channel."');
    expect(fog.key).toBe('It goes beyond the text: the text says "can be delayed by fog"');
    const ferries = byStatement(candidates, /Ferries usually cross/)!;
    // "usually" includes "sometimes": the weaker conclusion follows, for the reason of the hedge.
    expect(ferries.question).toContain('"Ferries sometimes cross in the morning."');
    expect(ferries.key).toBe('It follows: the text says "usually cross in the morning"');
    const traders = byStatement(candidates, /many traders sell/)!;
    expect(traders.question).toContain('"The old market hall stands empty, but some traders sell fish at the quay."');
    expect(traders.key).toBe('It follows: the text says "many traders sell"');
    for (const candidate of [byStatement(candidates, /Many merchants/)!, byStatement(candidates, /Fishing boats usually/)!]) {
      const weaker = /concludes: "(?:Some|[^"]* sometimes )/.test(candidate.question);
      // The key follows the conclusion drawn: "some"/"sometimes" follows, "all"/"always" goes beyond.
      expect(candidate.key.startsWith(weaker ? "It follows:" : "It goes beyond the text:")).toBe(true);
    }
  });

  it("quotes only the text: every option's quote is in the material, and none is an antonym of the hedge", () => {
    expect(candidates).toHaveLength(6);
    for (const candidate of candidates) {
      for (const option of [candidate.key, ...candidate.distractors]) {
        const quotes = quotesOf(option);
        expect(quotes).toHaveLength(1);
        for (const quote of quotes) expect(inText(HARBOUR, quote), `${option} quotes words the text does not contain`).toBe(true);
        expect(option).not.toMatch(/hardly any|rarely|cannot/);
      }
    }
  });

  it("has exactly one right option: the right verdict with the hedge as its reason", () => {
    for (const candidate of candidates) {
      const options = [candidate.key, ...candidate.distractors];
      const verdict = candidate.key.split(":")[0];
      const hedge = quotesOf(candidate.key)[0];
      // The reason is the hedge with the words it governs, as the text writes them.
      expect(hedge).toMatch(/^(?:many|most|usually|often|sometimes|tend to|can be|can|may be|may) /);
      const right = options.filter((option) => option.split(":")[0] === verdict && quotesOf(option)[0] === hedge);
      expect(right).toEqual([candidate.key]);
      // The wrong options: the hedge with the wrong verdict, and two that quote words without the hedge.
      expect(options.filter((option) => quotesOf(option)[0] === hedge)).toHaveLength(2);
      for (const option of options.filter((option) => quotesOf(option)[0] !== hedge)) expect(quotesOf(option)[0]).not.toContain(hedge.split(" ")[0]);
      // Each verdict is offered twice, so neither gives the key away.
      expect(options.filter((option) => option.split(":")[0] === verdict)).toHaveLength(2);
    }
  });

  it("pairs a conclusion that follows with a quote beside the point, never with the claim without its hedge", () => {
    // "It follows: the text says "traders sell fish at the quay"" would be right too: "traders sell"
    // licenses "some traders sell". The follows-verdict distractor quotes the other half of the sentence.
    const traders = byStatement(candidates, /many traders sell/)!;
    expect(traders.distractors).toEqual([
      'It goes beyond the text: the text says "many traders sell"',
      'It goes beyond the text: the text says "traders sell fish at the quay"',
      'It follows: the text says "The old market hall stands empty"',
    ]);
  });

  it("leaves if/when rules to apply and create, and writes nothing on a text without hedged claims", () => {
    expect(candidates.some((candidate) => /tide is low/.test(candidate.explanation))).toBe(false);
    expect(writeOverreachingConclusion(templateContext(PLAIN))).toEqual([]);
  });

  it("reads no option of what one may do with a thing and no ability as a hedge", () => {
    const text = "Equations\n\nThe reaction can be written as a word equation. Guard cells can open the pore. The glucose can be used for respiration, converted into sucrose, or stored as starch.";
    expect(writeOverreachingConclusion(templateContext(text))).toEqual([]);
  });

  it("writes lint-clean, grounded questions", () => {
    for (const candidate of candidates) {
      expect(lintMcq(candidateAsMcq(templateContext(HARBOUR).study, candidate), HARBOUR)).toEqual([]);
    }
  });

  it("reverses a present-tense rule: the text states it one way, so the reversed conclusion does not follow", () => {
    const [reversed, ...others] = writeReversedConclusion(templateContext(HARBOUR));
    expect(others).toEqual([]);
    expect(reversed.question).toContain('"Whenever large ships wait outside the harbour wall, the tide is low."');
    expect(reversed.key).toBe('It does not follow: the text says "when the tide is low, large ships wait outside the harbour wall"');
    // The rule as stated with "follows" affirms the consequent; the outcome alone is in the text but is
    // no reason either way. Every quote is the text's own words.
    expect(reversed.distractors).toEqual([
      'It follows: the text says "when the tide is low, large ships wait outside the harbour wall"',
      'It follows: the text says "large ships wait outside the harbour wall"',
      'It does not follow: the text says "large ships wait outside the harbour wall"',
    ]);
    for (const option of [reversed.key, ...reversed.distractors]) for (const quote of quotesOf(option)) expect(inText(HARBOUR, quote)).toBe(true);
    expect(reversed.isFallback).toBe(true);
  });

  it("reverses no because-explanation, no past event, no rule with an uncertain outcome and no rule stated both ways", () => {
    const text = `Rivers

## Flow

The harbour is busy because the docks are deep. When the king died in 1650, the court moved to the coast. When both gates open at once, the level may change. When the sluice opens, the mill wheel turns. When the mill wheel turns, the sluice opens.`;
    expect(writeReversedConclusion(templateContext(text))).toEqual([]);
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

import { describe, expect, it } from "vitest";
import { generateBuiltin } from "@/lib/generation/builtin";
import type { Mcq } from "@/lib/generation/mcq";
import { createRandom } from "../random";
import { studyMaterial } from "../study-material";
import { writeFirstStep, writeNextStep } from "./apply";
import { writeCheckTrace } from "./evaluate-quantities";

// A hand-written passage (not a shared sample) with a worked example of five traced values, two of
// them computed by rules a sentence states (route = p + 1, delivery = v + 2).
const DEPOT = `Numbering Parcels at a Depot

## The Rule

When a parcel arrives, the depot gives it a tracking number, say p. The label the courier prints carries a route number of p + 1. The driver who takes the parcel reads a van number, say v, and writes a delivery number of v + 2 on the slip.

For example, if the depot gives p = 200 and the driver reads v = 700, the depot logs ARRIVAL (num = 200), the courier prints LABEL (num = 200, route = 201), and the driver writes SLIP (van = 700, delivery = 702).`;

const TRACE_OPTION = /^([A-Z][A-Za-z-]*): ([a-z]+) = \d+$/;

/** The traced values (label.field) a question asks, and those its options show as correct. */
function readTraces(mcq: Mcq): { asks: string[]; shows: string[] } {
  const formula = /what ([a-z]+) number(?: \([a-z]+\))? does the ([A-Z][A-Za-z-]*) carry\?/.exec(mcq.question);
  if (formula) return { asks: [`${formula[2]}.${formula[1]}`], shows: [] };
  if (!/worked example again/.test(mcq.question)) return { asks: [], shows: [] };
  const traced = (option: string) => {
    const [, label, field] = TRACE_OPTION.exec(option)!;
    return `${label}.${field}`;
  };
  return {
    asks: [traced(mcq.correct_answer)],
    shows: mcq.options.filter((option) => option !== mcq.correct_answer).map(traced),
  };
}

describe("golden (interdependent items): a trace check never shows a value another question asks", () => {
  it("offers each check with every choice of three shown values, and declares them", () => {
    const study = studyMaterial([{ text: DEPOT }]);
    const checks = writeCheckTrace({ study, random: createRandom(1), seed: 1 });
    const wrongRoute = checks.filter((candidate) => candidate.key.startsWith("LABEL: route"));
    // The other four values, three at a time: four variants (fewer only where a slip would point to the key).
    expect(wrongRoute.length).toBeGreaterThanOrEqual(3);
    for (const candidate of wrongRoute) {
      // The value it asks about (its explanation gives the right one) and the three it shows.
      expect(candidate.shows).toHaveLength(4);
      expect(candidate.shows![0]).toMatch(/LABEL\.route$/);
      expect(candidate.distractors).toHaveLength(3);
      expect(candidate.shows!.slice(1).some((fact) => fact.endsWith("LABEL.route"))).toBe(false);
    }
    // One check per worked example.
    expect(new Set(checks.map((candidate) => candidate.fact)).size).toBe(1);
  });

  for (const seed of [1, 2, 3, 4, 5]) {
    it(`keeps the set free of cross-question answers (seed ${seed})`, async () => {
      const result = await generateBuiltin(
        { passages: [{ text: DEPOT }], counts: { remember: 0, understand: 0, apply: 2, analyze: 0, evaluate: 2, create: 0 }, seed },
        { signal: new AbortController().signal },
      );
      const read = result.mcqs.map(readTraces);
      const computed = read.filter((item) => item.asks.length > 0);
      // One check and one rule carried over at least: the check leaves out the value the other asks.
      expect(computed.length).toBeGreaterThanOrEqual(2);
      read.forEach((item, index) => {
        for (const other of read.filter((_, otherIndex) => otherIndex !== index)) {
          for (const asked of item.asks) expect(other.shows).not.toContain(asked);
        }
      });
      const asked = read.flatMap((item) => item.asks);
      expect(new Set(asked).size).toBe(asked.length);
    });
  }
});

// A present-tense procedure of four marked steps: "what happens next?" asked from step 1 has step 2 as
// its key, and asked from step 2 shows step 2 as done in its stem.
const POTTERY = `Making a Pot

## The Method

First, the potter wedges the clay on a plaster board to push out the air. Then the potter centres the clay on a spinning wheel with wet hands. Next, the potter opens the clay and pulls up the walls into a cylinder. Finally, the potter fires the dried pot in a kiln for eight hours. Unfired clay crumbles when it gets wet. When a kiln heats too fast, pots can crack. Glazes contain silica, which melts into glass.`;

describe("golden (interdependent items): a step shown as done in one stem is asked in no other question", () => {
  it("declares the step its stem shows, which is what the question from the step before asks", () => {
    const study = studyMaterial([{ text: POTTERY }]);
    const next = writeNextStep({ study, random: createRandom(1), seed: 1 });
    const [first] = writeFirstStep({ study, random: createRandom(1), seed: 1 });
    expect(next.length).toBeGreaterThanOrEqual(2);
    for (const candidate of next) {
      const shown = /this has just happened: (.+)\. What happens next\?$/.exec(candidate.question)![1].toLowerCase();
      // The question whose key is the step this stem shows (first-step, or next-step from the step before).
      const answered = [first, ...next].filter((other) => other.key.toLowerCase() === shown);
      expect(answered.length).toBeGreaterThan(0);
      for (const other of answered) expect(candidate.shows).toContain(other.fact);
    }
  });
});

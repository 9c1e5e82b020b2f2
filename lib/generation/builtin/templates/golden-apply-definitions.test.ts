import { describe, expect, it } from "vitest";
import { lintMcq } from "@/lib/generation/lint";
import { writeDefinitionCutoff } from "./apply-definitions";
import { candidateAsMcq, templateContext } from "./golden-helpers";

// Hand-written passages (not the shared samples): a definition restated as a cut-off, carried out on a
// value the text never states.
const READING = `The Reading Log

## Bookmarks

A reader keeps one bookmark in each book, and the log records it at 120 and at 340 pages. The bookmark position is the next page number the reader expects to read; in other words, it covers every page before that number.`;

const PARCELS = `The Depot

## Receipts

The receipt count is the next parcel number the depot will log; that is, it confirms each parcel up to and including that number.`;

function candidates(text: string, seed = 1) {
  const context = templateContext(text, seed);
  return { study: context.study, list: writeDefinitionCutoff(context) };
}

describe("golden (definition-cutoff): a stated cut-off carried out on a new value", () => {
  for (const seed of [1, 2, 3]) {
    it(`asks what a new value covers, with one right option (seed ${seed})`, () => {
      const { study, list } = candidates(READING, seed);
      expect(list).toHaveLength(1);
      const [candidate] = list;
      const value = /is (\d+)\./.exec(candidate.question)![1];
      // A value the text never states, so the case is new.
      expect(["120", "340"]).not.toContain(value);
      expect(candidate.level).toBe("apply");
      expect(candidate.question).toBe(`Suppose a bookmark position is ${value}. Following the text, what does it cover?`);
      expect(candidate.key).toBe(`Every page before ${value}`);
      // Each wrong answer counts the value itself in: exactly one option leaves it out.
      expect(candidate.distractors).toEqual([`Every page up to and including ${value}`, `Only page ${value}`, `Every page from ${value} on`]);
      const excludesValue = [candidate.key, ...candidate.distractors].filter((option) => /before/.test(option));
      expect(excludesValue).toEqual([candidate.key]);
      // "Every page up to and including <value - 1>" says the same as the key and is never offered.
      expect(candidate.distractors.join(" ")).not.toContain(String(Number(value) - 1));
      expect(lintMcq(candidateAsMcq(study, candidate), READING)).toEqual([]);
    });
  }

  it("keeps an inclusive cut-off inclusive", () => {
    const { study, list } = candidates(PARCELS);
    expect(list).toHaveLength(1);
    const [candidate] = list;
    const value = /is (\d+)\./.exec(candidate.question)![1];
    expect(candidate.question).toBe(`Suppose a receipt count is ${value}. Following the text, what does it confirm?`);
    expect(candidate.key).toBe(`Every parcel up to and including ${value}`);
    expect(candidate.distractors).toEqual([
      `Every parcel before ${value}`,
      `Every parcel up to and including ${Number(value) + 1}`,
      `Only parcel ${value}`,
      `Every parcel after ${value}`,
    ]);
    // The first three wrong answers, as the generator tries them first.
    expect(lintMcq(candidateAsMcq(study, candidate, candidate.distractors.slice(0, 3)), PARCELS)).toEqual([]);
  });

  it("writes nothing without a stated cut-off, for a past definition, another bound or a pronoun subject", () => {
    for (const text of [
      "The Log\n\nThe bookmark position is the next page number the reader expects to read.",
      "The Log\n\nThe bookmark position was the next page number the reader expected to read; in other words, it covered every page before that number.",
      "The Log\n\nThe bookmark position is the next page number the reader expects to read; in other words, it covers every page before the deadline.",
      "The Log\n\nIt is the next page number the reader expects to read; in other words, it covers every page before that number.",
      "The Log\n\nThe bookmark position is a page number the reader chooses; in other words, it covers every page before that number.",
    ]) {
      expect(candidates(text).list).toEqual([]);
    }
  });
});

import { describe, expect, it } from "vitest";
import { createRandom } from "../random";
import { studyMaterial } from "../study-material";
import { writeFindTheError } from "./evaluate";

// Hand-written passages (not the shared samples). Each holds the trap behind a find-the-error defect a
// teacher found: a swapped-in term or a wrong fix that shares only a preposition with the detail it
// replaces, or that another sentence of the text would defend.

// "in the second stage" opens its clause (a stage), "the gas in the upper air" hangs on a noun (a
// place), "runs in the matrix" follows the verb another stage takes: none is of the other's kind.
const RESPIRATION = `How Cells Release Energy

## The Stages

Cells release energy in two main stages. First, in the first reactions, glucose is split in the cytoplasm of the cell into two smaller molecules. Then, in the second stage, known as the Krebs cycle, the mitochondrion uses oxygen to break the smaller molecules down into carbon dioxide and water. The Krebs cycle runs in the matrix, the fluid inside the mitochondrion. Oxygen is not a fuel in the usual sense; instead, it accepts electrons at the end of the chain.

## Beyond the Cell

Respiration matters far beyond the cell: it uses most of the gas in the upper air that animals breathe, and it releases the energy stored in food.`;

// "takes place mainly in the muscles" (where respiration happens) and "train in gyms" (where athletes
// train) share only "in"; "die in prison" and "seized power in a coup" share only "in" with "a royal
// fortress and prison", whose use here is the list beside "royal fortress".
const MIXED = `Places and Events

## Where Respiration Happens

In animals, respiration takes place mainly in the muscles. Athletes use these ideas in gyms. The energy stored in fats lasts longer than the energy stored in sugar.

## The Old Fort

In 1790, crowds in Varna stormed the Keep, a royal fortress and prison, in search of weapons. Many rebels died in prison or in the suppression of later revolts. In 1801, the general Oren Vask seized power in a coup. By then the government was deeply in debt.

## The Guilds

The First Guild was the masons, and the Second Guild was the weavers. The Third Guild was the bakers. Masons, weavers and bakers met in the town hall every spring.

## Charts

A demand chart shows price on the vertical axis and quantity on the horizontal axis. The quantity that buyers want falls as the price rises.`;

function fixes(text: string): { question: string; options: string[] }[] {
  const study = studyMaterial([{ text }]);
  return [1, 2, 3, 4].flatMap((seed) =>
    writeFindTheError({ study, random: createRandom(seed) }).map((candidate) => ({
      question: candidate.question,
      options: [candidate.key, ...candidate.distractors],
    })),
  );
}

// What each phrase of the passages is; a swap or a fix must stay within one kind.
const KINDS: Record<string, string[]> = {
  stage: ["first reactions", "second stage", "main stages", "Krebs cycle"],
  place: ["cytoplasm", "matrix", "upper air", "cell", "mitochondrion", "muscles", "gyms", "Keep", "royal fortress", "prison"],
  event: ["coup", "suppression", "search", "revolts"],
  guild: ["First Guild", "Second Guild", "Third Guild"],
  trade: ["masons", "weavers", "bakers"],
};

function kindOf(phrase: string): string {
  return Object.keys(KINDS).find((kind) => KINDS[kind].includes(phrase)) ?? `other:${phrase}`;
}

function changes(option: string): [string, string] {
  const [, from, to] = /^Change "(.+)" to "(.+)"$/.exec(option)!;
  return [from, to];
}

describe("golden (find-the-error): same-kind swaps and fixes only", () => {
  it("never swaps a stage for a place, or a place for a phrase that shares only 'in' with it", () => {
    for (const { options } of fixes(RESPIRATION)) {
      for (const option of options) {
        const [from, to] = changes(option);
        expect(kindOf(from), option).toBe(kindOf(to));
        expect(option).not.toMatch(/"(?:upper air|usual sense)"/);
      }
    }
  });

  it("never puts gyms for muscles, a coup or debt for a prison, or an axis for a quantity", () => {
    const all = fixes(MIXED);
    for (const { question, options } of all) {
      expect(question).not.toMatch(/mainly in the gyms|fortress and (?:coup|debt|suppression)|in the coup|on the quantity/);
      for (const option of options) {
        expect(option).not.toMatch(/"(?:gyms|coup|debt|suppression|vertical axis|fats)"/);
        const [from, to] = changes(option);
        expect(kindOf(from), option).toBe(kindOf(to));
      }
    }
    // A swap of the same kind is still made: the guilds are named alike.
    expect(all.some(({ options }) => /^Change "(?:First|Second|Third) Guild" to "(?:First|Second|Third) Guild"$/.test(options[0]))).toBe(true);
  });
});

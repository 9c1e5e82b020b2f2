import { describe, expect, it } from "vitest";
import { createRandom } from "../random";
import { studyMaterial } from "../study-material";
import { writeFindTheError } from "./evaluate";
import { writePlanForGoal } from "./create";
import { writeCompletion, writeExampleOf } from "./remember";
import { writeCaseToConcept, writeExplainCause } from "./understand";

// A hand-written passage (not one of the shared samples) holding the traps behind the defects a
// teacher found in the fourth reading; each assertion is what that teacher checked.
const FARMING = `Farming in the River Valley

## The Old Fields

Farmers in the valley grow crops such as barley and beans. Livestock such as goats and sheep graze on the hillsides. Workers carry tools such as spades, rakes and sickles. The river brings water, silt and nutrients to the fields every spring. Fertiliser adds nitrogen and potassium to the soil. Even so, many of its fields lost their fertility: the removal of forests, the spread of salt and the loss of topsoil. Imagine a small farm with ten goats. Shepherds move their herds uphill; in other words, the herds follow the grass.

## Water and Rules

A quarrel soon arose over water: traditionally, each village took one day of river water, which meant the upper villages always drank first. Soil temperature also matters, because seeds are woken by warmth. Irrigation is the practice by which farmers bring river water to dry fields through channels. When a field is short of water, its crops wilt to save moisture. When the river floods, the fields receive fresh silt. When farmers rotate their crops, the soil keeps its fertility. Shepherds drive goats and sheep uphill in summer. Traders carry barley and beans to the coast in autumn.`;

const study = () => studyMaterial([{ text: FARMING }]);

describe("golden (round four): blanks that read on their own and test a fact", () => {
  const candidates = writeCompletion({ study: study(), random: createRandom(1) });

  it("asks no blank whose statement opens on a pronoun pointing outside it", () => {
    expect(candidates.filter((candidate) => /many of its fields/i.test(candidate.question))).toEqual([]);
  });

  it("blanks neither the props of a made-up example nor the last word of an idiom", () => {
    expect(candidates.filter((candidate) => /Imagine/.test(candidate.question))).toEqual([]);
    expect(candidates.filter((candidate) => /in other ___/.test(candidate.question))).toEqual([]);
  });
});

describe("golden (round four): examples of a class", () => {
  it("offers members of other classes the text lists, never a substance beside a crop", () => {
    const examples = writeExampleOf({ study: study(), random: createRandom(4) });
    const crops = examples.find((candidate) => /example of crops/.test(candidate.question));
    expect(crops).toBeDefined();
    expect(["Barley", "Beans"]).toContain(crops!.key);
    for (const distractor of crops!.distractors) {
      // Water, silt, nitrogen, potassium are what fields receive, not things that could be crops.
      expect(distractor).not.toMatch(/^(?:Water|Silt|Nutrients|Nitrogen|Potassium|Salt|Barley|Beans)$/);
    }
    for (const distractor of crops!.distractors) expect(["Goats", "Sheep", "Spades", "Rakes", "Sickles"]).toContain(distractor);
  });
});

describe("golden (round four): explanations keyed to the clause they explain", () => {
  it("keys 'which meant' to the clause before it, not to what the colon introduced", () => {
    const explain = writeExplainCause({ study: study(), random: createRandom(1) });
    const villages = explain.find((candidate) => /upper villages always drank first/.test(candidate.question));
    expect(villages?.key).toBe("Each village took one day of river water");
  });

  it("lower-cases an ordinary word that opened the sentence inside the stem", () => {
    const explain = writeExplainCause({ study: study(), random: createRandom(1) });
    const warmth = explain.find((candidate) => /soil temperature also matters/i.test(candidate.question));
    expect(warmth?.question).toContain("why soil temperature also matters");
  });
});

describe("golden (round four): a described case named by its concept", () => {
  it("frames the case by the defined term's own kind, not as 'the case in which'", () => {
    const cases = writeCaseToConcept({ study: study(), random: createRandom(1) });
    const irrigation = cases.find((candidate) => candidate.key === "Irrigation");
    expect(irrigation?.question).toBe(
      "Which term from the text names the practice by which this happens: farmers bring river water to dry fields through channels?",
    );
  });
});

describe("golden (round four): plans and corrections without a stem-word cue", () => {
  it("resolves 'its' in a rule's consequence and offers the rule reversed beside the key", () => {
    const plans = writePlanForGoal({ study: study(), random: createRandom(1) });
    const wilt = plans.find((candidate) => /crops wilt/.test(candidate.question));
    expect(wilt?.question).toContain("the field's crops wilt to save moisture");
    expect(wilt?.key).toBe("Make sure that a field is short of water");
  });

  it("names the wrong spot in some wrong correction whenever the key names it", () => {
    for (const seed of [1, 2, 3]) {
      for (const candidate of writeFindTheError({ study: study(), random: createRandom(seed) })) {
        const spot = /^Change "(.+?)" to/.exec(candidate.key)![1];
        expect(candidate.distractors.some((distractor) => distractor.startsWith(`Change "${spot}" to`))).toBe(true);
      }
    }
  });
});

describe("golden (round four): grammatical stems from 'caused' and goals worth planning for", () => {
  const RIVER = `The River

## Floods

Heavy rain caused the river to rise quickly. Because the banks are low, water spreads over the fields. When the river floods, the fields receive fresh silt. When two storms arrive together, the damage may be uncertain. When farmers dig ditches, the water drains away. Because the soil is rich, farmers plant wheat. Because the sun is hot, the puddles dry fast. Because the air is cold, the dew freezes.`;

  it("asks no 'why the river to rise' from 'caused X to rise'", () => {
    const study = studyMaterial([{ text: RIVER }]);
    for (const candidate of writeExplainCause({ study, random: createRandom(1) })) {
      expect(candidate.question).not.toMatch(/why the river to rise/);
    }
  });

  it("plans for no outcome the text only says may happen", () => {
    const study = studyMaterial([{ text: RIVER }]);
    const plans = writePlanForGoal({ study, random: createRandom(1) });
    expect(plans.some((candidate) => /may be uncertain/.test(candidate.question))).toBe(false);
    expect(plans.some((candidate) => /the water drains away/.test(candidate.question))).toBe(true);
  });
});

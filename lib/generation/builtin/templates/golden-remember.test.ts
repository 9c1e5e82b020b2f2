import { describe, expect, it } from "vitest";
import { lintMcq } from "@/lib/generation/lint";
import { contentStems } from "@/lib/generation/text/words";
import type { Candidate } from "../candidate";
import { createRandom } from "../random";
import { studyMaterial, type Study } from "../study-material";
import { writeSupportingEvidence } from "./evaluate";
import { writeCompletion, writeTermForMeaning } from "./remember";
import { candidateAsMcq, sentenceOf } from "./golden-helpers";
import { writeExplainCause } from "./understand";

// Hand-written passages (not the shared samples); each assertion is what a teacher would check.

const PONDS = `Life in a Pond

## Who Lives There

In ecology, a habitat is any place where an organism finds food, water and shelter, whether it is a pond, a forest floor or a coral reef. A predator is an animal that hunts other animals for food. A decomposer is an organism that breaks down dead leaves and wood. A producer is an organism that makes its own food from sunlight. Frogs, herons and pike hunt in the pond. Snails graze on algae near the bank.

## Through the Year

In spring, frogs lay eggs among the reeds. In summer, algae grow quickly in the warm water. A consumer is an organism that eats other organisms. In autumn, dead leaves sink to the bottom, where decomposers break them down.`;

const RIVERS = `How Rivers Shape Land

## Erosion

Rivers wear away rock and soil along their beds and banks over many years. Faster water makes the river channel deeper. For example, after a week of heavy rain the river channel grew a metre deeper near the old mill. Slow water drops the sand and mud that it has carried downstream.

## Deposits

When a river channel gets deeper, its banks become steep and can suddenly collapse into the water. Sand settles on the inside of each bend, where the water flows more slowly. Mud spreads over the wide floodplain during a flood and dries into a fertile layer. Deltas form where a large river meets the sea and drops its load of sand and mud. Farmers have long valued the fertile soil of floodplains for growing crops.`;

const MILLBROOK = `The Growth of Millbrook

## Early Years

Millbrook began as a small farming village on the River Lune. Thomas Grey needed more workers for his mill, so in 1821 he built a row of cottages beside the river. The cottages filled quickly with families from the hills. A school opened in the chapel in 1825.

## Later Years

In 1840, the railway reached Millbrook and trade grew along the valley. Thomas Grey sold the mill to his nephew in 1852 and moved to the coast. A great flood destroyed the old wooden bridge in 1860. The town council built a stone bridge across the river in 1862.`;

const BEES = `Honey Bees

## The Colony

A honey bee colony has one queen, a few hundred drones and thousands of workers. The queen lays all the eggs in the colony. Drones never collect nectar or pollen for the hive. Workers build the comb from wax that they make in their own bodies. Workers also guard the entrance of the hive against wasps. Young bees stay in the hive because another danger, such as the stings of wasps, waits outside.

## Food

Bees make honey from nectar that they collect from flowers. They carry pollen home in baskets on their back legs. In winter, the colony lives on the honey stored in the comb.`;

/** The lint codes of the candidate as the selector would show it, with its first three wrong answers. */
const lintCodes = (study: Study, candidate: Candidate, text: string) =>
  lintMcq(candidateAsMcq(study, candidate, candidate.distractors.slice(0, 3)), text).map((finding) => finding.code);

describe("golden (remember): a definition followed by a list of instances", () => {
  const study = studyMaterial([{ text: PONDS }]);
  const candidates = [1, 2, 3].flatMap((seed) => writeTermForMeaning({ study, random: createRandom(seed) }));
  const habitat = candidates.filter((candidate) => candidate.key === "Habitat");

  it("asks for the term from its meaning, without the trailing 'whether it is …' list", () => {
    expect(habitat.length).toBeGreaterThan(0);
    for (const candidate of habitat) {
      expect(candidate.question).toBe("Which term does the text use for any place where an organism finds food, water and shelter?");
      // The key is in the cited sentence.
      expect(sentenceOf(study, candidate)).toContain("a habitat is any place");
    }
  });

  it("never offers an instance the text lists (a pond is also a place where an organism finds food)", () => {
    for (const candidate of habitat) {
      for (const option of candidate.distractors) {
        expect(["pond", "forest floor", "coral reef"]).not.toContain(option.toLowerCase());
      }
    }
  });

  it("offers only terms the text does not define that way, so exactly one option is right", () => {
    for (const candidate of habitat) {
      expect(candidate.distractors.length).toBeGreaterThanOrEqual(3);
      expect(candidate.distractors.map((option) => option.toLowerCase())).not.toContain("habitat");
      for (const option of candidate.distractors) {
        expect(PONDS.toLowerCase()).not.toContain(`a ${option.toLowerCase()} is any place`);
      }
    }
  });
});

describe("golden (evaluate regression): supporting evidence without a stem-word cue", () => {
  const study = studyMaterial([{ text: RIVERS }]);
  const candidates = [1, 2, 3].flatMap((seed) => writeSupportingEvidence({ study, random: createRandom(seed) }));

  it("asks about the claim the example backs", () => {
    expect(candidates.length).toBeGreaterThan(0);
    for (const candidate of candidates) {
      expect(candidate.question).toBe("Which detail from the text best supports the claim that faster water makes the river channel deeper?");
      expect(sentenceOf(study, candidate)).toContain(candidate.key.toLowerCase().slice(1));
    }
  });

  it("offers a wrong answer that repeats the claim's words too: a case that starts from the outcome", () => {
    for (const candidate of candidates) {
      // "channel" and "deeper" are in the stem and the key; the follow-on case repeats them, and tells
      // what a deeper channel leads to, not what makes it deeper.
      expect(candidate.distractors[0]).toBe("When a river channel gets deeper, its banks become steep and can suddenly collapse into the water");
      const findings = lintCodes(study, candidate, RIVERS);
      expect(findings).not.toContain("stem_word_cue");
    }
  });

  it("never offers a case that could itself be evidence (its outcome repeats the claim)", () => {
    const claimStems = new Set(contentStems("faster water makes the river channel deeper"));
    for (const candidate of candidates) {
      for (const option of candidate.distractors) {
        if (!/^(?:if|when)\b/i.test(option)) continue;
        const outcome = option.slice(option.indexOf(", ") + 2);
        expect(contentStems(outcome).filter((stem) => claimStems.has(stem) && stem !== "water")).toEqual([]);
      }
    }
  });
});

describe("golden (understand regression): a reason whose stem names a person", () => {
  const study = studyMaterial([{ text: MILLBROOK }]);
  const candidates = [1, 2, 3].flatMap((seed) => writeExplainCause({ study, random: createRandom(seed) }));

  it("asks why the cottages were built, with the stated reason as the key", () => {
    expect(candidates.length).toBeGreaterThan(0);
    for (const candidate of candidates) {
      expect(candidate.question).toBe("According to the text, what explains why in 1821, Thomas Grey built a row of cottages beside the river?");
      expect(candidate.key).toBe("Thomas Grey needed more workers for his mill");
      expect(sentenceOf(study, candidate)).toContain("Thomas Grey needed more workers for his mill");
    }
  });

  it("offers a later event about the same person, so the name does not point to the key", () => {
    for (const candidate of candidates) {
      expect(candidate.distractors.slice(0, 3).some((option) => option.includes("Thomas Grey"))).toBe(true);
      const findings = lintCodes(study, candidate, MILLBROOK);
      expect(findings).not.toContain("stem_word_cue");
    }
  });

  it("takes wrong reasons only from events told later, which cannot have caused it", () => {
    const later = MILLBROOK.slice(MILLBROOK.indexOf("The cottages filled"));
    for (const candidate of candidates) {
      for (const option of candidate.distractors) expect(later).toContain(option.slice(1));
    }
  });
});

describe("golden (remember regression): a completion quoting a negative", () => {
  const study = studyMaterial([{ text: BEES }]);
  const candidates = writeCompletion({ study, random: createRandom(1) });
  const drones = candidates.find((candidate) => candidate.question.includes("collect nectar"));

  it("writes the negative in capitals, so a skimming reader does not miss it", () => {
    for (const candidate of candidates.filter((candidate) => /\b(?:never|not)\b/i.test(candidate.question))) {
      expect(candidate.question).toMatch(/\b(?:NEVER|NOT)\b/);
      const findings = lintCodes(study, candidate, BEES);
      expect(findings).not.toContain("negative_stem");
    }
    // Round seven: "colony", "queen" and "comb", the only same-kind wrong answers, are in the sentences
    // beside it, and "Drones NEVER collect nectar … for the colony" is true too, so it is not asked.
    // A negative in the blank's own clause is never asked (golden-round-seven.test.ts).
    expect(drones).toBeUndefined();
  });

  it("never stops inside an inset example ('another danger, such as the stings of ___'), where other examples fit too", () => {
    expect(candidates.length).toBeGreaterThan(0);
    for (const candidate of candidates) expect(candidate.question).not.toMatch(/, such as [^,]*___/);
  });
});

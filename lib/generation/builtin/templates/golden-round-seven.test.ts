import { describe, expect, it } from "vitest";
import { contentStems } from "@/lib/generation/text/words";
import { createRandom } from "../random";
import { studyMaterial } from "../study-material";
import { writeCauseAcrossSentences } from "./analyze";
import { writeEffectOfCause, writeExplainCause } from "./understand";

// Hand-written passages (not the shared samples) holding the traps behind the defects a teacher found
// in the seventh reading; each assertion is what that teacher checked.
const ORCHARDS = `Apples and Prices

## The Market for Apples

If a late frost damages the blossom, the price of apples rises; as a result, shoppers buy fewer apples, and the amount sold falls. A higher price makes growing apples more profitable, so farmers plant more trees. A higher price means that the same wage buys less fruit, so families cut back. Bees carry pollen between the flowers, so the trees set fruit. Cold air settles in the valleys, so frost damages the lowest orchards first. Orchards on slopes drain well, so the roots do not rot.

## Copper Roofs

Old copper roofs slowly change colour. Rain and air turn the surface into copper carbonate, which forms a green layer called patina. Patina absorbs red light strongly but reflects most green light, which is why old copper roofs look green from the street. Tin resists water, because a thin film of oxide seals its surface. Bronze is hard, so bells made from it ring clearly. City air carries acids, so roofs in cities corrode faster.

## Wind Farms

A wind turbine has three long blades. Wind is not a fuel in the usual sense; instead, it turns the blades that drive the generator. As a result, the energy of moving air is stored in large batteries.`;

describe("golden (round seven): no wrong cause or consequence that is also right", () => {
  const study = studyMaterial([{ text: ORCHARDS }]);
  const seeds = [1, 2, 3, 4, 5];

  it("offers no consequence of a price rise as a wrong consequence of the price rising", () => {
    const candidates = seeds.flatMap((seed) => writeEffectOfCause({ study, random: createRandom(seed) }));
    const priceRise = candidates.filter((candidate) => /consequence of the fact that the price of apples rises\?$/.test(candidate.question));
    expect(priceRise.length).toBeGreaterThan(0);
    for (const candidate of priceRise) {
      expect(candidate.key).toBe("Shoppers buy fewer apples, and the amount sold falls");
      for (const distractor of candidate.distractors) {
        // Each of these follows from a higher price by another sentence of the passage.
        expect(distractor).not.toMatch(/higher price|plant more trees|cut back/i);
      }
    }
  });

  it("offers no wrong reason that names the key's subject with the outcome's word", () => {
    const candidates = seeds.flatMap((seed) => writeExplainCause({ study, random: createRandom(seed) }));
    const green = candidates.filter((candidate) => /why old copper roofs look green/.test(candidate.question));
    expect(green.length).toBeGreaterThan(0);
    for (const candidate of green) {
      expect(candidate.key).toMatch(/^Patina absorbs red light/);
      for (const distractor of candidate.distractors) {
        const stems = contentStems(distractor);
        // "… forms a green layer called patina" is a reason a roof looks green too.
        expect(stems.includes("patina") && stems.includes("green")).toBe(false);
      }
    }
  });

  it("keys the clause after 'instead', not the denial, as the development that led to an outcome", () => {
    const candidates = seeds.flatMap((seed) => writeCauseAcrossSentences({ study, random: createRandom(seed) }));
    const stored = candidates.filter((candidate) => /energy of moving air is stored/.test(candidate.question));
    expect(stored.length).toBeGreaterThan(0);
    for (const candidate of stored) expect(candidate.key).toBe("Wind turns the blades that drive the generator");
    expect(candidates.some((candidate) => /not a fuel/.test(candidate.key))).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { createRandom } from "../random";
import { studyMaterial } from "../study-material";
import { writeFindTheError } from "./evaluate";

// Hand-written passages (not the shared samples) holding the traps behind the defects a teacher found
// in the fifth reading; each assertion is what that teacher checked.
const SOILS = `How Soil Forms

## Rock and Weather

Soil forms slowly from rock and from the remains of plants. Common rocks under soils include granite, basalt, sandstone and limestone. Frost splits granite into small stones in the mountains. Rain dissolves limestone in the valleys. Lichens grow on bare basalt and release acids that weaken it. Earthworms mix the remains of plants with sand, silt and clay. Roots take nitrogen, potassium and phosphorus from the soil.

## Living Things in the Soil

Earthworms, beetles, fungi and bacteria live in the topsoil. Earthworms drag dead leaves into their burrows. Fungi break down dead wood on the forest floor. Bacteria turn dead roots into humus. Beetles eat the larvae of flies. Humus is the dark material formed from the remains of plants and animals. Moles hunt earthworms in the topsoil.`;

// What a teacher would accept as the same kind of thing, by hand.
const KINDS: string[][] = [
  ["granite", "basalt", "sandstone", "limestone", "rock"],
  ["mountains", "valleys"],
  ["earthworms", "beetles", "fungi", "bacteria", "moles"],
  ["nitrogen", "potassium", "phosphorus"],
  ["sand", "silt", "clay"],
  ["plants", "animals"],
];
const kindOf = (term: string) => KINDS.findIndex((kind) => kind.includes(term.toLowerCase()));

describe("golden (round five): find-the-error offers only wrong corrections of the same kind", () => {
  const study = studyMaterial([{ text: SOILS }]);
  const candidates = [1, 2, 3].flatMap((seed) => writeFindTheError({ study, random: createRandom(seed) }));

  it("writes questions on the passage", () => {
    expect(candidates.length).toBeGreaterThan(0);
  });

  it("never offers a term that only shares a vague preposition ('from the remains') with what it replaces", () => {
    for (const candidate of candidates) {
      for (const option of [candidate.key, ...candidate.distractors]) {
        const [, from, to] = /^Change "(.+)" to "(.+)"$/.exec(option)!;
        // "rock", "soil" and "remains" all follow "from" in the passage; they are not of a kind.
        expect(kindOf(from)).toBeGreaterThanOrEqual(0);
        expect(kindOf(to)).toBe(kindOf(from));
      }
    }
  });

  it("offers at least one wrong fix of the spot that is actually wrong", () => {
    for (const candidate of candidates) {
      const [, wrong] = /^Change "(.+)" to "(.+)"$/.exec(candidate.key)!;
      expect(candidate.distractors.some((option) => option.startsWith(`Change "${wrong}" to `))).toBe(true);
    }
  });
});

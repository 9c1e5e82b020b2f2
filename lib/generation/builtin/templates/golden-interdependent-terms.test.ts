import { describe, expect, it } from "vitest";
import { generateBuiltin } from "@/lib/generation/builtin";
import { extractTerms } from "@/lib/generation/text/key-terms";
import { pickTermDistractors } from "../distractors";
import { createRandom } from "../random";
import { studyMaterial } from "../study-material";
import { writeCompletion, writeTermForMeaning } from "./remember";

// Hand-written passages (not shared samples).

// Two long names joined by "of … and of …", one with a common noun ("Master") inside it; cut at "of" or
// at "and of", their pieces ("Charter of the Duties", "Female Apprentice") read as names of their own.
const GUILD = `The Weavers' Guild

## The Guild Takes Shape

In 1620 the weavers of the town met in the market hall. On 3 March 1621, the masters of the Upper Ward declared themselves the Free Company, claiming to speak for every loom in the town. The Free Company soon quarrelled with the Town Council over the price of wool. In April 1621, the Free Company adopted the Charter of the Duties of Master and of the Apprentice. The charter set out rules for wages, hours and training.

## Opposition

The Town Council answered by forming the Wool Board, led by the merchant Pieter van Hal. However, the charter said nothing of women; the weaver Anna de Vries replied in 1623 with her own Charter of the Duties of Mistress and of the Female Apprentice. The Wool Board was dissolved in 1625, and the Free Company kept its charter until the Great Fire of 1666.`;

const PIECES = ["charter of the duties", "female apprentice", "apprentice", "charter of the duties of master"];

describe("golden (names cut from longer names): a piece of a name is never an answer or a wrong answer", () => {
  it("reads a name joined by 'of' and 'and of' whole, common nouns inside it included", () => {
    const texts = extractTerms(studyMaterial([{ text: GUILD }]).material).map((term) => term.text);
    expect(texts).toContain("Charter of the Duties of Master and of the Apprentice");
    expect(texts).toContain("Charter of the Duties of Mistress and of the Female Apprentice");
    for (const piece of PIECES) expect(texts.map((text) => text.toLowerCase())).not.toContain(piece);
  });

  it("offers no piece of a name in any remember question", () => {
    const study = studyMaterial([{ text: GUILD }]);
    const candidates = writeCompletion({ study, random: createRandom(1), seed: 1 });
    // A name offers other names of the text, whole ("Town Council", "Wool Board"), never pieces.
    const names = pickTermDistractors(study, "Free Company", { stem: "declared themselves the", random: createRandom(1), count: 10 });
    expect(names).toContain("Town Council");
    for (const name of names) expect(PIECES).not.toContain(name.toLowerCase());
    for (const candidate of candidates) {
      for (const option of [candidate.key, ...candidate.distractors]) expect(PIECES).not.toContain(option.toLowerCase());
    }
  });
});

// Two terms defined by meanings that differ only in an antonym ("maximum" / "minimum"); each is the
// other's most plausible wrong answer, so asking both lets the learner answer one by elimination.
const RIVER = `Managing a River

## Levels and Gates

A river authority watches the water level at every gate. A flood mark (a legal maximum level), such as the red line on a bridge, can trigger an alarm if the water rises above it. A drought mark (a legal minimum level), such as the blue line on a pier, can trigger a ban if the water falls below it. A sluice is a gate that lets water out of a reservoir. A weir is a low wall built across a river to raise the water upstream. A lock is a chamber with gates that lifts boats from one level to another.

## Records

Keepers write the level in a logbook each morning. A gauge is a marked post that shows the depth of the water. The authority publishes a bulletin when the level changes quickly. Engineers repair the gates every autumn, when the flow is low.`;

describe("golden (interdependent term questions): mirror stems whose keys answer each other", () => {
  it("writes both term questions, each offering the other's key", () => {
    const study = studyMaterial([{ text: RIVER }]);
    const candidates = writeTermForMeaning({ study, random: createRandom(1), seed: 1 });
    const maximum = candidates.find((candidate) => /legal maximum level\?$/.test(candidate.question));
    const minimum = candidates.find((candidate) => /legal minimum level\?$/.test(candidate.question));
    expect(maximum?.key).toBe("Flood mark");
    expect(minimum?.key).toBe("Drought mark");
    expect(maximum!.distractors.slice(0, 6)).toContain("Drought mark");
    expect(minimum!.distractors.slice(0, 6)).toContain("Flood mark");
  });

  for (const seed of [1, 2, 3, 4, 5]) {
    it(`asks only one of the two, and still meets the remember count (seed ${seed})`, async () => {
      const result = await generateBuiltin(
        { passages: [{ text: RIVER }], counts: { remember: 5, understand: 0, apply: 0, analyze: 0, evaluate: 0, create: 0 }, seed },
        { signal: new AbortController().signal },
      );
      const mirrored = result.mcqs.filter((mcq) => /legal (?:maximum|minimum) level\?$/.test(mcq.question));
      expect(mirrored).toHaveLength(1);
      expect(result.mcqs).toHaveLength(5);
    });
  }
});

import { describe, expect, it } from "vitest";
import { extractTerms } from "@/lib/generation/text/key-terms";
import { pickTermDistractors } from "../distractors";
import { createRandom } from "../random";
import { studyMaterial } from "../study-material";
import { writeCompletion } from "./remember";

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

import { describe, expect, it } from "vitest";
import { createRandom } from "./random";
import { studyMaterial } from "./study-material";
import { writeExplainCause } from "./templates/understand";

// A hand-written passage (not a shared sample) for reasons given by a participle.
const CITY = `The Flooded City

## The Crisis

In 1620, the river rose higher than anyone remembered. Facing floods in the north and hunger in the south, the council gave wide powers to the water board, led by a young engineer. The board built new dykes within a year. Later, the merchants left the city, fearing another winter of floods, and trade collapsed. Finding the gates locked, the farmers camped outside the walls.`;

describe("golden: a reason given by a participle", () => {
  const study = studyMaterial([{ text: CITY }]);
  const reasons = study.relations.causes.filter((relation) => relation.cue === "participle");

  it("reads a leading and a trailing participle of circumstance or feeling as the reason for the act", () => {
    expect(reasons.map(({ cause, effect }) => ({ cause, effect }))).toEqual([
      // The closing description ("led by a young engineer") is no part of the act.
      { cause: "the council faced floods in the north and hunger in the south", effect: "the council gave wide powers to the water board" },
      { cause: "the merchants feared another winter of floods", effect: "the merchants left the city" },
    ]);
  });

  it("does not read a participle of action, which may only tell what happened first", () => {
    expect(reasons.some((relation) => /farmers|gates/.test(`${relation.cause} ${relation.effect}`))).toBe(false);
  });

  it("gives understand a question on the reason", () => {
    const questions = writeExplainCause({ study, random: createRandom(1) });
    const council = questions.find((candidate) => /the council gave wide powers/.test(candidate.question));
    expect(council?.question).toBe("According to the text, what explains why the council gave wide powers to the water board?");
    expect(council?.key).toBe("The council faced floods in the north and hunger in the south");
  });
});

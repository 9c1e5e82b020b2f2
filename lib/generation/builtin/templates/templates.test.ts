import { describe, expect, it } from "vitest";
import { generateBuiltin } from "../index";
import { createRandom } from "../random";
import { studyMaterial } from "../study-material";
import { writeDesignInvestigation } from "./create";
import { writeEffectOfCause } from "./understand";
import { writeRuleToCase } from "./apply";

// Hand-written passage (not a shared sample); every fact below was checked against it by hand.
const KETTLE = `Heating Water

## Heat and Temperature

When the power of a heater rises, the temperature of the water rises faster. Because warm water is less dense than cold water, it moves up towards the surface of the pan. A lid traps the steam above the water, which is why water boils sooner in a covered pan. Salt raises the boiling point of water slightly.

## Boiling

The kettle, if it is switched on, heats the water until it boils. A thermostat can switch the kettle off if the water reaches 100 °C. When the air pressure falls, the boiling point of water falls too. Cooks at high altitude therefore need longer to cook pasta, since the water boils at a lower temperature.

## Cooling

When the room temperature falls, the water in an open cup cools faster. Because a metal spoon conducts heat well, it warms up quickly when it stands in tea. A flask slows cooling because its vacuum layer stops heat from passing through the walls.`;

const study = () => studyMaterial([{ text: KETTLE }]);

describe("higher-level templates on a hand-checked passage", () => {
  it("asks for a consequence of a stated cause and keys the effect the text gives", () => {
    const candidates = writeEffectOfCause({ study: study(), random: createRandom(1) });
    const lid = candidates.find((candidate) => /a lid traps the steam above the water/.test(candidate.question));
    expect(lid?.level).toBe("understand");
    expect(lid?.key).toBe("Water boils sooner in a covered pan");
    for (const distractor of lid!.distractors) expect(distractor.toLowerCase()).not.toContain("lid");
  });

  it("applies a rule whose condition the text puts after the consequence, pronoun resolved", () => {
    const candidates = writeRuleToCase({ study: study(), random: createRandom(1) });
    const thermostat = candidates.find((candidate) => candidate.question.includes("the water reaches 100 °C"));
    expect(thermostat?.level).toBe("apply");
    expect(thermostat?.key).toMatch(/^A thermostat can switch the kettle off$/);
  });

  it("designs a fair test that varies the rule's condition and measures its outcome", () => {
    const candidates = writeDesignInvestigation({ study: study(), random: createRandom(1) });
    const heater = candidates.find((candidate) => candidate.question.includes("how the power of a heater affects the temperature of the water"));
    // The stem names the quantities but not the rule's direction, so it answers no apply question.
    expect(heater?.question).not.toContain("rises");
    expect(heater?.level).toBe("create");
    expect(heater?.key).toBe("Change the power of a heater, keep everything else the same, and measure the temperature of the water");
    // The reversed design (vary the outcome, measure the condition) is offered and is wrong.
    expect(heater?.distractors).toContain("Change the temperature of the water, keep everything else the same, and measure the power of a heater");
    expect(heater?.distractors).not.toContain(heater?.key);
  });

  it("fills a mixed request with questions at the requested levels, each citing a sentence of the passage", async () => {
    const counts = { remember: 3, understand: 2, apply: 2, analyze: 0, evaluate: 1, create: 1 };
    const result = await generateBuiltin({ passages: [{ text: KETTLE }], counts, seed: 4 }, { signal: new AbortController().signal });
    const flat = KETTLE.replace(/\s+/g, " ");
    for (const mcq of result.mcqs) {
      expect(counts[mcq.bloom_level]).toBeGreaterThan(0);
      expect(flat).toContain(mcq.source!.quote);
    }
    for (const [level, count] of Object.entries(counts)) {
      const delivered = result.mcqs.filter((mcq) => mcq.bloom_level === level).length;
      expect(delivered).toBeLessThanOrEqual(count);
      if (delivered < count) expect(result.warnings?.some((warning) => warning.bloom_level === level)).toBe(true);
    }
    // Levels are presented lowest first, whatever order they were filled in.
    const order = result.mcqs.map((mcq) => ["remember", "understand", "apply", "analyze", "evaluate", "create"].indexOf(mcq.bloom_level));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });
});

import { describe, expect, it } from "vitest";
import { createRandom } from "../random";
import { studyMaterial } from "../study-material";
import { writeRuleToCase } from "./apply";
import { isUndirectedChange, otherClauses, statedNearby, statesChange } from "./shared";

// An undirected rule ("the oxygen level changes") among directed ones whose consequences would be
// particular cases of it.
const LAKE = `Lake Life

## Water

When the water temperature changes, the oxygen level changes. When the ice melts, the lake level rises. If the wind grows stronger, waves grow taller along the shore. If a lake is deep, its bottom water is cold. When a bay is shallow, sunlight reaches the bottom. If the water is clear, divers see the stones below.

## Shore

Algae are tiny plants that live in the shallow bays. Plankton float near the surface of the lake during the day. A heron hunts along the reedy shore at dawn. Reeds are tall grasses with hollow stems.`;

// A case the text gives as an example of a general rule stated beside it.
const GEESE = `Geese on the Marsh

## Alarm

Geese on a marsh react quickly to danger. Any sudden noise always makes the flock rise into the air. One sign is the alarm call: if a dog barks nearby, the geese take off at once.

## Feeding

When a fox appears at dusk, the flock rises. If the grass is short, geese graze in open fields. If food is scarce, young geese lose weight. When the ground freezes, the birds fly to the river. If the river floods, the nests are lost.`;

function ruleQuestions(text: string, seeds = [1, 2, 3, 4, 5]) {
  const study = studyMaterial([{ text }]);
  return { study, candidates: seeds.flatMap((seed) => writeRuleToCase({ study, random: createRandom(seed) })) };
}

describe("golden: rule-to-case with an undirected consequence", () => {
  it("offers the no-change opposite and no change a particular case of the key could bring", () => {
    const { study, candidates } = ruleQuestions(LAKE);
    const undirected = candidates.filter((candidate) => /oxygen level changes/i.test(candidate.key));
    expect(undirected.length).toBeGreaterThan(0);
    for (const candidate of undirected) {
      expect(candidate.distractors).toContain("The oxygen level stays the same");
      for (const distractor of candidate.distractors.filter((text) => !/stays the same/.test(text))) expect(statesChange(distractor)).toBe(false);
    }
    // The check has something to keep out: the text offers directed changes of the right length.
    const sentence = study.material.sentences.find((s) => /oxygen level changes/.test(s.text))!;
    const changes = otherClauses(study, [sentence.id], "", (clause) => statesChange(clause)).map((clause) => clause.text);
    expect(changes).toContain("the lake level rises");
  });

  it("never offers an undirected change as a wrong answer", () => {
    for (const text of [LAKE, GEESE]) {
      for (const candidate of ruleQuestions(text).candidates) {
        for (const distractor of candidate.distractors) expect(isUndirectedChange(distractor)).toBe(false);
      }
    }
    expect(isUndirectedChange("A curve shifts")).toBe(true);
    expect(isUndirectedChange("The equilibrium changes")).toBe(true);
    expect(isUndirectedChange("The price rises")).toBe(false);
    expect(isUndirectedChange("Demand shifts to the right")).toBe(false);
  });
});

describe("golden: rule-to-case on an example of a rule stated beside it", () => {
  it("offers no clause that the nearby general rule states", () => {
    const { study, candidates } = ruleQuestions(GEESE);
    const dog = candidates.filter((candidate) => /a dog barks nearby/.test(candidate.question));
    expect(dog.length).toBeGreaterThan(0);
    for (const candidate of dog) expect(candidate.distractors).not.toContain("The flock rises");
    // "Any sudden noise always makes the flock rise": the flock rising is what a barking dog may do.
    const sentence = study.material.sentences.find((s) => /a dog barks/.test(s.text))!;
    const clauses = otherClauses(study, [sentence.id], "", () => true).map((clause) => clause.text);
    expect(clauses).toContain("the flock rises");
    expect(statedNearby(study, sentence, "the flock rises")).toBe(true);
    // A clause the general rule does not state stays usable.
    expect(statedNearby(study, sentence, "young geese lose weight")).toBe(false);
  });
});

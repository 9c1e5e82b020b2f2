import { describe, expect, it } from "vitest";
import { contentStems } from "@/lib/generation/text/words";
import { createRandom } from "../random";
import { studyMaterial } from "../study-material";
import { writeCauseAcrossSentences } from "./analyze";
import { writeCompletion, writeTermForMeaning } from "./remember";
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

  it("offers no wrong consequence that names the cause's subject with the consequence's word", () => {
    const candidates = seeds.flatMap((seed) => writeEffectOfCause({ study, random: createRandom(seed) }));
    const patina = candidates.filter((candidate) => /consequence of the fact that patina absorbs red light/.test(candidate.question));
    expect(patina.length).toBeGreaterThan(0);
    for (const candidate of patina) {
      expect(candidate.key).toBe("Old copper roofs look green from the street");
      for (const distractor of candidate.distractors) {
        const stems = contentStems(distractor);
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

const LOCKS = `Canal Locks

## How a Lock Works

A lock lifts a boat from one level of a canal to the next. The keeper first opens the lower gate, and the boat enters the chamber. The keeper then closes the gate behind the boat. Water flows in through the paddles until the chamber is full. The passage therefore costs one full hour before the crew can unload its cargo.

## Trouble at the Lock

In a careless crossing, a crew opens both paddles at once, often with frayed ropes, and never completes the passage. Because the keeper must hold each half-open lock, the queue grows, and the keeper may then turn away honest boatmen. Every barge is given a number that lets the keeper log the order of boats and detect delays. Lazy crews try to sneak past with hidden barrels.

## Work on the Wharf

Dockers unload a barrel from each barge at the wharf. Horses pull barges along the towpath. Boats carry coal, timber and grain to the city markets. The harbour master keeps a ledger of every cargo and every toll.`;

describe("golden (round seven): a completion's wrong answers do not fit the blank truthfully", () => {
  const study = studyMaterial([{ text: LOCKS }]);
  const candidates = [1, 2, 3, 4, 5].flatMap((seed) => writeCompletion({ study, random: createRandom(seed) }));
  // The blank's sentence and the ones beside it in its paragraph.
  const nearbyStems = (sentenceId: number) => {
    const paragraph = study.material.paragraphs[study.material.sentences[sentenceId].paragraph];
    return paragraph.sentenceIds.filter((id) => Math.abs(id - sentenceId) <= 1).map((id) => contentStems(study.material.sentences[id].text));
  };

  it("offers no term the sentences beside the blank use, and asks no negated slot ('NEVER completes the ___')", () => {
    expect(candidates.length).toBeGreaterThan(0);
    for (const candidate of candidates) {
      const sentences = nearbyStems(candidate.sentenceIds[0]);
      for (const distractor of candidate.distractors) {
        const stems = contentStems(distractor);
        expect(sentences.some((words) => stems.every((stem) => words.includes(stem)))).toBe(false);
      }
    }
    // A negated slot ("… NEVER completes the ___") is true of almost any wrong answer, so it is not asked.
    expect(candidates.filter((candidate) => /completes the ___\.$/.test(candidate.question))).toEqual([]);
  });

  it("offers no term the text puts after the blank's verb elsewhere ('unload a barrel' for 'unload its ___')", () => {
    const unload = candidates.filter((candidate) => /unload its ___\.$/.test(candidate.question));
    expect(unload.length).toBeGreaterThan(0);
    for (const candidate of unload) {
      expect(candidate.key).toBe("cargo");
      expect(candidate.distractors).not.toContain("barrel");
    }
  });
});

const TICKETS = `Queues at the Counter

## Tickets

Every customer who enters the office takes a ticket with a queue number. Rather than starting at one each day, the office picks a starting queue number at random. A large number of customers arrive before noon. The call number is the next queue number the clerk expects to serve. The clerk shows the call number on a screen above the counter. A customer whose ticket is skipped asks the clerk for help.`;

describe("golden (round seven): a term's head noun in the stem is no cue", () => {
  it("offers another name with that noun ('starting queue number'), never the one the stem names or a quantity", () => {
    const study = studyMaterial([{ text: TICKETS }]);
    const candidates = [1, 2, 3].flatMap((seed) => writeTermForMeaning({ study, random: createRandom(seed) }));
    const call = candidates.filter((candidate) => candidate.key === "Call number");
    expect(call.length).toBeGreaterThan(0);
    for (const candidate of call) {
      expect(candidate.question).toBe("Which term does the text use for the next queue number the clerk expects to serve?");
      expect(candidate.distractors.slice(0, 3)).toContain("Starting queue number");
      // "queue number" is what the stem says the answer is; "large number" is a quantity.
      expect(candidate.distractors).not.toContain("Queue number");
      expect(candidate.distractors).not.toContain("Large number");
    }
  });
});

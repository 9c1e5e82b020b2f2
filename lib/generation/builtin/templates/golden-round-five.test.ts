import { describe, expect, it } from "vitest";
import { createRandom } from "../random";
import { studyMaterial } from "../study-material";
import { writeFirstStep, writeNextStep, writeRuleToCase } from "./apply";
import { writePlanForPurpose } from "./create";
import { writeFindTheError } from "./evaluate";
import { writeCompletion } from "./remember";

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

const FARES = `Travel and Fares

## Choosing How to Travel

Commuters choose between trains, buses and bicycles. If the price of train tickets goes up, some commuters switch to buses. A higher price also means that the same wage buys fewer journeys, so commuters cut back on trips. When a new cycle lane opens, more people ride to work. When the roads are icy, buses run late. If a bus runs late, passengers miss their trains. When fuel becomes cheaper, more families drive to the coast. Because a train carries many people, it uses less fuel per passenger than a car.`;

describe("golden (round five): apply distractors never follow from the same premise", () => {
  it("offers no wrong answer that another sentence states as a result of a higher price", () => {
    const study = studyMaterial([{ text: FARES }]);
    const candidates = [1, 2, 3].flatMap((seed) => writeRuleToCase({ study, random: createRandom(seed) }));
    const tickets = candidates.filter((candidate) => /price of train tickets goes up/.test(candidate.question));
    expect(tickets.length).toBeGreaterThan(0);
    for (const candidate of tickets) {
      expect(candidate.key).toMatch(/switch to buses/);
      for (const distractor of candidate.distractors) {
        // The text says a higher price makes commuters cut back on trips and buy fewer journeys.
        expect(distractor).not.toMatch(/cut back|fewer journeys|price/i);
      }
    }
  });
});

const WINDS = `Winds and Pressure

## How Air Moves

Air flows from high pressure to low pressure, and the difference in pressure sets the speed of the wind. In the northern hemisphere, the spin of the Earth turns moving air to the right. Near the equator, warm air rises and leaves a belt of low pressure behind. Cold air sinks over the poles and spreads towards the equator. Mountains force moist air upward, where it cools and forms clouds. Sea breezes blow from the sea to the land on warm afternoons. A barometer measures the pressure of the air.`;

describe("golden (round five): no blank on a direction", () => {
  it("does not ask '… turns moving air to the ___' with nouns as the wrong answers", () => {
    const study = studyMaterial([{ text: WINDS }]);
    const candidates = [1, 2, 3].flatMap((seed) => writeCompletion({ study, random: createRandom(seed) }));
    expect(candidates.length).toBeGreaterThan(0);
    for (const candidate of candidates) expect(candidate.key).not.toMatch(/^(?:right|left|upward|downward|up|down)$/i);
  });
});

const BREAD = `Baking Bread

## Ingredients

Bread needs flour, water, salt and yeast. Yeast is a fungus that feeds on sugar and releases carbon dioxide. When dough is warm, yeast works faster. Strong flour contains more gluten than cake flour.

## The Method

First, the baker mixes flour, water, salt and yeast in a large bowl. Then the baker shapes the dough into a round loaf on a floured table. Finally, the baker puts the loaf into a hot oven for forty minutes. Gluten traps the gas, so the dough rises. When the oven is too cool, the crust of the loaf stays pale and soft.`;

describe("golden (round five): starting a procedure", () => {
  it("asks for the first step of a present-tense procedure, with later steps among the wrong answers", () => {
    const study = studyMaterial([{ text: BREAD }]);
    const candidates = writeFirstStep({ study, random: createRandom(1) });
    expect(candidates).toHaveLength(1);
    const [first] = candidates;
    expect(first.level).toBe("apply");
    expect(first.key).toMatch(/^The baker mixes flour, water, salt and yeast in a large bowl$/);
    expect(first.question).not.toMatch(/\b(?:mixes|shapes|puts)\b/);
    expect(first.distractors.some((option) => /shapes the dough|puts the loaf/.test(option))).toBe(true);
    expect(first.distractors).not.toContain(first.key);
  });

  it("writes no first-step question for a narrative told in the past tense", () => {
    const past = BREAD.replace("baker mixes", "baker mixed").replace("baker shapes", "baker shaped").replace("baker puts", "baker put");
    expect(writeFirstStep({ study: studyMaterial([{ text: past }]), random: createRandom(1) })).toEqual([]);
  });
});

describe("golden (round five): no stem answers the first-step question", () => {
  it("never asks what follows the first step beside what happens first", () => {
    const study = studyMaterial([{ text: BREAD }]);
    const [first] = writeFirstStep({ study, random: createRandom(1) });
    const fromFirst = writeNextStep({ study, random: createRandom(1) }).find((candidate) => candidate.sentenceIds.includes(first.sentenceIds[0]));
    expect(fromFirst).toBeDefined();
    // Its stem shows the first step as done; selection never takes a question that asks what another shows.
    expect(fromFirst!.shows).toContain(first.fact);
  });
});

describe("golden (round five): a reversed rule reads grammatically", () => {
  it("reverses 'more people' to 'fewer people', never 'less people'", () => {
    const study = studyMaterial([{ text: FARES }]);
    const lane = writeRuleToCase({ study, random: createRandom(1) }).find((candidate) => /cycle lane opens/.test(candidate.question));
    expect(lane?.key).toBe("More people ride to work");
    expect(lane!.distractors).toContain("Fewer people ride to work");
    for (const distractor of lane!.distractors) expect(distractor).not.toMatch(/\bless people\b/i);
  });
});

describe("golden (round five): plans for a stated purpose", () => {
  const HEDGES = `Protecting Farmland

## Wind and Water

Farmers plant hedges along the edges of fields to prevent soil erosion by wind. Terraces are cut into steep slopes so that rain soaks in slowly instead of running off. To keep the soil rich, farmers rotate their crops every year. When heavy rain falls on bare soil, the topsoil washes away. Cattle trample the banks of streams when they drink. Drought cracks clay soils in summer. If a field floods, seeds rot in the ground. When farmers add manure, earthworms multiply in the soil.

## Past Practice

In the 1930s, farmers ploughed the prairies so that they could grow more wheat.`;

  it("works back from the goal to the means the text gives, never from a past event or a goal pointing outside", () => {
    const study = studyMaterial([{ text: HEDGES }]);
    const candidates = writePlanForPurpose({ study, random: createRandom(1) });
    const erosion = candidates.find((candidate) => /prevent soil erosion by wind/.test(candidate.question));
    expect(erosion?.level).toBe("create");
    expect(erosion?.key).toBe("Make sure that farmers plant hedges along the edges of fields");
    const terraces = candidates.find((candidate) => /rain soaks in slowly/.test(candidate.question));
    expect(terraces?.key).toBe("Make sure that terraces are cut into steep slopes");
    for (const candidate of candidates) {
      expect(candidate.question).not.toMatch(/wheat|ploughed/);
      // A wrong plan is never the means the text gives for this goal.
      for (const distractor of candidate.distractors) expect(distractor).not.toBe(candidate.key);
    }
  });
});

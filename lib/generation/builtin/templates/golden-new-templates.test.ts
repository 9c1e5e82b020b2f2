import { describe, expect, it } from "vitest";
import { createRandom } from "../random";
import { studyMaterial } from "../study-material";
import { writeCauseAcrossSentences, writeOrder, writeSortContrast } from "./analyze";
import { writeRuleToCase, writeRuleToInstance } from "./apply";
import { writeSupportingEvidence } from "./evaluate";
import { withLengthPartner } from "./shared";
import { writeEffectOfCause, writeExplainCause, writeMainIdea } from "./understand";

// Hand-written passages (not the shared samples) for the templates added in round four.
const BEES = `How Bees Live

## The Hive

A honeybee colony lives in a hive of wax combs. The queen lays all the eggs, so the colony depends on her health. Worker bees build the combs from wax that they make in their bodies. Drones are male bees whose only task is to mate with a queen.

## Food

Bees collect nectar and pollen from flowers. Nectar provides sugar for energy, while pollen provides protein for the larvae. Workers store nectar in the combs and fan it with their wings, which means that water evaporates from the nectar. The nectar therefore thickens into honey. Honey keeps for years because honey holds very little water.

## Pollination

Bees carry pollen from one flower to another as they feed. Many wild plants on open moorland rely on visiting insects. For example, clover and heather depend on bumblebees to spread their pollen across the moor. Because pollen reaches other flowers of the same kind, many plants can make seeds and fruit. Farmers often bring hives to orchards in spring. Apples, almonds and cherries depend on bees for much of their harvest.

## Threats

Bee colonies today face several serious threats. Mites feed on the young bees and spread disease. Some pesticides confuse the bees, so foragers fail to find their way home. When a colony loses many foragers, the hive runs short of food.

## Seasons

The life of a hive follows the seasons. In spring the colony grows quickly. In autumn the workers push the drones out of the hive. In winter the bees cluster together to keep the queen warm.`;

const study = () => studyMaterial([{ text: BEES }]);

describe("golden: explanations from so, which means and therefore", () => {
  it("asks why from a 'so' sentence and keys the clause before 'so'", () => {
    const explain = writeExplainCause({ study: study(), random: createRandom(1) });
    const health = explain.find((candidate) => /the colony depends on her health/.test(candidate.question));
    expect(health?.level).toBe("understand");
    expect(health?.key).toBe("The queen lays all the eggs");
    // Every wrong answer is another reason the text gives, never the key again or the outcome itself.
    for (const distractor of health!.distractors) expect(distractor).not.toMatch(/queen lays|depends on her health/);
  });

  it("traces a consequence of a 'which means' clause", () => {
    const effects = writeEffectOfCause({ study: study(), random: createRandom(1) });
    const fanning = effects.find((candidate) => /fan it with their wings/.test(candidate.question));
    expect(fanning?.key).toBe("Water evaporates from the nectar");
  });

  it("links a 'therefore' sentence to the sentence before it, as analysis across sentences", () => {
    const across = writeCauseAcrossSentences({ study: study(), random: createRandom(1) });
    const honey = across.find((candidate) => /the nectar thickens into honey/i.test(candidate.question));
    expect(honey?.level).toBe("analyze");
    expect(honey?.key).toBe("Water evaporates from the nectar");
    expect(honey?.sentenceIds).toHaveLength(2);
  });
});

describe("golden: the main idea of a section", () => {
  it("keys each section's opening statement and offers other sections' as wrong answers", () => {
    const ideas = writeMainIdea({ study: study(), random: createRandom(1) });
    const threats = ideas.find((candidate) => candidate.question.includes('"Threats"'));
    expect(threats?.key).toBe("Bee colonies today face several serious threats");
    expect(threats?.distractors).not.toContain("Mites feed on the young bees and spread disease");
    const seasons = ideas.find((candidate) => candidate.question.includes('"Seasons"'));
    expect(seasons?.key).toBe("The life of a hive follows the seasons");
    for (const idea of ideas) expect(idea.level).toBe("understand");
  });

  it("writes none for a narrative, whose paragraphs open on events rather than a point", () => {
    const story = BEES.replace(/lives|lays|build|are|collect|gives|store|carry|reaches|bring|depend|face|feed|confuse|loses|follows|grows|push|cluster/g, (verb) => `${verb.replace(/s$/, "")}ed`);
    const past = studyMaterial([{ text: story.replace(/\b(\w+)eded\b/g, "$1ed") }]);
    expect(writeMainIdea({ study: past, random: createRandom(1) })).toEqual([]);
  });
});

describe("golden: evidence for a claim", () => {
  it("keys the example the text gives right after the claim; wrong answers come from other sections", () => {
    const s = study();
    const evidence = writeSupportingEvidence({ study: s, random: createRandom(1) });
    const moor = evidence.find((candidate) => /wild plants on open moorland rely on visiting insects/.test(candidate.question));
    expect(moor?.level).toBe("evaluate");
    expect(moor?.key).toBe("Clover and heather depend on bumblebees to spread their pollen across the moor");
    const pollination = s.material.sentences.filter((sentence) => sentence.heading === "Pollination").map((sentence) => sentence.text);
    for (const distractor of moor!.distractors) {
      expect(pollination.some((text) => text.includes(distractor.slice(1)))).toBe(false);
    }
  });
});

describe("golden: a cue word shared by stem and key is shared by a wrong answer too", () => {
  it("offers a true statement that repeats the stem's word beside the key", () => {
    const explain = writeExplainCause({ study: study(), random: createRandom(1) });
    const honey = explain.find((candidate) => /why honey keeps for years/.test(candidate.question));
    expect(honey?.key).toBe("Honey holds very little water");
    // No other reason in the text mentions honey; a true statement about honey keeps the word from
    // pointing to the key, and it is no reason for honey keeping.
    expect(honey!.distractors.some((distractor) => /honey/i.test(distractor))).toBe(true);
    expect(honey!.distractors).not.toContain("Honey keeps for years");
});
});

describe("golden: a rule applied to a case the text names", () => {
  const TOLLS = `Road Charges

## Tolls

A toll (a fee for using a road), such as a bridge charge, can reduce traffic if it is set above the cost of the trip. A subsidy (a payment from the state), such as a bus grant, can increase bus use if it is paid every month. Drivers choose other routes when roads are crowded. Most cities publish their traffic counts every year.`;

  it("asks about the named instance, keys the rule's outcome for it and offers the rule reversed", () => {
    const study = studyMaterial([{ text: TOLLS }]);
    const instances = writeRuleToInstance({ study, random: createRandom(1) });
    const bridge = instances.find((candidate) => candidate.question.startsWith("Suppose that a bridge charge is set above the cost of the trip"));
    expect(bridge?.level).toBe("apply");
    expect(bridge?.key).toBe("A bridge charge can reduce traffic");
    expect(bridge?.distractors[0]).toMatch(/^A bridge charge can (?:increase|expand) traffic$/);
    // Its stem never names the category, so the learner must see the bridge charge as a toll.
    expect(bridge?.question).not.toMatch(/\btoll\b/i);
    // It tests the same sentence as the plain rule-to-case question, so selection keeps only one.
    const plain = writeRuleToCase({ study, random: createRandom(1) }).find((candidate) => /a toll is set above/.test(candidate.question));
    expect(plain?.fact).toBe(bridge?.fact);
  });
});

describe("golden: sorting the sides of a contrast", () => {
  it("keys the pairing the text states, offers it swapped, and keeps each side's verb in agreement", () => {
    const sorts = writeSortContrast({ study: study(), random: createRandom(1) });
    const food = sorts.find((candidate) => /contrasts nectar with pollen/.test(candidate.question));
    expect(food?.level).toBe("analyze");
    expect(food?.key).toBe("Nectar provides sugar for energy; pollen provides protein for the larvae");
    expect(food?.distractors).toContain("Nectar provides protein for the larvae; pollen provides sugar for energy");
    for (const option of [food!.key, ...food!.distractors]) {
      // Both sides are singular in the text: no option may give either side a plural verb.
      expect(option).toMatch(/^Nectar (?:is|has|was|does|can \w+|\w+[^s]s)\b.*; pollen (?:is|has|was|does|can \w+|\w+[^s]s)\b/);
    }
  });
});

describe("golden: ordering a long timeline", () => {
  const TOWN = `The Town of Hollin

## Early Years

In 1402, monks founded a small abbey beside the river. In May 1420, the abbey built a stone bridge. In 1455, merchants opened a weekly market near the bridge. In March 1480, a fire destroyed the wooden houses by the market. In 1502, the town council paved the main street.

## Later Years

In 1561, the council built a grammar school. In June 1604, floods damaged the old bridge. In 1650, the town walls were pulled down. In 1702, a canal linked the town to the coast.`;

  it("reads dates after a capital 'In' and asks two orderings on disjoint events, each keyed to the true order", () => {
    const study = studyMaterial([{ text: TOWN }]);
    const dates = study.relations.sequences.find((sequence) => sequence.kind === "dates");
    expect(dates?.steps.length).toBeGreaterThanOrEqual(8);
    const orders = writeOrder({ study, random: createRandom(1) });
    expect(orders).toHaveLength(2);
    const [first, second] = orders.map((candidate) => new Set(candidate.sentenceIds));
    expect([...first].some((id) => second.has(id))).toBe(false);
    for (const candidate of orders) {
      expect(candidate.level).toBe("analyze");
      // The key lists the shown items in the order of their sentences, which this text tells in date order.
      const shown = [...candidate.question.matchAll(/\((\d)\) ([^;.]+)/g)].map((match) => match[2]);
      const keyOrder = candidate.key.split(", ").map((n) => shown[Number(n) - 1]);
      const positions = keyOrder.map((label) => TOWN.indexOf(label));
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
    }
  });
});

describe("golden: no long key among short wrong answers", () => {
  const HIVES = `Hives

## Foraging

The queen is old. Heavy rain falls. Many larvae die. The bees stay home. Honeybees build their combs from wax that their bodies make from the sugar in the honey they eat.`;

  it("swaps in a wrong answer about as long as a long key, from the pool or else from the text", () => {
    const study = studyMaterial([{ text: HIVES }]);
    const key = "Worker bees must carry nectar and pollen back to the hive from flowers that grow far away";
    const short = ["The queen is old", "Heavy rain falls", "Many larvae die"];
    const needed = (key.length - 8) / 1.25;
    const long = "Foragers that fly between distant meadows and the hive wear out their wings within weeks";
    expect(withLengthPartner(short, [...short, long], key, study, () => true)).toEqual(["The queen is old", "Heavy rain falls", long]);
    const fromText = withLengthPartner(short, short, key, study, () => true);
    expect(fromText[2]).toBe("Honeybees build their combs from wax that their bodies make from the sugar in the honey they eat");
    expect(fromText[2].length).toBeGreaterThanOrEqual(needed);
    // Nothing changes when a wrong answer is long enough already, or when the text may not be used.
    expect(withLengthPartner([...short.slice(0, 2), long], short, key, study, () => true)).toEqual([...short.slice(0, 2), long]);
    expect(withLengthPartner(short, short, key, study, () => false)).toEqual(short);
  });
});

describe("golden: quantifiers standing for people named elsewhere", () => {
  it("never offers 'Some burn …' as a statement that reads on its own", async () => {
    const { isSelfContained } = await import("../clauses");
    const study = studyMaterial([{ text: "Growers heat their greenhouses. For example, some burn paraffin heaters in winter. Some plants grow faster in warm air." }]);
    const [, burn, plants] = study.material.sentences;
    expect(isSelfContained("some burn paraffin heaters in winter", burn)).toBe(false);
    expect(isSelfContained("some plants grow faster in warm air", plants)).toBe(true);
  });
});

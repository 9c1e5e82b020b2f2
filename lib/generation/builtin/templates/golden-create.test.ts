import { describe, expect, it } from "vitest";
import { generateBuiltin } from "..";
import { createRandom } from "../random";
import { studyMaterial } from "../study-material";
import { writeDesignInvestigation, writePlanForGoal } from "./create";
import { investigationFact, writePlanFromMeans, writeTestCausalClaim, writeTestThreshold } from "./create-claims";

// Hand-written passages (not the shared samples) for the create templates that plan tests and means.
const WOOL = `Hard Times in a Medieval Town

## Prices and Harvests

In the fourteenth century, the town sold its wool across Europe. Wet summers in 1315 caused the price of grain to rise sharply. As a result, hunger spread through the villages and the town. By 1320, the treasury was deeply in debt, partly because the king had spent heavily on castles. The weavers moved to Flanders because the guilds there paid better.`;

const SOURDOUGH = `Caring for Sourdough

## Feeding the Starter

Sourdough starter is a mixture of flour and water in which wild yeast and bacteria live. Fermentation is the process by which yeast turns sugar into gas and alcohol. Warming the jar speeds up the process. Adding too much salt makes it harder for the yeast to grow. A higher temperature leads to a larger amount of gas. Temperature also matters because the yeast is alive. The rate of rising increases up to about 30 degrees.

## Getting a Good Rise

Bakers often use proving drawers, which both warm the dough and add moisture to the air, while steam ovens lengthen the time the crust stays soft. As a result, loaves can rise higher than they would in a cold kitchen.`;

const random = () => createRandom(1);

describe("golden: test a causal claim the text makes", () => {
  it("plans a comparison of records for a past claim, without its date or its direction", () => {
    const claims = writeTestCausalClaim({ study: studyMaterial([{ text: WOOL }]), random: random() });
    const grain = claims.find((candidate) => /wet summers/.test(candidate.question));
    expect(grain?.level).toBe("create");
    expect(grain?.question).toBe("The text links wet summers to the price of grain. Which comparison of records would test that link fairly?");
    // The key compares years with and without the cause, all else alike; no wrong plan does both.
    expect(grain?.key).toBe("Compare the price of grain in years with and without wet summers, alike in other ways");
    for (const plan of grain!.distractors) expect(plan).not.toMatch(/with and without wet summers, alike in other ways/);
    // The leading wrong plans are wrong by what they compare, not by their wording about fairness.
    expect(grain?.distractors.slice(0, 3)).toEqual([
      "Compare the price of grain in years with both wet summers and heavy spending on castles against years with neither, alike in other ways",
      "Pick the years when the price of grain was at its highest, and check whether each had wet summers",
      "Compare the price of grain from one year with wet summers to another, alike in other ways",
    ]);
    // The plan that differs from the key only in "whatever else differed" comes last.
    expect(grain?.distractors.at(-1)).toBe("Compare the price of grain in years with and without wet summers, whatever else differed between them");
    // A claim about 1315 alone cannot be compared with other years: the date is dropped, never the stem's.
    expect(grain?.question).not.toMatch(/1315|rise/);
  });

  it("leads each claim of one text with its own wrong kinds, so the questions do not read as one item repeated", () => {
    const claims = writeTestCausalClaim({ study: studyMaterial([{ text: WOOL }]), random: random() });
    expect(claims).toHaveLength(3);
    // The shape of a wrong plan: its words once the claim's two things are taken out.
    const shapes = claims.map((candidate) => {
      const [, cause, outcome] = /links (.+) to (.+)\. Which/.exec(candidate.question)!;
      return new Set(candidate.distractors.slice(0, 3).map((plan) => plan.replaceAll(cause, "X").replaceAll(outcome, "Y").replace(/heavy spending on castles|wet summers/g, "W")));
    });
    for (let i = 0; i < shapes.length; i++) {
      for (let j = i + 1; j < shapes.length; j++) expect([...shapes[i]].filter((shape) => shapes[j].has(shape)).length).toBeLessThan(3);
    }
    for (const candidate of claims) expect(candidate.distractors.slice(0, 3).some((plan) => /whatever else/.test(plan))).toBe(false);
    // Another cause tested instead is never one the text puts upstream of the claim: wet summers raised
    // the price of grain that led to hunger, so comparing years with and without them tests the claim
    // indirectly; heavy spending on castles does not.
    const hunger = claims.find((candidate) => /to hunger\./.test(candidate.question))!;
    expect(hunger.distractors).toContain("Compare hunger in years with and without heavy spending on castles, alike in other ways");
    expect(hunger.distractors.join(" ")).not.toMatch(/wet summers/);
    expect(hunger.distractors).toContain("Pick the years when hunger was at its highest, and check whether each had a sharp rise in the price of grain");
  });

  it("carries a change into the sentence that says what it brought, and names a past reason and state as things", () => {
    const claims = writeTestCausalClaim({ study: studyMaterial([{ text: WOOL }]), random: random() });
    const questions = claims.map((candidate) => candidate.question);
    expect(questions).toContain("The text links a sharp rise in the price of grain to hunger. Which comparison of records would test that link fairly?");
    // It cites the "As a result" sentence and explains with the sentence before it, which states the rise.
    const hunger = claims.find((candidate) => /to hunger\./.test(candidate.question));
    expect(hunger?.sentenceIds).toHaveLength(2);
    expect(hunger?.explanation).toMatch(/caused the price of grain to rise sharply\. As a result, hunger spread/);
    expect(questions).toContain("The text links heavy spending on castles to the treasury's debt. Which comparison of records would test that link fairly?");
  });

  it("makes no plan of a 'because' that explains one event or backs a statement", () => {
    const wool = writeTestCausalClaim({ study: studyMaterial([{ text: WOOL }]), random: random() });
    expect(wool.some((candidate) => /weavers|guilds|Flanders/.test(candidate.question))).toBe(false);
    const dough = writeTestCausalClaim({ study: studyMaterial([{ text: SOURDOUGH }]), random: random() });
    // "Temperature also matters because the yeast is alive" gives a reason for a statement, not a cause to vary.
    expect(dough.some((candidate) => /alive/.test(candidate.question))).toBe(false);
    // "The rate of rising increases up to about 30 degrees" names no cause at all.
    expect(dough.some((candidate) => /30 degrees|rate of rising/.test(candidate.question))).toBe(false);
  });

  it("plans an experiment for a present claim: with and without an action, or a changed amount", () => {
    const claims = writeTestCausalClaim({ study: studyMaterial([{ text: SOURDOUGH }]), random: random() });
    const keys = claims.map((candidate) => candidate.key);
    // "the process" is the one thing the text defines as a process.
    expect(keys).toContain("Compare cases with and without warming the jar, keep everything else the same, and measure the speed of fermentation");
    expect(keys).toContain("Compare cases with and without adding too much salt, keep everything else the same, and measure how hard it is for the yeast to grow");
    const amount = claims.find((candidate) => /a higher temperature|the temperature to/.test(candidate.question));
    expect(amount?.key).toBe("Change the temperature, keep everything else the same, and measure the amount of gas");
    expect(amount?.distractors).toContain("Change the amount of gas, keep everything else the same, and measure the temperature");
    for (const candidate of claims) expect(candidate.level).toBe("create");
  });

  it("names an amount by the fuller name the sentence gave it first", () => {
    const text = "Salt and Yeast\n\n## Rate\n\nFermentation is the process by which yeast turns sugar into gas. Salt content is one factor: with little salt the dough rises quickly, and increasing the salt slows down the process.";
    const [claim] = writeTestCausalClaim({ study: studyMaterial([{ text }]), random: random() });
    expect(claim?.key).toBe("Change the salt content, keep everything else the same, and measure the speed of fermentation");
  });

  it("reads a plural cause, and makes no claim of an outcome it cannot name as something to observe", () => {
    const text = "Money\n\n## Rates\n\nHigher interest rates lead to lower spending. The storm caused damage to the harbour. The war led to the collapse of the empire. Deforestation leads to a drier climate.";
    const claims = writeTestCausalClaim({ study: studyMaterial([{ text }]), random: random() });
    expect(claims.map((candidate) => candidate.key)).toEqual(["Change the interest rates, keep everything else the same, and measure the spending"]);
  });

  it("observes a past state in the past tense", () => {
    const text = "Printing\n\n## Books\n\nIn the 1450s, cheap paper led to a rapid trade in books.";
    const [claim] = writeTestCausalClaim({ study: studyMaterial([{ text }]), random: random() });
    expect(claim?.key).toBe("Compare how rapid the trade in books was in years with and without cheap paper, alike in other ways");
  });

  it("never asks a claim and a rule about the same two quantities as two facts", () => {
    const text = `${SOURDOUGH}\n\nWhen the temperature rises, the amount of gas rises.`;
    const study = studyMaterial([{ text }]);
    const design = writeDesignInvestigation({ study, random: random() }).find((candidate) => /the temperature/.test(candidate.question));
    const claim = writeTestCausalClaim({ study, random: random() }).find((candidate) => /the temperature/.test(candidate.question));
    expect(design?.fact).toBe(investigationFact("the temperature", "the amount of gas"));
    expect(claim?.fact).toBe(design?.fact);
  });
});

describe("golden: plan for a goal from the actions the text says bring it about", () => {
  it("keys every action the text gives and reverses at least one in each wrong plan", () => {
    const [plan] = writePlanFromMeans({ study: studyMaterial([{ text: SOURDOUGH }]), random: random() });
    expect(plan?.level).toBe("create");
    expect(plan?.question).toBe("You want loaves to rise higher than they would in a cold kitchen. Based on the text, which plan would achieve it?");
    expect(plan?.key).toBe("Warm the dough, add moisture to the air and lengthen the time the crust stays soft");
    expect(plan?.distractors).toContain("Cool the dough, remove moisture from the air and lengthen the time the crust stays soft");
    // No wrong plan is one the text supports: each does the opposite of at least one stated action.
    for (const wrong of plan!.distractors) expect(wrong).toMatch(/\b(?:Cool|remove|shorten)\b/);
    // It quotes the sentence with the actions, so the linter's grounding check reads the key's words there.
    expect(plan?.sentenceIds).toHaveLength(2);
  });

  it("needs an improvement after 'As a result' and two actions with opposites", () => {
    const text = "Bakers use proving drawers, which warm the dough. As a result, loaves can rise higher.\n\nCooks add salt to the water, which raises the boiling point. As a result, the pasta is salty.";
    expect(writePlanFromMeans({ study: studyMaterial([{ text }]), random: random() })).toEqual([]);
  });
});

describe("golden: the generator labels these questions create", () => {
  it("writes create questions at the create level only", async () => {
    const result = await generateBuiltin(
      { passages: [{ text: SOURDOUGH }], counts: { remember: 0, understand: 0, apply: 0, analyze: 0, evaluate: 0, create: 3 }, seed: 1 },
      { signal: new AbortController().signal },
    );
    expect(result.mcqs.length).toBe(3);
    for (const mcq of result.mcqs) expect(mcq.bloom_level).toBe("create");
    expect(result.mcqs.some((mcq) => /with and without|Change the temperature/.test(mcq.correct_answer))).toBe(true);
  });
});

describe("golden: plan a test of a stated threshold", () => {
  const SEEDS = `Growing Seeds

## Warmth

The rate of germination depends on warmth and water. Watering the tray speeds up the process. For most seeds, the rate increases up to roughly 20–30 °C; above that, the seed coat dries out, and the rate falls sharply.`;

  it("keys a range on both sides of the stated values, and makes the wrong ranges wrong by their values", () => {
    const [plan] = writeTestThreshold({ study: studyMaterial([{ text: SEEDS }]), random: random() });
    expect(plan?.level).toBe("create");
    expect(plan?.question).toBe("The text describes how the rate of germination changes with temperature for most seeds. Which investigation would test the whole of that description fairly?");
    expect(plan?.key).toBe("Change the temperature through 10, 20, 30 and 40 °C, keep everything else the same, and measure the rate of germination at each");
    // Only below, only above: the same fair-test wording, so only the values tell them from the key.
    expect(plan?.distractors.slice(0, 2)).toEqual([
      "Change the temperature through 4, 8, 12 and 16 °C, keep everything else the same, and measure the rate of germination at each".replace("4, 8, 12 and 16", "5, 10 and 15"),
      "Change the temperature through 35, 40, 45 and 50 °C, keep everything else the same, and measure the rate of germination at each",
    ]);
    // A different seed at each temperature changes two things at once.
    expect(plan?.distractors).toContain("Change the temperature through 10, 20, 30 and 40 °C, using a different seed at each temperature, and measure the rate of germination");
  });

  it("is written as a clean, grounded create question, beside the apply question on the same sentence without answering it", async () => {
    const result = await generateBuiltin(
      { passages: [{ text: SEEDS }], counts: { remember: 0, understand: 0, apply: 1, analyze: 0, evaluate: 0, create: 2 }, seed: 1 },
      { signal: new AbortController().signal },
    );
    const threshold = result.mcqs.filter((mcq) => /°C/.test(`${mcq.question} ${mcq.correct_answer}`));
    expect(threshold.map((mcq) => mcq.bloom_level).sort()).toEqual(["apply", "create"]);
    const apply = threshold.find((mcq) => mcq.bloom_level === "apply")!;
    const plan = threshold.find((mcq) => mcq.bloom_level === "create")!;
    // The plan names the quantity and the scale, never what happens beyond the threshold.
    expect(`${plan.question} ${plan.options.join(" ")}`.toLowerCase()).not.toContain(apply.correct_answer.toLowerCase());
    expect(apply.question).not.toContain(plan.correct_answer);
    for (const mcq of result.mcqs) expect(mcq.lint ?? []).toEqual([]);
  });

  it("needs a scale it can name and a quantity named in full before", () => {
    const unnamed = "Seeds\n\n## Warmth\n\nFor most seeds, the rate increases up to roughly 20–30 °C; above that, the rate falls sharply.";
    expect(writeTestThreshold({ study: studyMaterial([{ text: unnamed }]), random: random() })).toEqual([]);
    const percent = "Seeds\n\n## Water\n\nThe rate of germination depends on water. For most seeds, the rate increases up to roughly 40%; above that, the rate falls.";
    expect(writeTestThreshold({ study: studyMaterial([{ text: percent }]), random: random() })).toEqual([]);
  });
});

describe("golden: no wrong plan that reaches the goal", () => {
  const TICKETS = `Museum Visits

## Prices

When the price of tickets rises, the number of visitors falls, and when the price falls, the number of visitors rises. A higher price means that a family budget covers fewer trips, so families stay at home. When the weather is cold, the cafe sells more soup. When the season turns, the opening hours change. When a higher price applies on weekends, the shop sells fewer postcards.

## Queues

A queue clears through a simple process. First, suppose the price is above the usual level: buyers want to buy fewer tickets than the desk wants to sell, so unsold tickets build up. Then, to get rid of these tickets, the desk cuts its prices. Finally, as the price falls, the number of visitors rises until the hall is full.`;

  it("offers no clause that the text gives as following from the key's means, or as a later step that reaches the goal", () => {
    const plans = writePlanForGoal({ study: studyMaterial([{ text: TICKETS }]), random: random() });
    const visitors = plans.find((candidate) => /the number of visitors falls\./.test(candidate.question));
    expect(visitors?.key).toBe("Make sure that the price of tickets rises");
    // Families staying at home is the number of visitors falling, by the text's own "so".
    expect(visitors?.distractors).not.toContain("Make sure that families stay at home");
    // Nor a clause that holds the key's means ("a higher price …").
    expect(visitors?.distractors.join(" ")).not.toMatch(/higher price/);
    // "a higher price applies on weekends" holds the key's means.
    expect(visitors?.distractors.join(" ")).not.toMatch(/weekends/);
    // Unsold tickets building up leads, by the process's later steps, to a lower price and more visitors:
    // no plan for more visitors, but a fair wrong plan for fewer.
    const more = plans.find((candidate) => /the number of visitors rises\./.test(candidate.question));
    expect(more?.key).toBe("Make sure that the price falls");
    expect(more?.distractors.join(" ")).not.toMatch(/unsold tickets build up|buyers want to buy fewer/);
    expect(visitors?.distractors).toContain("Make sure that the price of tickets falls");
    expect(visitors!.distractors.length).toBeGreaterThanOrEqual(3);
  });

  it("plans for no undirected goal, which any change to what sets it would reach", () => {
    const plans = writePlanForGoal({ study: studyMaterial([{ text: TICKETS }]), random: random() });
    expect(plans.some((candidate) => /opening hours change/.test(candidate.question))).toBe(false);
  });
});

describe("golden: two questions on the same two sentences test one link", () => {
  const TOWN = `Hard Times in a Medieval Town

## Prices and Harvests

In the fourteenth century, the town sold its wool across Europe. Wet summers in 1315 caused the price of grain to rise sharply. As a result, hunger and anger grew in the villages and the town. By 1320, the treasury was deeply in debt, partly because the king had spent heavily on castles. The weavers moved to Flanders because the guilds there paid better.

## The Council

The roads flooded in 1321, so merchants stayed away from the market. The town hall burned in 1322, so the council met in the church. The bishop raised the tithe, which meant that many families left the town.`;

  it("never traces the outcome of an 'As a result' sentence and plans a test of the same link in one quiz", async () => {
    for (let seed = 1; seed <= 8; seed++) {
      const result = await generateBuiltin(
        { passages: [{ text: TOWN }], counts: { remember: 0, understand: 0, apply: 0, analyze: 3, evaluate: 0, create: 3 }, seed },
        { signal: new AbortController().signal },
      );
      const questions = result.mcqs.map((mcq) => mcq.question);
      // The plan's stem names the rise in the price of grain, the answer to the tracing question.
      const traces = questions.some((question) => /led to this outcome: hunger and anger/.test(question));
      const plans = questions.some((question) => /links a sharp rise in the price of grain to hunger and anger/.test(question));
      expect(traces && plans).toBe(false);
    }
  });
});

describe("golden: no undirected change as a wrong plan", () => {
  const FERRIES = `Ferry Crossings

## Fares

When the fare falls, the number of passengers rises. When the fare rises, the number of passengers falls. When the timetable shifts, the crossing changes. A storm at sea makes the crossing slower. When the harbour is crowded, boats wait outside the wall.

## Crews

When a crew is short of sailors, the ferry stays in port. Older ferries use more fuel than newer ones.`;

  it("never offers a change with no direction ('the timetable shifts'), which could be just the change that reaches the goal", () => {
    const plans = writePlanForGoal({ study: studyMaterial([{ text: FERRIES }]), random: random() });
    const rising = plans.filter((plan) => /number of passengers rises/.test(plan.question));
    expect(rising.length).toBeGreaterThan(0);
    for (const plan of rising) {
      expect(plan.key).toMatch(/fare falls/);
      expect(plan.distractors.some((option) => /timetable shifts/.test(option))).toBe(false);
    }
  });
});

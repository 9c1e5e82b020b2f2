import { describe, expect, it } from "vitest";
import { generateBuiltin } from "..";
import { createRandom } from "../random";
import { studyMaterial } from "../study-material";
import { writeDesignInvestigation } from "./create";
import { investigationFact, writePlanFromMeans, writeTestCausalClaim } from "./create-claims";

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
    expect(grain?.distractors).toEqual(
      expect.arrayContaining([
        "Gather years with wet summers, record the price of grain in each, and compare them with each other",
        "Compare the price of grain in years with and without wet summers, whatever else differed between them",
      ]),
    );
    // A claim about 1315 alone cannot be compared with other years: the date is dropped, never the stem's.
    expect(grain?.question).not.toMatch(/1315|rise/);
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

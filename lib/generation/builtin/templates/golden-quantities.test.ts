import { describe, expect, it } from "vitest";
import { generateBuiltin } from "@/lib/generation/builtin";
import { lintMcq } from "@/lib/generation/lint";
import type { Candidate } from "../candidate";
import { writeFormulaNewValues } from "./apply-formula";
import { writeDateInPeriod, writeScaleRatio, writeShareOfWhole, writeThresholdCase } from "./apply-quantities";
import { writeCheckTrace } from "./evaluate-quantities";
import { templateContext } from "./golden-helpers";

// Hand-written passages (not the shared samples); each assertion is what a teacher would check of a
// question that carries the text's numbers over to a new case.

// A worked example over two variables in a domain far from networking: the same pattern as a
// handshake ("say n", "a check number of n + 2", "for example, if … n = 40 …, … RECEIPT (num = 40, …)").
const HELP_DESK = `Numbering Visits at a Help Desk

## The Rule

When a customer arrives, the desk prints a ticket with the next free number, say n. The receipt the customer keeps carries a check number of n + 2, which the clerk types in to confirm the visit. At the end of the day the manager counts the visits, say m, and files a report with a report number of m + 1.

For example, if the desk prints n = 40 and the manager counts m = 300, the desk prints TICKET (num = 40), the customer keeps RECEIPT (num = 40, check = 42), and the manager files REPORT (num = 301).`;

const CHEMISTRY = `Burning Hydrogen

When hydrogen burns, two molecules of hydrogen react with one molecule of oxygen to produce two molecules of water. The reaction releases a large amount of heat.

For most yeasts, the activity rises up to about 38 °C; above that, the cells are damaged, and the activity stops.`;

const VILLAGE = `Life in the Valley

In the early nineteenth century, farmers made up about 60 percent of the population of the valley. For a farming household, rent could take up more than a third of its income.

The period from 1820 to 1833 is known as the Long Drought. The Great Flood lasted from 1834 to 1836. After the flood, many families moved to the towns.`;

const NARRATIVE = `A Bridge Over the River

In 1850 the town built a wooden bridge. In 1862 a storm damaged it, and the council paid for repairs. The teacher drew an x on the board and said x = 5 was only a guess. Prices rose 5 percent that year. The river rises in spring, and the meadows flood.`;

const options = (candidate: Candidate) => [candidate.key, ...candidate.distractors];
const seeds = [1, 2, 3, 4, 5];

describe("golden (quantities): a worked formula run on new numbers", () => {
  const candidates = seeds.flatMap((seed) => writeFormulaNewValues(templateContext(HELP_DESK, seed)));

  it("asks about each computed value whose rule a sentence states, at the apply level", () => {
    expect(candidates.length).toBeGreaterThan(0);
    expect(new Set(candidates.map((candidate) => candidate.fact))).toEqual(new Set([expect.stringMatching(/RECEIPT\.check$/), expect.stringMatching(/REPORT\.num$/)]));
    for (const candidate of candidates) expect(candidate.level).toBe("apply");
  });

  it("computes the key from the new numbers in the stem, and only the key is right", () => {
    for (const candidate of candidates) {
      const n = Number(/n = (\d+)/.exec(candidate.question)![1]);
      const m = Number(/m = (\d+)/.exec(candidate.question)![1]);
      expect(n).not.toBe(40);
      expect(m).not.toBe(300);
      const right = /RECEIPT/.test(candidate.question) ? n + 2 : m + 1;
      expect(options(candidate).filter((option) => Number(option) === right)).toEqual([candidate.key]);
      expect(new Set(options(candidate)).size).toBe(options(candidate).length);
      // The slips a learner makes: the offset forgotten, the other variable.
      expect(candidate.distractors).toContain(String(/RECEIPT/.test(candidate.question) ? n : m));
    }
  });

  it("names the field as the text does and shows the computation", () => {
    const receipt = candidates.find((candidate) => /RECEIPT/.test(candidate.question))!;
    expect(receipt.question).toMatch(/what check number does the RECEIPT carry\?$/);
    expect(receipt.explanation).toMatch(/n \+ 2 = \d+/);
  });
});

describe("golden (quantities): checking a worked trace", () => {
  const candidates = seeds.flatMap((seed) => writeCheckTrace(templateContext(HELP_DESK, seed)));

  it("writes evaluate questions whose key is the one value that breaks the rule", () => {
    expect(candidates.length).toBeGreaterThan(0);
    for (const candidate of candidates) {
      expect(candidate.level).toBe("evaluate");
      const n = Number(/n = (\d+)/.exec(candidate.question)![1]);
      const m = Number(/m = (\d+)/.exec(candidate.question)![1]);
      const correct: Record<string, number> = { "TICKET: num": n, "RECEIPT: num": n, "RECEIPT: check": n + 2, "REPORT: num": m + 1 };
      const isRight = (option: string) => {
        const [, field, value] = /^(.+) = (\d+)$/.exec(option)!;
        return correct[field] === Number(value);
      };
      expect(options(candidate).filter((option) => !isRight(option))).toEqual([candidate.key]);
    }
  });

  it("never shows a value in the stem, so no option is given away by it", () => {
    for (const candidate of candidates) for (const option of options(candidate)) expect(candidate.question).not.toContain(option);
  });
});

describe("golden (quantities): scaling a stated ratio and a threshold case", () => {
  const ratios = seeds.flatMap((seed) => writeScaleRatio(templateContext(CHEMISTRY, seed)));
  const counts: Record<string, number> = { hydrogen: 2, oxygen: 1, water: 2 };

  it("scales the equation's counts (number words read) to the new amount", () => {
    expect(ratios.length).toBeGreaterThan(0);
    for (const candidate of ratios) {
      const [, amount, given] = /(?:uses|makes) (\d+) molecules? of (\w+)/.exec(candidate.question)!;
      const asked = /how many molecules of (\w+)/.exec(candidate.question)![1];
      const right = (Number(amount) / counts[given]) * counts[asked];
      expect(Number(candidate.key)).toBe(right);
      expect(options(candidate).filter((option) => Number(option) === right)).toHaveLength(1);
      expect(candidate.level).toBe("apply");
    }
  });

  it("carries a threshold to a value beyond it; the first wrong answer is the rule below it", () => {
    const [threshold] = writeThresholdCase(templateContext(CHEMISTRY));
    expect(threshold.question).toBe("For most yeasts, what happens to the activity at 48 °C, following the text?");
    expect(threshold.key).toBe("The activity stops");
    expect(threshold.distractors[0]).toBe("The activity keeps rising");
    expect(threshold.distractors).toHaveLength(3);
  });
});

describe("golden (quantities): shares of a whole and dated periods", () => {
  const shares = seeds.flatMap((seed) => writeShareOfWhole(templateContext(VILLAGE, seed)));

  it("carries a percentage to a new group, and never a bounded share whose options would nest", () => {
    const percent = shares.filter((candidate) => /people/.test(candidate.question));
    expect(percent.length).toBeGreaterThan(0);
    // "rent could take up more than a third of its income": "more than 100" and "more than 200" of 600
    // would both be true, so no question is written from it.
    expect(shares.filter((candidate) => /income/.test(candidate.question))).toEqual([]);
    for (const candidate of percent) {
      const size = Number(/group of (\d+)/.exec(candidate.question)![1]);
      expect(candidate.question).toMatch(/would be farmers\?$/);
      expect(candidate.key).toBe(`About ${0.6 * size}`);
    }
    for (const candidate of shares) {
      expect(candidate.level).toBe("apply");
      expect(new Set(options(candidate)).size).toBe(4);
    }
  });

  it("places a date the text does not mention in exactly one true option", () => {
    const periods: Record<string, [number, number]> = { "the Long Drought": [1820, 1833], "the Great Flood": [1834, 1836] };
    const dated = seeds.flatMap((seed) => writeDateInPeriod(templateContext(VILLAGE, seed)));
    expect(new Set(dated.map((candidate) => candidate.key))).toEqual(new Set(["During the Long Drought", "During the Great Flood"]));
    for (const candidate of dated) {
      const [, written, year] = /dated (\w+ (\d{4}))\./.exec(candidate.question)!;
      expect(VILLAGE).not.toContain(written);
      const truth = (option: string) => {
        const [, relation, name] = /^(During|Before|After) (.+?)(?: began| had ended)?$/.exec(option)!;
        const [from, to] = periods[name];
        const y = Number(year);
        return relation === "During" ? y >= from && y <= to : relation === "Before" ? y < from : y > to;
      };
      expect(options(candidate).filter(truth)).toEqual([candidate.key]);
      expect(candidate.level).toBe("apply");
    }
  });
});

describe("golden (quantities): no false positives", () => {
  const templates = [writeFormulaNewValues, writeCheckTrace, writeScaleRatio, writeThresholdCase, writeShareOfWhole, writeDateInPeriod];

  it("writes nothing from a narrative with dates but no period, an ordinary x, a bare percentage or a rule with no threshold", () => {
    for (const template of templates) expect(template(templateContext(NARRATIVE))).toEqual([]);
  });

  it("does not read a phrase of time as the group a share belongs to", () => {
    const shares = writeShareOfWhole(templateContext("Farming\n\nIn 1900 farmers made up about 60 percent of the population. Most of them grew wheat."));
    expect(shares).toEqual([]);
  });

  it("needs two dated periods to offer wrong periods of the same kind", () => {
    expect(writeDateInPeriod(templateContext("History\n\nThe period from 1820 to 1833 is known as the Long Drought. Many farms failed."))).toEqual([]);
  });
});

describe("golden (quantities): in a generated set", () => {
  it("keeps the computed questions lint-clean and grounded, at the levels of their templates", async () => {
    const text = `${HELP_DESK}\n\n${VILLAGE}`;
    const result = await generateBuiltin(
      { passages: [{ text }], counts: { remember: 0, understand: 0, apply: 6, analyze: 0, evaluate: 2, create: 0 }, seed: 3 },
      { signal: new AbortController().signal },
    );
    const computed = result.mcqs.filter((mcq) => /\d/.test(mcq.question));
    // The help desk's example traces four values, so a check shows the other three, both computed
    // ones among them: a check and a rule carried over on new numbers cannot both be in one set.
    expect(computed.length).toBeGreaterThanOrEqual(4);
    for (const mcq of computed) {
      expect(lintMcq(mcq, text)).toEqual([]);
      expect(["apply", "evaluate"]).toContain(mcq.bloom_level);
    }
    // Evaluate is a check of the worked example or a judged conclusion ("After the flood, many families moved …").
    expect(result.mcqs.filter((mcq) => mcq.bloom_level === "evaluate").every((mcq) => /worked example|concludes:/.test(mcq.question))).toBe(true);
  });
});

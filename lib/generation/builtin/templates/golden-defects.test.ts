import { describe, expect, it } from "vitest";
import { generateBuiltin } from "../index";
import { createRandom } from "../random";
import { studyMaterial } from "../study-material";
import { writeRuleToCase } from "./apply";
import { writeDesignInvestigation, writePlanForGoal } from "./create";
import { writeFindTheError } from "./evaluate";
import { writeCompletion, writeTermForMeaning } from "./remember";
import { writeContrast } from "./understand";

// Hand-written passages (not the shared samples). Each one holds the trap behind a defect a teacher
// found in earlier output; the assertions are what that teacher would check.

const CELLS = `Inside a Plant Cell

## Where Respiration Happens

In animals, respiration takes place mainly in the muscles. Mitochondria, the small organelles where respiration actually happens, are found in almost every cell. Ribosomes are tiny structures that build proteins. The cell membrane controls what enters the cell. The vacuole stores water and salts for later use. The nucleus holds the cell's genetic material, whereas the cytoplasm is a jelly that fills the rest of the cell. Sugar, oxygen and water move across the membrane every second.

## Enzymes

Temperature also matters, because the reactions of respiration are controlled by enzymes. When the temperature of a cell rises, the rate of respiration rises too. When a cell is short of oxygen, its mitochondria make less energy. Enzymes lose their shape above 45 degrees. The cytoplasm contains enzymes, ribosomes and stored sugar.`;

const KINGDOM = `The Kingdom of Aravia

## The Old Order

Aravia is a small kingdom in the mountains. In 1610, King Edmund II founded a council of nobles in Aravia, and the council met at Castel Dorn. The writer Mara de Lune described the court in 1622. At first, many people hoped Aravia would become a constitutional monarchy; unlike an absolute ruler, a constitutional monarch shares power with an elected assembly.

## Reform

A dispute quickly arose over taxes, which meant the nobles could always outvote the towns. In 1631, the council moved from Castel Dorn to Veyra, and Mara de Lune wrote about the move. The towns grew richer when trade with the coast increased. In 1640, King Edmund II abolished the council and the nobles lost their power.`;

const MARKETS = `Prices in a Market

## Demand

When the price of a good rises, the quantity demanded falls. The market price rises when buyers compete for scarce goods. Sellers cut their prices when unsold stock builds up. A tax on a good raises its price, whereas a subsidy lowers its price. Buyers purchase less when incomes fall. The demand curve shifts to the right when incomes rise.`;

const context = () => ({ signal: new AbortController().signal });

describe("golden: same-kind swaps in find-the-error", () => {
  it("never swaps in a verb misread as a noun, and names swap for names of the same kind", () => {
    for (const text of [MARKETS, KINGDOM, CELLS]) {
      const study = studyMaterial([{ text }]);
      for (const candidate of writeFindTheError({ study, random: createRandom(2) })) {
        const options = [candidate.key, ...candidate.distractors].join(" ");
        // "rises", "shifts", "purchase" are verbs in these passages; no option may treat them as terms.
        expect(options).not.toMatch(/"(?:rises|falls|shifts|purchase|price rises|curve shifts|buyers purchase)"/);
      }
    }
    const study = studyMaterial([{ text: KINGDOM }]);
    const terms = new Map(study.terms.map((term) => [term.text, term]));
    expect(terms.get("Mara de Lune")?.nameKind).toBe("person");
    expect(terms.get("Edmund II")?.nameKind ?? terms.get("King Edmund II")?.nameKind).toBe("person");
    expect(terms.get("Veyra")?.nameKind).toBe("place");
    for (const candidate of writeFindTheError({ study, random: createRandom(3) })) {
      // The swap that makes the error: a place never stands in for a person.
      const swapped = /^Change "(.+)" to "(.+)"$/.exec(candidate.key)!;
      const [wrong, right] = [terms.get(swapped[1]), terms.get(swapped[2])];
      if (wrong?.nameKind && right?.nameKind) expect(wrong.nameKind).toBe(right.nameKind);
    }
  });

  it("keeps verbs misread as nouns out of the answer terms", () => {
    const study = studyMaterial([{ text: MARKETS }]);
    const answers = study.answerTerms.map((term) => term.text.toLowerCase());
    for (const misread of ["rises", "price rises", "buyers purchase", "curve shifts"]) expect(answers).not.toContain(misread);
    expect(answers).toContain("demand curve");
  });
});

describe("golden: completion blanks with exactly one right answer", () => {
  it("asks no blank after a preposition of place, where nested places are also right", () => {
    const study = studyMaterial([{ text: CELLS }]);
    const candidates = writeCompletion({ study, random: createRandom(1) });
    // "respiration takes place mainly in the ___": muscles, cells and mitochondria would all fit.
    expect(candidates.some((candidate) => /takes place mainly in the ___/.test(candidate.question))).toBe(false);
  });

  it("asks no blank inside a list, whose other members are also right", () => {
    const study = studyMaterial([{ text: CELLS }]);
    const candidates = writeCompletion({ study, random: createRandom(1) });
    expect(candidates.some((candidate) => /contains enzymes, ___|contains ___/.test(candidate.question))).toBe(false);
    expect(candidates.some((candidate) => /^Complete the statement from the text: Sugar, ___/.test(candidate.question))).toBe(false);
  });
});

describe("golden: cause and effect the right way round, honest levels", () => {
  it("does not apply or plan from a because-explanation run backwards", () => {
    const study = studyMaterial([{ text: CELLS }]);
    const apply = writeRuleToCase({ study, random: createRandom(1) });
    const create = writePlanForGoal({ study, random: createRandom(1) });
    for (const candidate of [...apply, ...create]) {
      expect(candidate.question).not.toMatch(/controlled by enzymes/);
      expect(candidate.key).not.toMatch(/Temperature also matters/i);
    }
    // The stated if/when rule is still applied, keyed to its own consequence.
    const oxygen = apply.find((candidate) => candidate.question.includes("a cell is short of oxygen"));
    // "its" in the consequence names the cell of the condition, so the option reads on its own.
    expect(oxygen?.key).toBe("The cell's mitochondria make less energy");
  });

  it("labels no past event as a rule to apply or plan with", () => {
    const study = studyMaterial([{ text: KINGDOM }]);
    const higher = [
      ...writeRuleToCase({ study, random: createRandom(1) }),
      ...writePlanForGoal({ study, random: createRandom(1) }),
      ...writeDesignInvestigation({ study, random: createRandom(1) }),
    ];
    expect(higher.filter((candidate) => /dispute|outvote|towns grew|trade/.test(candidate.question + candidate.key))).toEqual([]);
  });

  it("reads 'unlike X, Y does …' as a contrast, never as a definition of X", () => {
    const study = studyMaterial([{ text: KINGDOM }]);
    expect(study.relations.definitions.some((definition) => /absolute ruler/.test(definition.term))).toBe(false);
    const terms = writeTermForMeaning({ study, random: createRandom(1) });
    expect(terms.some((candidate) => /shares power/.test(candidate.question))).toBe(false);
  });
});

describe("golden: both sides of a whereas contrast", () => {
  it("compares the two sides, offering the other side's predicate as the wrong answer", () => {
    const study = studyMaterial([{ text: CELLS }]);
    const contrasts = writeContrast({ study, random: createRandom(1) });
    const nucleus = contrasts.find((candidate) => /how does the nucleus differ from the cytoplasm/.test(candidate.question));
    expect(nucleus?.level).toBe("understand");
    expect(nucleus?.key).toBe("It holds the cell's genetic material");
    expect(nucleus?.distractors).toContain("It is a jelly that fills the rest of the cell");
  });
});

describe("golden: a rule sentence may serve apply and create", () => {
  it("keeps a rule-to-case and a design-investigation question on the same rule, neither stem answering the other", async () => {
    const counts = { remember: 0, understand: 0, apply: 3, analyze: 0, evaluate: 0, create: 1 };
    const result = await generateBuiltin({ passages: [{ text: CELLS }], counts, seed: 1 }, context());
    const design = result.mcqs.find((mcq) => /Which investigation would test that rule fairly/.test(mcq.question));
    const apply = result.mcqs.find((mcq) => mcq.bloom_level === "apply" && mcq.source?.quote === design?.source?.quote);
    expect(design?.bloom_level).toBe("create");
    expect(apply).toBeDefined();
    expect(design!.question.toLowerCase()).not.toContain(apply!.correct_answer.toLowerCase());
  });
});

import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BLOOM_LEVELS, DEFAULT_BLOOM_COUNTS, type BloomCounts } from "@/lib/generation/blooms";
import { mcqSchema } from "@/lib/generation/mcq";
import { contentStems, normaliseSpace } from "@/lib/generation/text/words";
import { GenerationInputError, generateBuiltin } from "./index";

// Hand-written passage (not one of the shared samples), checked by hand for the facts asserted below.
const VOLCANOES = `Volcanoes

## How Volcanoes Form

A volcano is an opening in the crust through which molten rock, ash and gases escape from below the surface. Magma is the molten rock that collects in chambers beneath a volcano. When magma rises, the pressure in the chamber increases. Because magma is less dense than the solid rock around it, it moves upward through cracks. Most volcanoes form at plate boundaries, such as mid-ocean ridges and subduction zones.

## Types of Eruption

Unlike runny basalt lava, sticky rhyolite magma traps gas bubbles. As a result, eruptions of rhyolite magma are often explosive. A shield volcano is a broad volcano with gentle slopes that forms from many flows of runny lava. Mauna Loa in Hawaii is an example. A stratovolcano is a steep volcano built from alternating layers of ash and lava.

## Living Near Volcanoes

First, scientists measure small earthquakes under the volcano. Then they track the swelling of the ground with satellites. Finally, they warn the people who live nearby when an eruption is likely. Volcanic soil is rich in minerals, which is why many farmers live on the slopes of active volcanoes. In 1980, Mount St. Helens erupted in the United States. In 1991, Mount Pinatubo erupted in the Philippines and cooled the planet for about two years.`;

const COUNTS: BloomCounts = { remember: 3, understand: 1, apply: 1, analyze: 1, evaluate: 1, create: 0 };
const context = () => ({ signal: new AbortController().signal });

describe("generateBuiltin", () => {
  it("returns valid, grounded questions at the requested levels or says which level fell short", async () => {
    const result = await generateBuiltin({ passages: [{ text: VOLCANOES, document: "volcanoes.txt" }], counts: COUNTS, seed: 3 }, context());
    for (const level of BLOOM_LEVELS) {
      const delivered = result.mcqs.filter((mcq) => mcq.bloom_level === level).length;
      const warning = result.warnings?.find((w) => w.bloom_level === level);
      expect(delivered).toBeLessThanOrEqual(COUNTS[level]);
      if (delivered < COUNTS[level]) expect(warning).toMatchObject({ code: "level_short", requested: COUNTS[level], delivered });
      else expect(warning).toBeUndefined();
    }
    expect(result.mcqs.length).toBeGreaterThanOrEqual(3);
    const flat = VOLCANOES.replace(/\s+/g, " ");
    for (const mcq of result.mcqs) {
      expect(mcqSchema.safeParse(mcq).success).toBe(true);
      expect(mcq.generator).toBe("builtin");
      expect(mcq.source?.document).toBe("volcanoes.txt");
      expect(flat).toContain(mcq.source!.quote);
      expect(mcq.explanation).toContain(mcq.source!.quote.slice(0, 30));
    }
  });

  it("keys term questions to a term of the cited sentence and offers no distractor the text also states", async () => {
    const result = await generateBuiltin({ passages: [{ text: VOLCANOES }], counts: { ...COUNTS, remember: 6 }, seed: 1 }, context());
    const termQuestions = result.mcqs.filter((mcq) => /^Which term does the text use for/.test(mcq.question));
    expect(termQuestions.length).toBeGreaterThan(0);
    for (const mcq of termQuestions) {
      const quoteStems = new Set(contentStems(mcq.source!.quote));
      expect(contentStems(mcq.correct_answer).every((stem) => quoteStems.has(stem))).toBe(true);
      const meaning = mcq.question.replace(/^Which term does the text use for /, "").replace(/\?$/, "");
      for (const option of mcq.options.filter((o) => o !== mcq.correct_answer)) {
        expect(VOLCANOES.toLowerCase()).not.toContain(`${option.toLowerCase()} is ${meaning.toLowerCase()}`);
      }
    }
  });

  it("is deterministic per seed, varies across seeds and never repeats an excluded stem", async () => {
    const input = { passages: [{ text: VOLCANOES }], counts: COUNTS, seed: 7 };
    const first = await generateBuiltin(input, context());
    const again = await generateBuiltin(input, context());
    expect(again).toEqual(first);
    const others = await Promise.all([8, 9, 10].map((seed) => generateBuiltin({ ...input, seed }, context())));
    expect(others.some((other) => JSON.stringify(other) !== JSON.stringify(first))).toBe(true);
    const exclude = first.mcqs.map((mcq) => mcq.question);
    const more = await generateBuiltin({ ...input, seed: 8, exclude }, context());
    for (const mcq of more.mcqs) expect(exclude).not.toContain(mcq.question);
  });

  it("reports progress and stops when aborted", async () => {
    const stages: string[] = [];
    await generateBuiltin({ passages: [{ text: VOLCANOES }], counts: COUNTS }, { ...context(), onProgress: (p) => void stages.push(p.stage) });
    expect(stages[0]).toBe("reading material");
    expect(stages.some((stage) => /^writing question 1 of \d+$/.test(stage))).toBe(true);
    const controller = new AbortController();
    controller.abort(new Error("job timed out"));
    await expect(generateBuiltin({ passages: [{ text: VOLCANOES }], counts: COUNTS }, { signal: controller.signal })).rejects.toThrow("job timed out");
  });

  it.each([
    ["code", "function add(a, b) {\n  return a + b;\n}\nconst x = add(1, 2);\nconsole.log(x);\nexport default add;\nif (x == 3) {\n  run();\n}"],
    ["non-English", "La Révolution française est une période de bouleversements politiques et sociaux en France. Elle commence en 1789 avec la réunion des états généraux et se termine en 1799 avec le coup d'État de Napoléon Bonaparte."],
    ["a single sentence", "Volcanoes are openings in the crust of the planet through which molten rock, ash and gases escape from below the surface."],
    ["a bare list", "- basalt lava flows quickly down the slope\n- rhyolite magma traps gas bubbles inside\n- ash clouds travel for many kilometres\n- lahars follow river valleys downhill\n- pumice floats on water for weeks"],
  ])("refuses %s with a plain message", async (_, text) => {
    await expect(generateBuiltin({ passages: [{ text }], counts: COUNTS }, context())).rejects.toBeInstanceOf(GenerationInputError);
  });
});

describe("generateBuiltin on the photosynthesis sample (tests/fixtures), default request", () => {
  // The sample kept in the repository; `npm run bench:quality` measures all four shared samples.
  const text = readFileSync(path.resolve("tests", "fixtures", "photosynthesis.txt"), "utf8");

  it("meets 5/3/4/3/2/3 at every seed tried, every question grounded, lint-clean and distinct", async () => {
    const flat = normaliseSpace(text);
    for (const seed of [1, 2, 3]) {
      const result = await generateBuiltin({ passages: [{ text }], counts: DEFAULT_BLOOM_COUNTS, seed }, context());
      expect(result.warnings ?? []).toEqual([]);
      for (const level of BLOOM_LEVELS) {
        expect(result.mcqs.filter((mcq) => mcq.bloom_level === level)).toHaveLength(DEFAULT_BLOOM_COUNTS[level]);
      }
      for (const mcq of result.mcqs) {
        expect(mcqSchema.safeParse(mcq).success).toBe(true);
        expect(flat).toContain(normaliseSpace(mcq.source!.quote));
        expect(mcq.lint ?? []).toEqual([]);
        expect(new Set(mcq.options.map((option) => option.toLowerCase())).size).toBe(4);
        // A judged conclusion quotes the text: every quoted span in its options is the text's own.
        for (const quoted of mcq.options.flatMap((option) => [...option.matchAll(/"([^"]+)"/g)].map((match) => match[1]))) {
          if (/^(?:It follows|It does not follow|It goes beyond)/.test(mcq.correct_answer)) expect(flat).toContain(quoted);
        }
      }
      const stems = result.mcqs.map((mcq) => normaliseSpace(mcq.question).toLowerCase());
      expect(new Set(stems).size).toBe(stems.length);
    }
  });
});

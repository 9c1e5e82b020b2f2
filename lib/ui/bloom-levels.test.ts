import { describe, expect, it } from "vitest";
import { BLOOM_LEVELS, DEFAULT_BLOOM_COUNTS, totalQuestions } from "@/lib/generation/blooms";
import { BLOOM_INFO, BLOOM_PRESETS, countByLevel, distributeCounts, matchingPreset, parseCount } from "./bloom-levels";

describe("Bloom presets", () => {
  it("make Balanced EduMate's default 5/3/4/3/2/3 and weight Higher-order to the upper levels", () => {
    expect(matchingPreset(DEFAULT_BLOOM_COUNTS)?.id).toBe("balanced");
    const higher = BLOOM_PRESETS.find((preset) => preset.id === "higher")!.counts;
    expect(higher.analyze + higher.evaluate + higher.create).toBeGreaterThan(higher.remember + higher.understand + higher.apply);
  });

  it("say in their description how many questions they ask for", () => {
    for (const preset of BLOOM_PRESETS) expect(preset.description).toContain(`${totalQuestions(preset.counts)} questions`);
  });

  it("match no preset for counts a teacher changed", () => {
    expect(matchingPreset({ ...DEFAULT_BLOOM_COUNTS, create: 4 })).toBeUndefined();
  });
});

describe("BLOOM_INFO", () => {
  it("has a distinct example question for every level", () => {
    const examples = BLOOM_LEVELS.map((level) => BLOOM_INFO[level].example);
    expect(new Set(examples).size).toBe(6);
  });
});

describe("countByLevel", () => {
  it("counts questions per level, zero for the rest", () => {
    expect(countByLevel([{ bloom_level: "apply" }, { bloom_level: "apply" }, { bloom_level: "create" }])).toEqual({
      remember: 0,
      understand: 0,
      apply: 2,
      analyze: 0,
      evaluate: 0,
      create: 1,
    });
  });
});

describe("parseCount", () => {
  it("reads digits, clamps to the maximum and treats anything else as 0", () => {
    expect(parseCount("7", 100)).toBe(7);
    expect(parseCount("250", 100)).toBe(100);
    expect(parseCount("", 100)).toBe(0);
    expect(parseCount("-3", 100)).toBe(0);
    expect(parseCount("abc", 100)).toBe(0);
  });
});

describe("distributeCounts", () => {
  it("keeps the mix's proportions and adds up to the total", () => {
    expect(distributeCounts(4, { remember: 2, understand: 2, apply: 0, analyze: 0, evaluate: 0, create: 0 })).toEqual({
      remember: 2,
      understand: 2,
      apply: 0,
      analyze: 0,
      evaluate: 0,
      create: 0,
    });
    const spread = distributeCounts(5, { remember: 5, understand: 3, apply: 4, analyze: 3, evaluate: 2, create: 3 });
    expect(Object.values(spread).reduce((a, b) => a + b, 0)).toBe(5);
    expect(spread.remember).toBeGreaterThanOrEqual(spread.evaluate);
  });

  it("falls back to the default mix when there is nothing to follow", () => {
    const counts = distributeCounts(20, { remember: 0, understand: 0, apply: 0, analyze: 0, evaluate: 0, create: 0 });
    expect(counts).toEqual({ remember: 5, understand: 3, apply: 4, analyze: 3, evaluate: 2, create: 3 });
  });
});

import { describe, expect, it } from "vitest";
import { computeQuizStatistics, correlation, groupWeights, type ItemDefinition, type TakerResponses } from "./item-statistics";

const item = (id: string, keyIndex: number, bloomLevel: ItemDefinition["bloomLevel"] = "remember"): ItemDefinition => ({
  id,
  optionCount: 4,
  keyIndex,
  bloomLevel,
});
const taker = (attemptId: string, choices: Record<string, number | undefined>): TakerResponses => ({ attemptId, choices });

describe("computeQuizStatistics on a small set worked by hand", () => {
  // Keys: q1 = A (0), q2 = B (1), q3 = C (2). Totals 3, 2, 1, 1; the 27% groups hold one taker each,
  // so t1 is the upper group and t3, t4 (tied on 1) share the single lower place, half each.
  const items = [item("q1", 0), item("q2", 1), item("q3", 2, "analyze")];
  const responses = [
    taker("t1", { q1: 0, q2: 1, q3: 2 }),
    taker("t2", { q1: 0, q2: 1, q3: 3 }),
    taker("t3", { q1: 0, q2: 2 }),
    taker("t4", { q1: 1, q2: 2, q3: 2 }),
  ];
  const stats = computeQuizStatistics(items, responses);
  const [q1, q2, q3] = stats.items;

  it("totals, mean and score distribution", () => {
    expect(stats.totals).toEqual([3, 2, 1, 1]);
    expect(stats.meanScore).toBe(1.75);
    expect(stats.scoreDistribution).toEqual([0, 2, 1, 1]);
  });

  it("difficulty is the share correct", () => {
    expect([q1.difficulty, q2.difficulty, q3.difficulty]).toEqual([0.75, 0.5, 0.5]);
    expect([q1.correct, q2.correct, q3.correct]).toEqual([3, 2, 2]);
  });

  it("point-biserial correlates the item with the rest of the score", () => {
    // q1: item [1,1,1,0], rest [2,1,0,1]: covariance 0.
    expect(q1.pointBiserial).toBe(0);
    // q2: item [1,1,0,0], rest [2,1,1,1]: Sxy = .5, Sxx = 1, Syy = .75 → .5/√.75.
    expect(q2.pointBiserial).toBeCloseTo(0.57735, 5);
    // q3: item [1,0,0,1], rest [2,2,1,0]: Sxy = −.5, Syy = 2.75 → −.5/√2.75.
    expect(q3.pointBiserial).toBeCloseTo(-0.301511, 5);
  });

  it("the upper–lower index splits a tie at the group's edge evenly", () => {
    // q1: upper t1 right (1); lower t3 right (.5), t4 wrong → 1 − .5.
    expect(q1.discriminationIndex).toBe(0.5);
    expect(q1.upperCounts).toEqual([1, 0, 0, 0]);
    expect(q1.lowerCounts).toEqual([0.5, 0.5, 0, 0]);
    expect(q2.discriminationIndex).toBe(1);
    expect(q2.lowerCounts).toEqual([0, 0, 1, 0]);
    // q3: t3 left it blank, t4 right (.5).
    expect(q3.discriminationIndex).toBe(0.5);
    expect(q1.groupSize).toBe(1);
  });

  it("counts every option and the blanks, and flags the distractors nobody chose", () => {
    expect(q1.optionCounts).toEqual([3, 1, 0, 0]);
    expect(q1.unchosenDistractors).toEqual([2, 3]);
    expect(q2.optionCounts).toEqual([0, 2, 2, 0]);
    expect(q2.unchosenDistractors).toEqual([0, 3]);
    expect(q3.optionCounts).toEqual([0, 0, 2, 1]);
    expect(q3.omitted).toBe(1);
    expect(q3.unchosenDistractors).toEqual([0, 1]);
  });

  it("scores by Bloom level pool the answers of that level's questions", () => {
    expect(stats.levels).toEqual([
      { level: "remember", questions: 2, shareCorrect: 5 / 8 },
      { level: "analyze", questions: 1, shareCorrect: 0.5 },
    ]);
  });

  it("does not depend on the order attempts are listed in", () => {
    const reversed = computeQuizStatistics(items, [...responses].reverse());
    expect(reversed.items).toEqual(stats.items);
  });
});

describe("computeQuizStatistics edge cases", () => {
  it("everyone right: difficulty 1, no discrimination to measure, every distractor unchosen", () => {
    const stats = computeQuizStatistics(
      [item("q1", 2), item("q2", 0)],
      [taker("a", { q1: 2, q2: 0 }), taker("b", { q1: 2, q2: 0 }), taker("c", { q1: 2, q2: 0 })],
    );
    for (const result of stats.items) {
      expect(result.difficulty).toBe(1);
      expect(result.pointBiserial).toBeNull();
      expect(result.discriminationIndex).toBeNull();
      expect(result.groupSize).toBe(0);
    }
    expect(stats.items[0].unchosenDistractors).toEqual([0, 1, 3]);
    expect(stats.scoreDistribution).toEqual([0, 0, 3]);
  });

  it("one taker: difficulty only", () => {
    const stats = computeQuizStatistics([item("q1", 0), item("q2", 1)], [taker("solo", { q1: 0, q2: 3 })]);
    expect(stats.items.map((s) => s.difficulty)).toEqual([1, 0]);
    expect(stats.items.map((s) => s.pointBiserial)).toEqual([null, null]);
    expect(stats.items.map((s) => s.discriminationIndex)).toEqual([null, null]);
    expect(stats.meanScore).toBe(1);
  });

  it("no takers: nothing to report, but the shape is complete", () => {
    const stats = computeQuizStatistics([item("q1", 0)], []);
    expect(stats.items[0]).toMatchObject({ takers: 0, difficulty: null, pointBiserial: null, discriminationIndex: null, unchosenDistractors: [] });
    expect(stats.levels).toEqual([{ level: "remember", questions: 1, shareCorrect: null }]);
    expect(stats.meanScore).toBeNull();
  });

  it("equal totals (zero variance): no upper–lower index, yet the item–rest correlation exists", () => {
    const stats = computeQuizStatistics([item("q1", 0), item("q2", 0)], [taker("a", { q1: 0, q2: 1 }), taker("b", { q1: 1, q2: 0 })]);
    expect(stats.items[0].discriminationIndex).toBeNull();
    // Item [1,0], rest [0,1]: perfectly opposite.
    expect(stats.items[0].pointBiserial).toBe(-1);
  });

  it("ties at the top share the upper group's places", () => {
    // Totals 2, 2, 1, 1, 0: five takers, groups of round(1.35) = 1; a and b share the upper place.
    const stats = computeQuizStatistics(
      [item("q1", 0), item("q2", 0)],
      [taker("a", { q1: 0, q2: 0 }), taker("b", { q1: 0, q2: 0 }), taker("c", { q1: 1, q2: 0 }), taker("d", { q1: 0, q2: 2 }), taker("e", { q1: 3, q2: 1 })],
    );
    expect(stats.items[0].upperCounts).toEqual([1, 0, 0, 0]);
    expect(stats.items[0].lowerCounts).toEqual([0, 0, 0, 1]);
    expect(stats.items[0].discriminationIndex).toBe(1);
  });

  it("an answer outside the options counts as left blank", () => {
    const stats = computeQuizStatistics([item("q1", 0)], [taker("a", { q1: 7 }), taker("b", { q1: 0 })]);
    expect(stats.items[0].omitted).toBe(1);
    expect(stats.items[0].optionCounts).toEqual([1, 0, 0, 0]);
  });
});

describe("groupWeights", () => {
  it("gives a tie straddling the lower edge equal fractions", () => {
    expect(groupWeights([3, 1, 1, 1])).toEqual({ size: 1, upper: [1, 0, 0, 0], lower: [0, 1 / 3, 1 / 3, 1 / 3] });
  });

  it("uses 27% of the takers, rounded, for each group", () => {
    const totals = Array.from({ length: 30 }, (_, i) => i);
    const { size, upper, lower } = groupWeights(totals);
    expect(size).toBe(8);
    expect(upper.reduce((a, b) => a + b, 0)).toBe(8);
    expect(lower.reduce((a, b) => a + b, 0)).toBe(8);
    expect(upper[29]).toBe(1);
    expect(upper[21]).toBe(0);
    expect(lower[0]).toBe(1);
  });
});

describe("correlation", () => {
  it("is Pearson's r, null when a side is constant", () => {
    expect(correlation([1, 2, 3], [2, 4, 6])).toBe(1);
    expect(correlation([1, 2, 3], [3, 2, 1])).toBe(-1);
    expect(correlation([1, 1, 1], [1, 2, 3])).toBeNull();
    expect(correlation([1], [1])).toBeNull();
  });
});

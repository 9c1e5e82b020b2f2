import { describe, expect, it } from "vitest";
import { describeItem, describeQuiz } from "./describe-statistics";
import { computeQuizStatistics, type ItemDefinition } from "./item-statistics";

const OPTIONS = ["Light", "Water", "Oxygen", "Sugar"];
const item = (id: string, keyIndex = 0, bloomLevel: ItemDefinition["bloomLevel"] = "remember"): ItemDefinition => ({ id, optionCount: 4, keyIndex, bloomLevel });

describe("describeItem", () => {
  it("says so when the strongest takers chose another option than the key", () => {
    // q1 is keyed A, but both top scorers (on q2 and q3) chose B for it.
    const stats = computeQuizStatistics(
      [item("q1"), item("q2"), item("q3")],
      [
        { attemptId: "a", choices: { q1: 1, q2: 0, q3: 0 } },
        { attemptId: "b", choices: { q1: 1, q2: 0, q3: 0 } },
        { attemptId: "c", choices: { q1: 0, q2: 1, q3: 1 } },
        { attemptId: "d", choices: { q1: 0, q2: 2, q3: 3 } },
      ],
    );
    const readings = describeItem(7, OPTIONS, 0, stats.items[0]);
    expect(readings[0]).toEqual({ tone: "warning", text: "Q7: most strong takers chose B — check the key." });
    expect(readings.map((r) => r.text)).toContain(
      "Q7: nobody chose C (“Oxygen”) or D (“Sugar”) — a wrong answer no one finds plausible does no work; consider replacing it.",
    );
    // q2 separates perfectly: upper right, lower wrong.
    expect(describeItem(2, OPTIONS, 0, stats.items[1])).toContainEqual({ tone: "good", text: "Q2: it separates strong from weak takers well (index 1.00)." });
  });

  it("notes a question everyone got right, and says nothing about its discrimination", () => {
    const stats = computeQuizStatistics([item("q1", 2)], [{ attemptId: "a", choices: { q1: 2 } }, { attemptId: "b", choices: { q1: 2 } }]);
    const texts = describeItem(1, OPTIONS, 2, stats.items[0]).map((r) => r.text);
    expect(texts[0]).toBe("Q1: everyone got it right — fine as a warm-up, but it does not tell takers apart.");
    expect(texts.some((text) => text.includes("separates"))).toBe(false);
  });

  it("warns when fewer got it right than guessing would", () => {
    const choices = [1, 1, 2, 3, 1, 0].map((q1, i) => ({ attemptId: String(i), choices: { q1, q2: i % 2 } }));
    const stats = computeQuizStatistics([item("q1"), item("q2")], choices);
    expect(describeItem(1, OPTIONS, 0, stats.items[0]).map((r) => r.text)).toContain(
      "Q1: fewer takers got it right (17%) than blind guessing would (25%) — check the wording and the key.",
    );
  });

  it("asks to check the key when a distractor beats it among strong takers without a majority", () => {
    // q1 right only for the two who got q2 and q3 wrong.
    const stats = computeQuizStatistics(
      [item("q1"), item("q2"), item("q3")],
      [
        { attemptId: "a", choices: { q1: 1, q2: 0, q3: 0 } },
        { attemptId: "b", choices: { q1: 2, q2: 0, q3: 0 } },
        { attemptId: "c", choices: { q1: 0, q2: 1, q3: 1 } },
        { attemptId: "d", choices: { q1: 0, q2: 2, q3: 3 } },
      ],
    );
    const readings = describeItem(3, OPTIONS, 0, stats.items[0]);
    // B and C each have half the upper group: more than the key, but not "most".
    expect(readings[0].text).toBe("Q3: more strong takers chose B than the keyed answer A — check the key.");
  });

  it("warns when weaker takers did better, though no distractor beat the key among the strong", () => {
    // Totals 4, 3, 2, 2, 1, 1, 1: groups of 2. Upper: a (A), b (B), a tie; lower: e (B), f (A), g (A) share two places.
    const others = (right: number) => ({ q2: right > 0 ? 0 : 1, q3: right > 1 ? 0 : 1, q4: right > 2 ? 0 : 1 });
    const rows: [string, number, number][] = [["a", 0, 3], ["b", 1, 3], ["c", 2, 2], ["d", 3, 2], ["e", 1, 1], ["f", 0, 0], ["g", 0, 0]];
    const stats = computeQuizStatistics(
      [item("q1"), item("q2"), item("q3"), item("q4")],
      rows.map(([attemptId, q1, right]) => ({ attemptId, choices: { q1, ...others(right) } })),
    );
    expect(stats.items[0].discriminationIndex).toBeCloseTo(-1 / 6, 5);
    expect(describeItem(1, OPTIONS, 0, stats.items[0])[0]).toEqual({
      tone: "warning",
      text: "Q1: weaker takers did better than stronger ones — the question may be ambiguous or miskeyed.",
    });
  });

  it("says nothing before anyone has taken it", () => {
    expect(describeItem(1, OPTIONS, 0, computeQuizStatistics([item("q1")], []).items[0])).toEqual([]);
  });
});

describe("describeQuiz", () => {
  it("cautions about few takers and names the hardest Bloom level", () => {
    const stats = computeQuizStatistics(
      [item("q1", 0, "remember"), item("q2", 0, "analyze")],
      [{ attemptId: "a", choices: { q1: 0, q2: 1 } }, { attemptId: "b", choices: { q1: 0, q2: 0 } }],
    );
    expect(describeQuiz(stats).map((r) => r.text)).toEqual([
      "Only 2 takers so far: read these figures as hints; they settle with about 20 or more.",
      "Takers did least well on analyze questions (50% correct) and best on remember questions (100%).",
    ]);
  });

  it("says when nobody has submitted", () => {
    expect(describeQuiz(computeQuizStatistics([item("q1")], []))).toEqual([{ tone: "note", text: "No one has submitted this version yet." }]);
  });
});

import { describe, expect, it } from "vitest";
import { describeJobStage, moveItem, progressPercent, stemsToAvoid } from "./question-list";

describe("moveItem", () => {
  it("moves one item and keeps the others in order", () => {
    expect(moveItem(["a", "b", "c", "d"], 3, 1)).toEqual(["a", "d", "b", "c"]);
    expect(moveItem(["a", "b", "c", "d"], 0, 2)).toEqual(["b", "c", "a", "d"]);
  });

  it("clamps a target past either end and ignores a source outside the list", () => {
    expect(moveItem(["a", "b", "c"], 0, 9)).toEqual(["b", "c", "a"]);
    expect(moveItem(["a", "b", "c"], 2, -4)).toEqual(["c", "a", "b"]);
    expect(moveItem(["a", "b"], 5, 0)).toEqual(["a", "b"]);
  });

  it("never changes the list it was given", () => {
    const items = ["a", "b"];
    moveItem(items, 0, 1);
    expect(items).toEqual(["a", "b"]);
  });
});

describe("describeJobStage", () => {
  it("names the queue, a start without a stage, and the generator's stage capitalised", () => {
    expect(describeJobStage("queued", undefined)).toBe("Waiting for a free worker…");
    expect(describeJobStage(undefined, undefined)).toBe("Waiting for a free worker…");
    expect(describeJobStage("started", undefined)).toBe("Starting…");
    expect(describeJobStage("started", "writing question 4 of 20")).toBe("Writing question 4 of 20");
  });
});

describe("progressPercent", () => {
  it("rounds done/total and stays within 0–100", () => {
    expect(progressPercent({ done: 1, total: 3 })).toBe(33);
    expect(progressPercent({ done: 5, total: 4 })).toBe(100);
    expect(progressPercent({ done: 0, total: 0 })).toBe(0);
    expect(progressPercent(undefined)).toBe(0);
  });
});

describe("stemsToAvoid", () => {
  it("trims, drops blanks and repeats", () => {
    expect(stemsToAvoid([{ question: " Why? " }, { question: "" }, { question: "Why?" }, { question: "How?" }])).toEqual(["Why?", "How?"]);
  });
});

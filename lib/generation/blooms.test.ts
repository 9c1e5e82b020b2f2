import { describe, expect, it } from "vitest";
import { bloomsRequirementSchema, DEFAULT_BLOOM_COUNTS, formatBloomsString, parseBloomsString } from "./blooms";

const zero = { remember: 0, understand: 0, apply: 0, analyze: 0, evaluate: 0, create: 0 };

describe("parseBloomsString", () => {
  it("reads EduMate's default requirement string", () => {
    expect(parseBloomsString("5 remember, 3 understand, 4 apply, 3 analyze, 2 evaluate, 3 create")).toEqual(
      DEFAULT_BLOOM_COUNTS,
    );
  });

  it.each([
    ["5 Remember, 3 UNDERSTAND", { ...zero, remember: 5, understand: 3 }],
    ["2 analyse", { ...zero, analyze: 2 }],
    ["0 remember, 4 apply", { ...zero, apply: 4 }],
    ["4 apply; 1 create", { ...zero, apply: 4, create: 1 }],
    ["3 x evaluate", { ...zero, evaluate: 3 }],
    ["remember: 2, apply=1", { ...zero, remember: 2, apply: 1 }],
    ["  7 remember questions ", { ...zero, remember: 7 }],
    ["1 create,\n2 understand", { ...zero, create: 1, understand: 2 }],
  ])("accepts %j", (input, expected) => {
    expect(parseBloomsString(input)).toEqual(expected);
  });

  it.each([
    ["", /empty/],
    ["5 memorise", /Unknown Bloom level "memorise"/],
    ["five remember", /Could not read/],
    ["2.5 apply", /Could not read/],
    ["-1 apply", /Could not read/],
    ["2 apply, 3 apply", /given twice/],
    ["2 analyze, 1 analyse", /given twice/],
  ])("rejects %j", (input, message) => {
    expect(() => parseBloomsString(input)).toThrow(message);
  });

  it("formats counts back the way EduMate's UI sends them, without zero levels", () => {
    expect(formatBloomsString({ ...zero, remember: 5, apply: 4 })).toBe("5 remember, 4 apply");
  });
});

describe("bloomsRequirementSchema", () => {
  it("defaults to 5/3/4/3/2/3 when absent", () => {
    expect(bloomsRequirementSchema.parse(undefined)).toEqual(DEFAULT_BLOOM_COUNTS);
  });

  it("accepts an object of counts, missing levels as zero, case-insensitive, British spelling", () => {
    expect(bloomsRequirementSchema.parse({ Remember: 2, analyse: 1 })).toEqual({ ...zero, remember: 2, analyze: 1 });
  });

  it.each([
    [{ remember: 0 }, /at least 1 question/],
    ["0 remember, 0 apply", /at least 1 question/],
    [{ remember: 60, apply: 41 }, /at most 100 questions in total \(got 101\)/],
    ["500 remember", /cannot exceed 100|at most 100/],
    [{ remember: 2.5 }, /whole number/],
    [{ remember: -1 }, /negative/],
    [{ remember: "5" }, /must be a number/],
    [{ recall: 3 }, /Unknown Bloom level "recall"/],
    [42, /blooms must be a string/],
    [["5 remember"], /blooms must be a string/],
  ])("rejects %j", (input, message) => {
    const parsed = bloomsRequirementSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((issue) => issue.message).join("; ")).toMatch(message);
  });
});

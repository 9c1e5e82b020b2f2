import { describe, expect, it } from "vitest";
import { bloomFactorsSchema, mcqInputSchema } from "./assessment-schemas";

describe("mcqInputSchema", () => {
  const edumate = {
    question_no: "4",
    bloom_level: "Analyse",
    question: "Which is a product?",
    answer_options: ["A) Oxygen", "B) Light", "C) Water", "D) Carbon dioxide"],
    correct_answer: "a)",
    explaination: "Oxygen is released.",
  };

  it("turns EduMate's spellings and letter answers into ours", () => {
    expect(mcqInputSchema.parse(edumate)).toEqual({
      question: "Which is a product?",
      options: ["A) Oxygen", "B) Light", "C) Water", "D) Carbon dioxide"],
      correct_answer: "A) Oxygen",
      bloom_level: "analyze",
      explanation: "Oxygen is released.",
    });
  });

  it("prefers our spelling when both are present, and keeps an answer that already is an option", () => {
    const parsed = mcqInputSchema.parse({ ...edumate, options: ["w", "x", "y", "z"], correct_answer: "y", explanation: "Ours." });
    expect(parsed).toMatchObject({ options: ["w", "x", "y", "z"], correct_answer: "y", explanation: "Ours." });
  });

  it("does not guess a letter beyond D or one that is not alone", () => {
    expect(mcqInputSchema.safeParse({ ...edumate, correct_answer: "E" }).success).toBe(false);
    expect(mcqInputSchema.safeParse({ ...edumate, correct_answer: "A or B" }).success).toBe(false);
  });

  it("still refuses what is not a well-formed question", () => {
    const result = mcqInputSchema.safeParse({ ...edumate, answer_options: ["A) Oxygen", "A) Oxygen", "C", "D"] });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toContain("options must be distinct");
  });
});

describe("bloomFactorsSchema", () => {
  it("fills absent levels with 0 and accepts British spelling", () => {
    expect(bloomFactorsSchema.parse({ Remember: 5, analyse: 2 })).toEqual({ remember: 5, understand: 0, apply: 0, analyze: 2, evaluate: 0, create: 0 });
  });

  it.each([[{ remember: -1 }], [{ remember: 2.5 }], [{ remember: "5" }], [{ memorise: 1 }], [[1, 2]], ["5 remember"]])("refuses %j", (value) => {
    expect(bloomFactorsSchema.safeParse(value).success).toBe(false);
  });
});

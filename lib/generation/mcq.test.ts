import { describe, expect, it } from "vitest";
import { generationResultSchema, mcqSchema } from "./mcq";

const valid = {
  question: "Which pigment absorbs light in the chloroplast?",
  options: ["Chlorophyll", "Haemoglobin", "Keratin", "Melanin"],
  correct_answer: "Chlorophyll",
  bloom_level: "remember",
  explanation: "The text says chlorophyll absorbs light energy.",
};

const messages = (input: unknown) => {
  const parsed = mcqSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
};

describe("mcqSchema", () => {
  it("accepts a well-formed question, with or without our extra fields", () => {
    expect(messages(valid)).toEqual([]);
    expect(messages({ ...valid, source: { quote: "Chlorophyll absorbs light.", page: 3 }, lint: [], generator: "builtin", id: "q1" })).toEqual([]);
  });

  it.each([
    ["three options", { options: ["Chlorophyll", "Keratin", "Melanin"] }, /exactly 4 options/],
    ["five options", { options: ["Chlorophyll", "Keratin", "Melanin", "Haemoglobin", "Starch"] }, /exactly 4 options/],
    ["duplicate options", { options: ["Chlorophyll", "chlorophyll ", "Keratin", "Melanin"] }, /options must be distinct/],
    ["an empty option", { options: ["Chlorophyll", "", "Keratin", "Melanin"] }, /an option is empty/],
    ["a correct answer not among the options", { correct_answer: "Carotene" }, /correct_answer must equal one of the options/],
    ["a letter instead of the answer", { correct_answer: "A" }, /correct_answer must equal one of the options/],
    ["an unknown Bloom level", { bloom_level: "memorise" }, /bloom_level/],
    ["an empty explanation", { explanation: "  " }, /explanation is empty/],
    ["an empty question", { question: "" }, /question is empty/],
  ])("rejects %s", (_name, change, message) => {
    expect(messages({ ...valid, ...change }).join("; ")).toMatch(message);
  });

  it("rejects a question missing a field the contract requires", () => {
    const { explanation: _dropped, ...withoutExplanation } = valid;
    expect(messages(withoutExplanation).join("; ")).toMatch(/explanation/);
  });
});

describe("generationResultSchema", () => {
  it("accepts a result with warnings about short levels", () => {
    const parsed = generationResultSchema.safeParse({
      mcqs: [valid],
      warnings: [{ code: "level_short", bloom_level: "create", requested: 3, delivered: 0, message: "The text has no procedure to plan." }],
    });
    expect(parsed.success).toBe(true);
  });

  it("rejects a result with one malformed question", () => {
    expect(generationResultSchema.safeParse({ mcqs: [valid, { ...valid, options: [] }] }).success).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import type { Mcq } from "@/lib/generation/mcq";
import { lintMcq } from "./lint-mcq";

const SOURCE = "Chloroplasts contain a green pigment called chlorophyll. The stroma is the fluid that surrounds the thylakoids.";

function question(overrides: Partial<Mcq>): Mcq {
  return {
    question: "Which term does the text use for the fluid that surrounds the thylakoids?",
    options: ["Stroma", "Chlorophyll", "Glucose", "Starch"],
    correct_answer: "Stroma",
    bloom_level: "remember",
    explanation: "The text says so.",
    source: { quote: "The stroma is the fluid that surrounds the thylakoids." },
    ...overrides,
  };
}

const codes = (mcq: Mcq) => lintMcq(mcq, SOURCE).map((finding) => finding.code);

describe("lintMcq", () => {
  it("passes a clean, grounded question", () => {
    expect(codes(question({}))).toEqual([]);
  });

  it("flags the answer in the stem, the longest-option cue and all-of-the-above", () => {
    expect(codes(question({ question: "Which word names the stroma fluid?" }))).toContain("answer_in_stem");
    expect(codes(question({ options: ["The fluid stroma inside every chloroplast", "Chlorophyll", "Glucose", "Starch"], correct_answer: "The fluid stroma inside every chloroplast" }))).toContain("longest_option");
    expect(codes(question({ options: ["Stroma", "Chlorophyll", "Glucose", "All of the above"] }))).toContain("all_none_of_the_above");
  });

  it("flags article cues, negative stems, absolute terms and opening pronouns", () => {
    expect(codes(question({ question: "The fluid around the thylakoids is called an ___.", options: ["Enzyme", "Chlorophyll", "Glucose", "Stroma"], correct_answer: "Enzyme" }))).toContain("article_cue");
    expect(codes(question({ question: "Which term is not a pigment named in the text?" }))).toContain("negative_stem");
    expect(codes(question({ options: ["Stroma", "Always chlorophyll", "Glucose", "Starch"] }))).toContain("absolute_terms");
    expect(codes(question({ question: "It surrounds the thylakoids; which term names it?" }))).toContain("unresolved_pronoun");
  });

  it("tells orders of steps apart even though they share most characters", () => {
    const order = question({ question: "In which order do these steps happen? (1) a; (2) b; (3) c.", options: ["2, 3, 1", "3, 2, 1", "1, 3, 2", "2, 1, 3"], correct_answer: "2, 3, 1" });
    expect(codes(order)).not.toContain("duplicate_options");
    expect(codes({ ...order, options: ["2, 3, 1", "2,3,1 ", "1, 3, 2", "2, 1, 3"] })).toContain("duplicate_options");
  });

  it("flags duplicates and ungrounded quotes", () => {
    expect(codes(question({ options: ["Stroma", "stroma", "Glucose", "Starch"] }))).toContain("duplicate_options");
    expect(codes(question({ source: { quote: "The stroma is made of sugar." } }))).toContain("ungrounded");
    expect(codes(question({ source: undefined }))).toContain("ungrounded");
  });
});

import { describe, expect, it } from "vitest";
import { normaliseCandidate } from "./normalise-candidate";

const base = {
  question: "Which pigment absorbs mostly red and blue light?",
  options: ["Carotene", "Chlorophyll", "Xanthophyll", "Anthocyanin"],
  correct_answer: "Chlorophyll",
  bloom_level: "remember",
  explanation: "Chlorophyll absorbs red and blue light.",
  excerpt: 1,
  quote: "Chlorophyll absorbs mostly red and blue light.",
};

function accepted(raw: unknown) {
  const result = normaliseCandidate(raw);
  if (!result.ok) throw new Error(`rejected: ${result.reason}`);
  return result.candidate;
}

function rejection(raw: unknown): string {
  const result = normaliseCandidate(raw);
  if (result.ok) throw new Error("accepted an invalid item");
  return result.reason;
}

describe("normaliseCandidate", () => {
  it("accepts the canonical shape unchanged", () => {
    expect(accepted(base)).toEqual(base);
  });

  it("accepts EduMate's spellings: answer_options, explaination, lettered options and a lettered answer", () => {
    const candidate = accepted({
      question_no: "1",
      bloom_level: "Remember",
      question: base.question,
      answer_options: ["A) Carotene", "B) Chlorophyll", "C) Xanthophyll", "D) Anthocyanin"],
      correct_answer: "B) Chlorophyll",
      explaination: "Teaching note.",
    });
    expect(candidate).toMatchObject({ options: base.options, correct_answer: "Chlorophyll", explanation: "Teaching note.", bloom_level: "remember" });
  });

  it.each([
    ["a bare letter", "B"],
    ["a letter with a bracket", "B)"],
    ["a bracketed letter", "(b)"],
    ["Option B", "Option B"],
    ["a letter and the text", "B. Chlorophyll"],
    ["the text in another case", "chlorophyll"],
  ])("resolves %s as the answer", (_name, answer) => {
    expect(accepted({ ...base, correct_answer: answer }).correct_answer).toBe("Chlorophyll");
  });

  it("reads options given as an object of letters and as a list of labelled objects", () => {
    const byLetter = accepted({ ...base, options: { A: "Carotene", B: "Chlorophyll", C: "Xanthophyll", D: "Anthocyanin" }, correct_answer: "B" });
    expect(byLetter.options).toEqual(base.options);
    expect(byLetter.correct_answer).toBe("Chlorophyll");
    const labelled = accepted({
      ...base,
      options: base.options.map((text, index) => ({ label: "ABCD"[index], text })),
      correct_answer: "D",
    });
    expect(labelled.correct_answer).toBe("Anthocyanin");
  });

  it("takes camelCase and other field names, a nested source and a 0-based correct index", () => {
    const candidate = accepted({
      stem: base.question,
      choices: base.options,
      correctIndex: 1,
      rationale: "Because.",
      bloomsLevel: "Level 1: Remembering",
      source: { excerpt_id: "Excerpt 3", supporting_quote: base.quote },
    });
    expect(candidate).toMatchObject({ question: base.question, correct_answer: "Chlorophyll", bloom_level: "remember", excerpt: 3, quote: base.quote });
  });

  it("does not strip letter-like openings unless every option has them in order", () => {
    const options = ["A. thaliana", "Zea mays", "Oryza sativa", "Pisum sativum"];
    expect(accepted({ ...base, options, correct_answer: "A. thaliana" }).options[0]).toBe("A. thaliana");
  });

  it.each([
    ["an answer that is not an option", { correct_answer: "E" }, /correct_answer "E" is not one of the options/],
    ["an answer given as a number", { correct_answer: 2 }, /is a number/],
    ["duplicate options", { options: ["Stroma", "stroma", "Thylakoid", "Envelope"], correct_answer: "Stroma" }, /two options are the same/],
    ["three options", { options: ["Carotene", "Chlorophyll", "Xanthophyll"] }, /exactly 4 options, this one has 3/],
    ["five options", { options: [...base.options, "Melanin"] }, /exactly 4 options, this one has 5/],
    ["no explanation", { explanation: undefined }, /explanation is missing/],
    ["an unknown level", { bloom_level: "memorise" }, /"memorise" is not a Bloom level/],
    ["no options", { options: undefined }, /options are missing/],
    ["an answer naming one option by letter and another by text", { correct_answer: "A) Chlorophyll" }, /one option by letter and another by text/],
  ])("rejects %s with a reason the model can act on", (_name, change, reason) => {
    expect(rejection({ ...base, ...change })).toMatch(reason);
  });

  it("rejects an item that is not an object", () => {
    expect(rejection("What is photosynthesis?")).toMatch(/not a JSON object/);
  });
});

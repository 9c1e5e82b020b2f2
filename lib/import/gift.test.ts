import { describe, expect, test } from "vitest";
import { importAssessment, ImportError, MISSING_EXPLANATION, type ImportIssue } from "./index";

function importIssues(text: string): ImportIssue[] {
  try {
    importAssessment(text, { format: "gift" });
  } catch (error) {
    if (error instanceof ImportError) return error.issues;
    throw error;
  }
  throw new Error("expected the import to fail");
}

describe("GIFT import", () => {
  test("reads the forms Moodle writes and accepts: titles, [html], weights, per-answer feedback, tags", () => {
    const gift = [
      "// Exported from Moodle",
      "$CATEGORY: $course$/top/Biology//Chemistry",
      "",
      "// question: 1 name: Osmosis",
      "// [tag:Bloom:Analyse] [tag:unit3]",
      "::Osmosis::[html]<p>Which way does <b>water</b> move?</p>{",
      "  =%100%Towards the salt#Right!",
      "  ~%0%Away from the salt#No.",
      "  ~Nowhere",
      "  ~Both ways equally",
      "  ####[html]<p>Water moves to the higher solute concentration&nbsp;&amp; lower water potential.</p>",
      "}",
      "",
      "What is 2\\+2 \\= ? A question",
      "over two lines {=4 ~3 ~5 ~22 #### Adding.}",
      "",
      "The {=mitochondrion ~nucleus ~ribosome ~vacuole} is the powerhouse of the cell.",
    ].join("\r\n");
    const imported = importAssessment(gift);
    expect(imported.format).toBe("gift");
    expect(imported.title).toBe("Biology/Chemistry");
    expect(imported.questions).toEqual([
      {
        question: "Which way does water move?",
        options: ["Towards the salt", "Away from the salt", "Nowhere", "Both ways equally"],
        correct_answer: "Towards the salt",
        bloom_level: "analyze",
        explanation: "Water moves to the higher solute concentration\u00A0& lower water potential.",
      },
      {
        question: "What is 2\\+2 = ? A question over two lines",
        options: ["4", "3", "5", "22"],
        correct_answer: "4",
        bloom_level: "remember",
        explanation: "Adding.",
      },
      {
        question: "The _____ is the powerhouse of the cell.",
        options: ["mitochondrion", "nucleus", "ribosome", "vacuole"],
        correct_answer: "mitochondrion",
        bloom_level: "remember",
        explanation: MISSING_EXPLANATION,
      },
    ]);
    expect(imported.warnings).toEqual([
      { line: 14, message: '2 questions have no Bloom level, so they were imported as "remember" (lines 14, 17).' },
      { line: 17, message: `1 question has no explanation; it reads "${MISSING_EXPLANATION}" (line 17).` },
    ]);
  });

  test("reports every question it cannot import, each with its line", () => {
    const gift = [
      "Grass is green. {T}",
      "",
      "// a comment",
      "Pi to two places? {#3.14:0.01}",
      "",
      "Name a colour. {=red =blue}",
      "",
      "Match. {=cat -> meow =dog -> woof}",
      "",
      "Three options {=a ~b ~c}",
      "",
      "Two right {=a =b ~c ~d}",
      "",
      "Half right {~%50%a ~%50%b ~c ~d}",
      "",
      "Write an essay. {}",
      "",
      "Never closed {",
      "=a ~b ~c ~d",
      "",
      "Same twice {=a ~A ~b ~c}",
      "",
      "Fine {=a ~b ~c ~d}",
    ].join("\n");
    expect(importIssues(gift)).toEqual([
      { line: 1, message: expect.stringContaining("true/false question") },
      { line: 4, message: expect.stringContaining("numerical question") },
      { line: 6, message: expect.stringContaining("short-answer question") },
      { line: 8, message: expect.stringContaining("matching question") },
      { line: 10, message: "Bloomery questions have exactly 4 options; this one has 3" },
      { line: 12, message: expect.stringContaining("exactly one correct answer; this one has 2") },
      { line: 14, message: expect.stringContaining("exactly one correct answer; this one has 2") },
      { line: 16, message: expect.stringContaining("essay or description question") },
      { line: 18, message: 'The answers opened with "{" are never closed with "}"' },
      { line: 21, message: "This question: options must be distinct" },
    ]);
  });

  test("a file without any question is refused", () => {
    expect(importIssues("// only a comment\n\n$CATEGORY: top/Empty\n")).toEqual([
      { line: 1, message: "The file holds no multiple-choice questions" },
    ]);
  });
});

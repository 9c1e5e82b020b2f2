import { describe, expect, test } from "vitest";
import { importAssessment, ImportError, MISSING_EXPLANATION, type ImportIssue } from "./index";

function importIssues(text: string): ImportIssue[] {
  try {
    importAssessment(text, { format: "aiken" });
  } catch (error) {
    if (error instanceof ImportError) return error.issues;
    throw error;
  }
  throw new Error("expected the import to fail");
}

describe("Aiken import", () => {
  test("reads questions the way Moodle does: trimmed lines, A) or A. options, the key by position", () => {
    const aiken = "\uFEFFWhat is 2 + 2?\r\nA) 3\r\nB) 4\r\nC. 5\r\nD)22\r\nANSWER: B\r\n\r\n  Which gas do plants take in?  \nA) Oxygen\nB) Nitrogen\nC) Carbon dioxide\nD) Helium\nANSWER:C\n";
    const imported = importAssessment(aiken, { fallbackTitle: "maths.txt" });
    expect(imported).toEqual({
      title: "maths.txt",
      format: "aiken",
      questions: [
        { question: "What is 2 + 2?", options: ["3", "4", "5", "22"], correct_answer: "4", bloom_level: "remember", explanation: MISSING_EXPLANATION },
        {
          question: "Which gas do plants take in?",
          options: ["Oxygen", "Nitrogen", "Carbon dioxide", "Helium"],
          correct_answer: "Carbon dioxide",
          bloom_level: "remember",
          explanation: MISSING_EXPLANATION,
        },
      ],
      warnings: [
        { line: 1, message: '2 questions have no Bloom level, so they were imported as "remember" (lines 1, 8).' },
        { line: 1, message: `2 questions have no explanation; they read "${MISSING_EXPLANATION}" (lines 1, 8).` },
      ],
    });
  });

  test("reports each broken question with its line", () => {
    const aiken = [
      "A) an option before any question",
      "First question",
      "A) one",
      "B) two",
      "Second question starts before the first has an answer",
      "A) one",
      "B) two",
      "C) three",
      "ANSWER: E",
      "Third question has three options",
      "A) one",
      "B) two",
      "C) three",
      "ANSWER: A",
      "Fourth question never gets an answer",
      "A) one",
    ].join("\n");
    expect(importIssues(aiken)).toEqual([
      { line: 1, message: "An option line comes before any question" },
      { line: 2, message: "This question has no ANSWER line before the next question starts on line 5" },
      { line: 9, message: 'The ANSWER line names "E", which is not one of the question\'s options A–C' },
      { line: 10, message: "Bloomery questions have exactly 4 options; this one has 3" },
      { line: 15, message: "This question has no ANSWER line before the file ends" },
    ]);
  });
});

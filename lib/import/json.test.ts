import { describe, expect, test } from "vitest";
import { importAssessment, ImportError, type ImportIssue } from "./index";

function importIssues(content: string | Uint8Array): ImportIssue[] {
  try {
    importAssessment(content);
  } catch (error) {
    if (error instanceof ImportError) return error.issues;
    throw error;
  }
  throw new Error("expected the import to fail");
}

const question = {
  question: "Which organelle releases energy?",
  options: ["Mitochondrion", "Ribosome", "Nucleus", "Vacuole"],
  correct_answer: "Mitochondrion",
  bloom_level: "remember",
  explanation: "Respiration happens in mitochondria.",
};

describe("Bloomery JSON import", () => {
  test("points a syntax error at its line", () => {
    const text = '{\n  "format": "bloomery-assessment",\n  "version": 1,\n  "title": "T"\n  "questions": []\n}';
    expect(importIssues(text)).toEqual([{ line: 5, message: 'Expected "," or "}" but found """' }]);
  });

  test("points each schema problem at the line of the value concerned", () => {
    const document = {
      format: "bloomery-assessment",
      version: 1,
      title: "Unit 3",
      questions: [question, { ...question, options: ["A", "B", "C"], correct_answer: "D" }, { ...question, bloom_level: "memorise" }],
    };
    const text = JSON.stringify(document, null, 2);
    const lineOf = (needle: string, occurrence = 1) => {
      let at = -1;
      for (let i = 0; i < occurrence; i++) at = text.indexOf(needle, at + 1);
      return text.slice(0, at).split("\n").length;
    };
    expect(importIssues(text)).toEqual([
      { line: lineOf('"options"', 2), message: "questions[1].options: a question needs exactly 4 options" },
      { line: lineOf('"correct_answer"', 2), message: "questions[1].correct_answer: correct_answer must equal one of the options" },
      { line: lineOf('"bloom_level"', 3), message: expect.stringMatching(/^questions\[2\]\.bloom_level: /) },
    ]);
  });

  test("refuses other JSON, other versions and files that are not UTF-8", () => {
    expect(importIssues('{"mcqs": []}')).toEqual([{ line: 1, message: expect.stringContaining("not a Bloomery assessment file") }]);
    expect(importIssues(JSON.stringify({ format: "bloomery-assessment", version: 2, title: "T", questions: [question] }))).toEqual([
      { line: 1, message: 'version: "version" must be 1; this Bloomery reads version 1 files' },
    ]);
    expect(importIssues(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]))).toEqual([
      { line: 1, message: "The file is not UTF-8 text; save it as UTF-8 and upload it again" },
    ]);
  });
});

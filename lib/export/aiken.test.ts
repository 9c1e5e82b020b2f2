import { describe, expect, test } from "vitest";
import { importAssessment, MISSING_EXPLANATION } from "@/lib/import";
import { exportAiken } from "./aiken";
import { decodeText } from "./test-helpers";
import { NASTY_CASES, nastyAssessment, plainAssessment } from "./test-fixtures";

type AikenQuestion = { question: string; options: string[]; answer: string };

/**
 * Aiken by its rules, written from the format's description rather than from our exporter: every
 * non-blank line is a question line, an option line ("A) text", letters in order) or an
 * "ANSWER: X" line, and each question is one question line, its options, then its answer.
 */
function readAikenStrictly(text: string): AikenQuestion[] {
  const questions: AikenQuestion[] = [];
  const lines = text.split("\n").filter((line) => line.trim().length >= 2);
  let i = 0;
  while (i < lines.length) {
    const question = lines[i++];
    if (/^[A-Z][).]/.test(question) || question.startsWith("ANSWER:")) throw new Error(`Not a question line: ${question}`);
    const options: string[] = [];
    while (i < lines.length && /^[A-Z]\) /.test(lines[i])) {
      const line = lines[i++];
      if (line[0] !== String.fromCharCode(65 + options.length)) throw new Error(`Letter out of order: ${line}`);
      options.push(line.slice(3));
    }
    const answer = /^ANSWER: ([A-Z])$/.exec(lines[i++] ?? "");
    if (!answer) throw new Error(`Missing ANSWER line after ${question}`);
    if (options.length < 2 || answer[1].charCodeAt(0) - 65 >= options.length) throw new Error(`Bad key for ${question}`);
    questions.push({ question, options, answer: answer[1] });
  }
  return questions;
}

describe("Aiken export", () => {
  test("every question follows Aiken's one-line rules and keys the right option", () => {
    const questions = readAikenStrictly(decodeText(exportAiken(plainAssessment).bytes));
    expect(questions).toEqual(
      plainAssessment.questions.map((mcq) => ({
        question: mcq.question,
        options: mcq.options,
        answer: "ABCD"[mcq.options.indexOf(mcq.correct_answer)],
      })),
    );
  });

  test("nasty text survives, line breaks are joined and reported, an option look-alike is left out and reported", () => {
    const { bytes, problems } = exportAiken(nastyAssessment);
    const questions = readAikenStrictly(decodeText(bytes));
    const kept = nastyAssessment.questions.filter((_, index) => index + 1 !== NASTY_CASES.aikenLookalike);
    expect(questions.map((question) => question.question)).toEqual(kept.map((mcq) => mcq.question.replace(/\s*\n\s*/g, " ")));
    expect(questions.flatMap((question) => question.options)).toEqual(
      kept.flatMap((mcq) => mcq.options.map((option) => option.replace(/\s*\n\s*/g, " "))),
    );
    expect(problems.map((problem) => [problem.question, problem.code])).toEqual([
      [undefined, "field-dropped"],
      [NASTY_CASES.multiLine, "line-breaks-joined"],
      [NASTY_CASES.aikenLookalike, "question-omitted"],
    ]);
  });

  test("imports back into the same questions, with the missing levels and explanations warned about", () => {
    const imported = importAssessment(exportAiken(plainAssessment).bytes, { fallbackTitle: "Unit 3" });
    expect(imported.format).toBe("aiken");
    expect(imported.title).toBe("Unit 3");
    expect(imported.questions).toEqual(
      plainAssessment.questions.map((mcq) => ({
        question: mcq.question,
        options: mcq.options,
        correct_answer: mcq.correct_answer,
        bloom_level: "remember",
        explanation: MISSING_EXPLANATION,
      })),
    );
    expect(imported.warnings).toEqual([
      { line: 1, message: expect.stringContaining('6 questions have no Bloom level, so they were imported as "remember"') },
      { line: 1, message: expect.stringContaining("6 questions have no explanation") },
    ]);
  });
});

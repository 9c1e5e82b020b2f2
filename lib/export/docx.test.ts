import mammoth from "mammoth";
import { describe, expect, test } from "vitest";
import { exportDocx } from "./docx";
import { unzipText } from "./test-helpers";
import { NASTY_CASES, nastyAssessment, plainAssessment } from "./test-fixtures";
import type { ExportableAssessment } from "./types";

// mammoth's HTML keeps line breaks inside a paragraph (its raw text drops them).
async function readParagraphs(bytes: Uint8Array): Promise<string[]> {
  const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
  return [...value.matchAll(/<(p|h\d)>(.*?)<\/\1>/gs)].map(([, , html]) =>
    html
      .replace(/<br \/>/g, "\n")
      .replace(/<\/?strong>|<\/?em>/g, "")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, "&"),
  );
}

/** The nasty questions as Word can carry them: the control character removed. */
function printable(assessment: ExportableAssessment) {
  return assessment.questions.map((mcq, index) =>
    assessment === nastyAssessment && index + 1 === NASTY_CASES.controlCharacter
      ? { ...mcq, question: mcq.question.replace("\u0007", "") }
      : mcq,
  );
}

const LEVEL_NAMES = { remember: "Remember", understand: "Understand", apply: "Apply", analyze: "Analyze", evaluate: "Evaluate", create: "Create" };

describe("Word export", () => {
  test.each([
    ["plain", plainAssessment],
    ["nasty", nastyAssessment],
  ])("the %s question paper opens in mammoth with every question and option, and no answers", async (_, assessment) => {
    const paragraphs = await readParagraphs((await exportDocx(assessment, "questions")).bytes);
    expect(paragraphs).toEqual([
      assessment.title,
      expect.stringMatching(/^Name: _+ {4}Date: _+$/),
      ...printable(assessment).flatMap((mcq, index) => [
        `${index + 1}. ${mcq.question}`,
        `Bloom level: ${LEVEL_NAMES[mcq.bloom_level]}`,
        ...mcq.options.map((option, i) => `${"ABCD"[i]}. ${option}`),
      ]),
    ]);
  });

  test.each([
    ["plain", plainAssessment],
    ["nasty", nastyAssessment],
  ])("the %s answer key marks the key and gives the answer and explanation", async (_, assessment) => {
    const paragraphs = await readParagraphs((await exportDocx(assessment, "answer-key")).bytes);
    expect(paragraphs).toEqual([
      `${assessment.title} — Answer key`,
      ...printable(assessment).flatMap((mcq, index) => [
        `${index + 1}. ${mcq.question}`,
        `Bloom level: ${LEVEL_NAMES[mcq.bloom_level]}`,
        ...mcq.options.map((option, i) => `${"ABCD"[i]}. ${option}${option === mcq.correct_answer ? " (correct)" : ""}`),
        `Answer: ${"ABCD"[mcq.options.indexOf(mcq.correct_answer)]}`,
        `Explanation: ${mcq.explanation}`,
      ]),
    ]);
  });

  test("the correct option is bold, not only labelled", async () => {
    const documentXml = unzipText((await exportDocx(plainAssessment, "answer-key")).bytes)["word/document.xml"];
    const paragraph = /<w:p>(?:(?!<\/w:p>).)*Mitochondrion(?:(?!<\/w:p>).)*<\/w:p>/s.exec(documentXml)?.[0] ?? "";
    expect(paragraph).toContain("<w:b/>");
  });

  test("leaves Bloom levels out when asked", async () => {
    const paragraphs = await readParagraphs((await exportDocx(plainAssessment, "questions", { includeBloom: false })).bytes);
    expect(paragraphs.filter((paragraph) => paragraph.startsWith("Bloom level"))).toEqual([]);
    expect(paragraphs).toContain(`1. ${plainAssessment.questions[0].question}`);
  });

  test("numbers pages in the footer and sets the paper size", async () => {
    const files = unzipText((await exportDocx(plainAssessment, "questions", { paper: "letter" })).bytes);
    const footer = Object.entries(files).find(([name]) => /^word\/footer\d*\.xml$/.test(name))?.[1] ?? "";
    expect(footer).toMatch(/PAGE/);
    expect(footer).toMatch(/NUMPAGES/);
    // Twentieths of a point: Letter is 8.5 × 11 in, A4 210 × 297 mm.
    expect(files["word/document.xml"]).toMatch(/<w:pgSz w:w="12240" w:h="15840"/);
    const a4 = unzipText((await exportDocx(plainAssessment, "questions")).bytes)["word/document.xml"];
    expect(a4).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
  });

  test("reports only the control character it had to remove", async () => {
    const { problems } = await exportDocx(nastyAssessment, "questions");
    expect(problems.map((problem) => [problem.question, problem.code])).toEqual([[NASTY_CASES.controlCharacter, "characters-removed"]]);
  });
});

import { PDFDocument } from "pdf-lib";
import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, test } from "vitest";
import { exportPdf } from "./pdf";
import { NASTY_CASES, nastyAssessment, plainAssessment } from "./test-fixtures";
import type { ExportableAssessment } from "./types";

const MARGIN = 56;

async function readPages(bytes: Uint8Array): Promise<string[]> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  return (await extractText(pdf, { mergePages: false })).text;
}

// Wrapping puts line breaks where the page needs them; compare text without any whitespace.
function squash(text: string): string {
  return text.replace(/\s+/g, "");
}

const LEVEL_NAMES = { remember: "Remember", understand: "Understand", apply: "Apply", analyze: "Analyze", evaluate: "Evaluate", create: "Create" };

/** The printed lines of a paper, in reading order, for the left-to-right questions. */
function expectedPaper(assessment: ExportableAssessment, kind: "questions" | "answer-key", skip: number[] = []): string[] {
  return assessment.questions.flatMap((mcq, index) => {
    if (skip.includes(index + 1)) return [];
    return [
      `${index + 1}. ${mcq.question}`,
      `Bloom level: ${LEVEL_NAMES[mcq.bloom_level]}`,
      ...mcq.options.map(
        (option, i) => `${"ABCD"[i]}. ${option}${kind === "answer-key" && option === mcq.correct_answer ? " (correct)" : ""}`,
      ),
      ...(kind === "answer-key"
        ? [`Answer: ${"ABCD"[mcq.options.indexOf(mcq.correct_answer)]}`, `Explanation: ${mcq.explanation}`]
        : []),
    ];
  });
}

/** Asserts each expected line appears in the text, in order. */
function expectInOrder(text: string, lines: string[]): void {
  const squashed = squash(text);
  let from = 0;
  for (const line of lines) {
    const at = squashed.indexOf(squash(line), from);
    expect(at, `"${line}" after position ${from}`).toBeGreaterThanOrEqual(0);
    from = at + squash(line).length;
  }
}

// Question 5 reads right to left: the extractor returns it in visual order, checked separately.
const RIGHT_TO_LEFT = 5;
// Question 11's missing glyphs print as □ and question 12's control character is dropped.
const NOT_VERBATIM = [RIGHT_TO_LEFT, NASTY_CASES.missingGlyphs, NASTY_CASES.controlCharacter];

describe("PDF export", () => {
  test.each([
    ["plain", plainAssessment],
    ["nasty", nastyAssessment],
  ] as const)("the %s question paper's text, extracted with unpdf, has every question and option in order", async (_, assessment) => {
    const { bytes } = await exportPdf(assessment, "questions");
    const text = (await readPages(bytes)).join("\n");
    expectInOrder(text, [assessment.title, "Name:", ...expectedPaper(assessment, "questions", NOT_VERBATIM)]);
    expect(text).not.toContain("(correct)");
    expect(text).not.toContain("Explanation:");
  });

  test.each([
    ["plain", plainAssessment],
    ["nasty", nastyAssessment],
  ] as const)("the %s answer key marks the key and gives the answer and explanation", async (_, assessment) => {
    const { bytes } = await exportPdf(assessment, "answer-key");
    const text = (await readPages(bytes)).join("\n");
    expectInOrder(text, [`${assessment.title} — Answer key`, ...expectedPaper(assessment, "answer-key", NOT_VERBATIM)]);
  });

  test("prints right-to-left scripts, CJK and emoji, and reports only the characters no bundled font has", async () => {
    const { bytes, problems } = await exportPdf(nastyAssessment, "answer-key");
    const text = (await readPages(bytes)).join("\n");
    for (const word of ["القاهرة", "ירושלים", "光合作用", "광합성", "Φωτοσύνθεση", "😀", "🎉", "Explanation:😀isagrinningface."]) {
      expect(squash(text)).toContain(squash(word));
    }
    expect(text).toContain("Which test needs a □ and □ (Devanagari)?");
    expect(problems).toEqual([
      { question: NASTY_CASES.missingGlyphs, code: "glyphs-missing", message: expect.stringMatching(/🧪 न/) },
    ]);
  });

  test("wraps long text inside the margins, long words included", async () => {
    const { bytes } = await exportPdf(nastyAssessment, "answer-key", { paper: "letter" });
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const [, , width] = page.view;
      const { items } = await page.getTextContent();
      for (const item of items) {
        if (!("str" in item) || item.str.trim() === "") continue;
        const left = item.transform[4];
        expect(left, item.str).toBeGreaterThanOrEqual(MARGIN - 0.5);
        expect(left + item.width, item.str).toBeLessThanOrEqual(width - MARGIN + 0.5);
      }
    }
  });

  test("lays out A4 or Letter pages, numbered 'Page n of N', keeping each question on one page", async () => {
    const many: ExportableAssessment = {
      title: "Forty questions",
      questions: Array.from({ length: 40 }, (_, index) => plainAssessment.questions[index % plainAssessment.questions.length]),
    };
    for (const [paper, size] of [
      ["a4", [595.28, 841.89]],
      ["letter", [612, 792]],
    ] as const) {
      const { bytes } = await exportPdf(many, "answer-key", { paper });
      const document = await PDFDocument.load(bytes);
      const pages = await readPages(bytes);
      expect(pages.length).toBeGreaterThan(3);
      expect(document.getPages().map((page) => [page.getWidth(), page.getHeight()])).toEqual(pages.map(() => [...size]));
      pages.forEach((page, index) => expect(page.trim().endsWith(`Page ${index + 1} of ${pages.length}`)).toBe(true));
      many.questions.forEach((mcq, index) => {
        const page = pages.find((text) => squash(text).includes(squash(`${index + 1}. ${mcq.question}`)));
        expect(page && squash(page), `question ${index + 1}`).toContain(squash(`Explanation: ${mcq.explanation}`));
      });
    }
  });

  test("leaves Bloom levels out when asked", async () => {
    const { bytes } = await exportPdf(plainAssessment, "questions", { includeBloom: false });
    expect((await readPages(bytes)).join("\n")).not.toContain("Bloom level");
  });
});

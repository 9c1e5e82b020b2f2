import { parse, type GIFTQuestion, type MultipleChoice } from "gift-pegjs";
import { describe, expect, test } from "vitest";
import { importAssessment } from "@/lib/import";
import { exportGift } from "./gift";
import { decodeText } from "./test-helpers";
import { nastyAssessment, plainAssessment } from "./test-fixtures";
import type { ExportableAssessment } from "./types";

function parseWithGiftPegjs(assessment: ExportableAssessment): GIFTQuestion[] {
  return parse(decodeText(exportGift(assessment).bytes));
}

describe("GIFT export", () => {
  test.each([
    ["plain", plainAssessment],
    ["nasty", nastyAssessment],
  ])("the %s assessment reads back through gift-pegjs question by question", (_, assessment) => {
    const parsed = parseWithGiftPegjs(assessment);
    const category = parsed.filter((question) => question.type === "Category");
    expect(category.map((question) => question.title)).toEqual([`$course$/top/${assessment.title.replace(/\//g, "//")}`]);
    const questions = parsed.filter((question): question is MultipleChoice => question.type === "MC");
    expect(questions).toHaveLength(assessment.questions.length);
    questions.forEach((question, index) => {
      const mcq = assessment.questions[index];
      expect(question.stem).toEqual({ format: "plain", text: mcq.question });
      expect(question.choices.map((choice) => choice.text.text)).toEqual(mcq.options);
      expect(question.choices.filter((choice) => choice.isCorrect).map((choice) => choice.text.text)).toEqual([mcq.correct_answer]);
      expect(question.globalFeedback?.text).toBe(mcq.explanation);
      expect(question.tags).toEqual([`bloom-${mcq.bloom_level}`]);
    });
  });

  test("escapes every GIFT control character and writes line breaks as \\n", () => {
    const text = decodeText(exportGift(nastyAssessment).bytes);
    expect(text).toContain("\\{braces\\} \\~ tilde \\= equals \\# hash \\: colon and \\\\ backslash");
    expect(text).toContain("\t####They are control characters \\#\\#\\#\\# unless escaped");
    expect(text).toContain("::8. Read the passage. Then answer\\: which line comes second?::[plain]Read the passage.\\nThen answer");
    // A blank line ends a GIFT question, so none may appear inside one.
    const blocks = text.trim().split(/\n\s*\n/);
    expect(blocks).toHaveLength(nastyAssessment.questions.length + 1);
  });

  test("keeps the question id as an [id:] comment", () => {
    const [withId] = parseWithGiftPegjs(plainAssessment).filter((question) => question.type === "MC");
    expect(withId.id).toBe("q-remember-1");
  });

  test("reports nothing: GIFT carries every field Moodle needs", () => {
    expect(exportGift(nastyAssessment).problems).toEqual([]);
  });

  test("imports back into the same questions", () => {
    for (const assessment of [plainAssessment, nastyAssessment]) {
      const imported = importAssessment(exportGift(assessment).bytes);
      expect(imported.format).toBe("gift");
      expect(imported.title).toBe(assessment.title);
      expect(imported.warnings).toEqual([]);
      expect(imported.questions).toEqual(
        assessment.questions.map((mcq) => ({
          ...(mcq.id ? { id: mcq.id } : {}),
          question: mcq.question,
          options: mcq.options,
          correct_answer: mcq.correct_answer,
          bloom_level: mcq.bloom_level,
          explanation: mcq.explanation,
        })),
      );
    }
  });
});

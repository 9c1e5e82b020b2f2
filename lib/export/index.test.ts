import { describe, expect, test } from "vitest";
import { EXPORT_FORMATS, exportAssessment, exportFormatSchema, type ExportFormat } from "./index";
import { NASTY_CASES, nastyAssessment, plainAssessment } from "./test-fixtures";

const EXPECTED: Record<ExportFormat, { filename: string; contentType: string; magic: string }> = {
  docx: { filename: "cell-biology-unit-3.docx", contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", magic: "PK" },
  "docx-key": { filename: "cell-biology-unit-3-answer-key.docx", contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", magic: "PK" },
  pdf: { filename: "cell-biology-unit-3.pdf", contentType: "application/pdf", magic: "%PDF" },
  "pdf-key": { filename: "cell-biology-unit-3-answer-key.pdf", contentType: "application/pdf", magic: "%PDF" },
  gift: { filename: "cell-biology-unit-3-gift.txt", contentType: "text/plain; charset=utf-8", magic: "// " },
  "moodle-xml": { filename: "cell-biology-unit-3-moodle.xml", contentType: "application/xml; charset=utf-8", magic: "<?xml" },
  aiken: { filename: "cell-biology-unit-3-aiken.txt", contentType: "text/plain; charset=utf-8", magic: "Which" },
  qti12: { filename: "cell-biology-unit-3-qti12.zip", contentType: "application/zip", magic: "PK" },
  qti21: { filename: "cell-biology-unit-3-qti21.zip", contentType: "application/zip", magic: "PK" },
  csv: { filename: "cell-biology-unit-3.csv", contentType: "text/csv; charset=utf-8", magic: "\uFEFF\"number\"" },
  json: { filename: "cell-biology-unit-3.json", contentType: "application/json; charset=utf-8", magic: "{" },
};

describe("exportAssessment", () => {
  test("the format list and its schema name exactly the eleven formats", () => {
    expect([...EXPORT_FORMATS].sort()).toEqual(Object.keys(EXPECTED).sort());
    expect(exportFormatSchema.parse("qti21")).toBe("qti21");
    expect(exportFormatSchema.safeParse("xlsx").success).toBe(false);
  });

  test.each(EXPORT_FORMATS)("%s: a file named from the title, with its content type and the format's signature", async (format) => {
    const file = await exportAssessment(plainAssessment, format);
    expect(file.filename).toBe(EXPECTED[format].filename);
    expect(file.contentType).toBe(EXPECTED[format].contentType);
    expect(new TextDecoder("utf-8", { ignoreBOM: true }).decode(file.bytes.slice(0, 20)).startsWith(EXPECTED[format].magic)).toBe(true);
    expect(file.problems).toEqual(format === "aiken" ? [expect.objectContaining({ code: "field-dropped" })] : []);
  });

  test("each format reports exactly the nasty questions it cannot carry as they are", async () => {
    const reported: Record<string, [number | undefined, string][]> = {};
    for (const format of EXPORT_FORMATS) {
      const { problems } = await exportAssessment(nastyAssessment, format);
      reported[format] = problems.map((problem) => [problem.question, problem.code]);
    }
    const xmlProblem: [number, string][] = [[NASTY_CASES.controlCharacter, "characters-removed"]];
    const glyphProblem: [number, string][] = [[NASTY_CASES.missingGlyphs, "glyphs-missing"]];
    expect(reported).toEqual({
      docx: xmlProblem,
      "docx-key": xmlProblem,
      pdf: glyphProblem,
      "pdf-key": glyphProblem,
      gift: [],
      "moodle-xml": xmlProblem,
      aiken: [
        [undefined, "field-dropped"],
        [NASTY_CASES.multiLine, "line-breaks-joined"],
        [NASTY_CASES.aikenLookalike, "question-omitted"],
      ],
      qti12: xmlProblem,
      qti21: xmlProblem,
      csv: [[NASTY_CASES.formula, "formula-escaped"]],
      json: [],
    });
  });

  test("a title with no ASCII letters still gives a usable file name", async () => {
    const file = await exportAssessment({ ...plainAssessment, title: "光合作用" }, "json");
    expect(file.filename).toBe("assessment.json");
  });
});

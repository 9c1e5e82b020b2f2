import { parse } from "csv-parse/sync";
import { describe, expect, test } from "vitest";
import { exportCsv } from "./csv";
import { NASTY_CASES, nastyAssessment, plainAssessment } from "./test-fixtures";

function readCsv(bytes: Uint8Array): Record<string, string>[] {
  return parse(Buffer.from(bytes), { bom: true, columns: true, relax_quotes: false, skip_empty_lines: false });
}

describe("CSV export", () => {
  test("starts with a UTF-8 BOM and ends rows with CRLF", () => {
    const bytes = exportCsv(plainAssessment).bytes;
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.split("\r\n")).toHaveLength(plainAssessment.questions.length + 2);
  });

  test.each([
    ["plain", plainAssessment],
    ["nasty", nastyAssessment],
  ])("the %s assessment reads back through csv-parse, one row per question", (_, assessment) => {
    const rows = readCsv(exportCsv(assessment).bytes);
    expect(rows).toHaveLength(assessment.questions.length);
    rows.forEach((row, index) => {
      const mcq = assessment.questions[index];
      // A formula-like cell gains a leading apostrophe; see the next test.
      const unguard = (cell: string) => (index + 1 === NASTY_CASES.formula ? cell.replace(/^'(?=[=@+])/, "") : cell);
      expect(row.number).toBe(String(index + 1));
      expect(row.question).toBe(mcq.question);
      expect([row.option_a, row.option_b, row.option_c, row.option_d].map(unguard)).toEqual(mcq.options);
      expect(unguard(row.correct_answer)).toBe(mcq.correct_answer);
      expect(row.correct_letter).toBe("ABCD"[mcq.options.indexOf(mcq.correct_answer)]);
      expect(row.bloom_level).toBe(mcq.bloom_level);
      expect(row.explanation).toBe(mcq.explanation);
      expect(row.source_quote).toBe(mcq.source?.quote ?? "");
    });
  });

  test("cells a spreadsheet would run as formulas are kept as text and reported; plain numbers are left alone", () => {
    const { bytes, problems } = exportCsv(nastyAssessment);
    const row = readCsv(bytes)[NASTY_CASES.formula - 1];
    expect([row.option_a, row.option_b, row.option_c, row.option_d]).toEqual(["'=SUM(A1:A2)", "'@cmd", "-5", "'+44 20 7946 0000"]);
    expect(problems).toEqual([{ question: NASTY_CASES.formula, code: "formula-escaped", message: expect.any(String) }]);
  });
});

import { encodeUtf8, findCorrectIndex, OPTION_LETTERS } from "./text";
import type { ExportableAssessment, ExportProblem, FormatOutput } from "./types";

const HEADER = [
  "number",
  "question",
  "option_a",
  "option_b",
  "option_c",
  "option_d",
  "correct_letter",
  "correct_answer",
  "bloom_level",
  "explanation",
  "source_quote",
];

/**
 * One row per question, RFC 4180: CRLF rows, every field quoted with inner quotes doubled (so
 * commas and line breaks inside text stay in their cell). The UTF-8 BOM makes Excel read UTF-8.
 */
export function exportCsv(assessment: ExportableAssessment): FormatOutput {
  const problems: ExportProblem[] = [];
  const rows = assessment.questions.map((mcq, index) => {
    const cells = [
      mcq.question,
      ...mcq.options,
      OPTION_LETTERS[findCorrectIndex(mcq)],
      mcq.correct_answer,
      mcq.bloom_level,
      mcq.explanation,
      mcq.source?.quote ?? "",
    ];
    if (cells.some(isFormulaLike)) {
      problems.push({
        question: index + 1,
        code: "formula-escaped",
        message: "A cell starting with = + - or @ got a leading ' so spreadsheets show it as text instead of running it.",
      });
    }
    return [String(index + 1), ...cells.map(guardFormula)];
  });
  const text = [HEADER, ...rows].map((row) => row.map(quoteField).join(",")).join("\r\n");
  return { bytes: encodeUtf8(`\uFEFF${text}\r\n`), problems };
}

// Spreadsheets run a cell starting with = + - @ as a formula (CSV injection); a plain signed
// number such as "-5" is left alone since it is harmless and common in maths options.
function isFormulaLike(field: string): boolean {
  return /^[=+\-@\t\r]/.test(field) && !/^[+-]?\d+([.,]\d+)?%?$/.test(field);
}

function guardFormula(field: string): string {
  return isFormulaLike(field) ? `'${field}` : field;
}

function quoteField(field: string): string {
  return `"${field.replace(/"/g, '""')}"`;
}

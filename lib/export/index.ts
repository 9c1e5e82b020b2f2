import { z } from "zod";
import { exportAiken } from "./aiken";
import { exportCsv } from "./csv";
import { exportDocx } from "./docx";
import { exportGift } from "./gift";
import { exportJson } from "./json";
import { exportMoodleXml } from "./moodle-xml";
import { exportPdf } from "./pdf";
import { exportQti12 } from "./qti12";
import { exportQti21 } from "./qti21";
import { slugifyTitle } from "./text";
import type { ExportableAssessment, ExportOptions, ExportProblem, FormatOutput } from "./types";

export type { ExportableAssessment, ExportOptions, ExportProblem, ExportProblemCode, PaperSize } from "./types";

/** Format names as the export URL takes them; the -key variants are answer keys. */
export const EXPORT_FORMATS = [
  "docx",
  "docx-key",
  "pdf",
  "pdf-key",
  "gift",
  "moodle-xml",
  "aiken",
  "qti12",
  "qti21",
  "csv",
  "json",
] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const exportFormatSchema = z.enum(EXPORT_FORMATS, {
  error: `format must be one of ${EXPORT_FORMATS.join(", ")}`,
});

export const exportOptionsSchema = z.object({
  paper: z.enum(["a4", "letter"]).optional(),
  includeBloom: z.boolean().optional(),
});

export type ExportedFile = {
  bytes: Uint8Array;
  contentType: string;
  filename: string;
  problems: ExportProblem[];
};

type FormatSpec = {
  /** Appended to the title's slug; GIFT and Aiken end in .txt because Moodle's file picker wants text/plain. */
  suffix: string;
  contentType: string;
  write: (assessment: ExportableAssessment, options: ExportOptions) => FormatOutput | Promise<FormatOutput>;
};

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

const FORMATS: Record<ExportFormat, FormatSpec> = {
  docx: { suffix: ".docx", contentType: DOCX_TYPE, write: (a, o) => exportDocx(a, "questions", o) },
  "docx-key": { suffix: "-answer-key.docx", contentType: DOCX_TYPE, write: (a, o) => exportDocx(a, "answer-key", o) },
  pdf: { suffix: ".pdf", contentType: "application/pdf", write: (a, o) => exportPdf(a, "questions", o) },
  "pdf-key": { suffix: "-answer-key.pdf", contentType: "application/pdf", write: (a, o) => exportPdf(a, "answer-key", o) },
  gift: { suffix: "-gift.txt", contentType: "text/plain; charset=utf-8", write: exportGift },
  "moodle-xml": { suffix: "-moodle.xml", contentType: "application/xml; charset=utf-8", write: exportMoodleXml },
  aiken: { suffix: "-aiken.txt", contentType: "text/plain; charset=utf-8", write: exportAiken },
  qti12: { suffix: "-qti12.zip", contentType: "application/zip", write: exportQti12 },
  qti21: { suffix: "-qti21.zip", contentType: "application/zip", write: exportQti21 },
  csv: { suffix: ".csv", contentType: "text/csv; charset=utf-8", write: exportCsv },
  json: { suffix: ".json", contentType: "application/json; charset=utf-8", write: exportJson },
};

/**
 * Writes an assessment in one format. `problems` lists what the format could not carry (e.g.
 * Aiken has no explanations), so the caller can tell the teacher instead of handing over a file
 * that silently differs from the assessment.
 */
export async function exportAssessment(
  assessment: ExportableAssessment,
  format: ExportFormat,
  options: ExportOptions = {},
): Promise<ExportedFile> {
  const spec = FORMATS[format];
  const { bytes, problems } = await spec.write(assessment, options);
  return { bytes, problems, contentType: spec.contentType, filename: `${slugifyTitle(assessment.title)}${spec.suffix}` };
}

import type { Mcq } from "@/lib/generation/mcq";

/** What every export format takes: a titled list of questions. */
export type ExportableAssessment = {
  title: string;
  questions: Mcq[];
  createdAt?: Date;
};

export type PaperSize = "a4" | "letter";

export type ExportOptions = {
  /** Page size of the PDF formats; A4 unless told. */
  paper?: PaperSize;
  /** Whether Word and PDF papers print each question's Bloom level; true unless told. */
  includeBloom?: boolean;
};

/**
 * Something the chosen format could not carry faithfully. `question` is the 1-based number the
 * paper prints; it is absent when the whole file is concerned (e.g. Aiken has no explanations).
 */
export type ExportProblem = {
  question?: number;
  code: ExportProblemCode;
  message: string;
};

export type ExportProblemCode =
  | "field-dropped"
  | "line-breaks-joined"
  | "question-omitted"
  | "characters-removed"
  | "glyphs-missing"
  | "formula-escaped";

/** What one format module hands back before the entry point names the file. */
export type FormatOutput = {
  bytes: Uint8Array;
  problems: ExportProblem[];
};

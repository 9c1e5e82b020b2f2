import type { Mcq } from "@/lib/generation/mcq";
import type { ImportIssue } from "./import-error";

export const IMPORT_FORMATS = ["json", "gift", "aiken"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** An imported file's questions; `warnings` says what was filled in because the file was silent. */
export type ImportedAssessment = {
  title: string;
  questions: Mcq[];
  format: ImportFormat;
  warnings: ImportIssue[];
};

/** Put in place of the explanation Bloomery requires when a file has none. */
export const MISSING_EXPLANATION = "No explanation was given in the imported file.";

import { parseAiken } from "./aiken";
import { detectImportFormat } from "./detect-format";
import { parseGift } from "./gift";
import { ImportError } from "./import-error";
import { parseBloomeryJson } from "./json";
import type { ImportedAssessment, ImportFormat } from "./types";

export { ImportError, type ImportIssue } from "./import-error";
export { detectImportFormat } from "./detect-format";
export { IMPORT_FORMATS, MISSING_EXPLANATION, type ImportedAssessment, type ImportFormat } from "./types";

export type ImportOptions = {
  /** Skips detection when the caller knows the format. */
  format?: ImportFormat;
  /** Title for files that carry none (Aiken, GIFT without a category), e.g. the upload's name. */
  fallbackTitle?: string;
};

const decoder = new TextDecoder("utf-8", { fatal: true });

/**
 * Reads a Bloomery JSON, GIFT or Aiken file into questions. Throws ImportError listing every
 * problem with its line when the file cannot be imported whole.
 */
export function importAssessment(content: string | Uint8Array, options: ImportOptions = {}): ImportedAssessment {
  const text = typeof content === "string" ? content : decodeUtf8(content);
  const format = options.format ?? detectImportFormat(text);
  const title = options.fallbackTitle?.trim() || "Imported questions";
  switch (format) {
    case "json":
      return parseBloomeryJson(text);
    case "gift":
      return parseGift(text, title);
    case "aiken":
      return parseAiken(text, title);
    case null:
      throw new ImportError([
        { line: 1, message: "This file is not a Bloomery JSON, GIFT or Aiken file that Bloomery can recognise" },
      ]);
  }
}

// GIFT and Aiken must be UTF-8 (Moodle reads them so); a file in another encoding is refused, not garbled.
function decodeUtf8(bytes: Uint8Array): string {
  try {
    return decoder.decode(bytes);
  } catch {
    throw new ImportError([{ line: 1, message: "The file is not UTF-8 text; save it as UTF-8 and upload it again" }]);
  }
}

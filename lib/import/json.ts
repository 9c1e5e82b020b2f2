import { bloomeryJsonSchema, BLOOMERY_JSON_FORMAT } from "@/lib/export/json";
import { ImportError } from "./import-error";
import { parseJsonWithLines } from "./json-lines";
import type { ImportedAssessment } from "./types";

/** Reads a Bloomery JSON file (docs/json-format.md); every schema problem is reported with its line. */
export function parseBloomeryJson(text: string): ImportedAssessment {
  const { value, findLine } = parseJsonWithLines(text);
  if (typeof value !== "object" || value === null || (value as { format?: unknown }).format !== BLOOMERY_JSON_FORMAT) {
    throw new ImportError([
      { line: 1, message: `This JSON is not a Bloomery assessment file (its "format" is not "${BLOOMERY_JSON_FORMAT}")` },
    ]);
  }
  const parsed = bloomeryJsonSchema.safeParse(value);
  if (!parsed.success) {
    throw new ImportError(
      parsed.error.issues
        .map((issue) => ({ line: findLine(issue.path), message: `${formatPath(issue.path)}${issue.message}` }))
        .sort((a, b) => a.line - b.line),
    );
  }
  return { title: parsed.data.title, questions: parsed.data.questions, format: "json", warnings: [] };
}

// questions[2].options: … reads better than a raw path array.
function formatPath(path: PropertyKey[]): string {
  if (path.length === 0) return "";
  const text = path
    .map((part, i) => (typeof part === "number" ? `[${part}]` : `${i === 0 ? "" : "."}${String(part)}`))
    .join("");
  return `${text}: `;
}

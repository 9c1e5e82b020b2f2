import { ImportError, type ImportIssue } from "./import-error";
import { finishDrafts, type QuestionDraft } from "./question-defaults";
import type { ImportedAssessment } from "./types";

const encoder = new TextEncoder();

/**
 * Reads an Aiken file by the rules of Moodle's reader (question/format/aiken/format.php): lines are
 * trimmed and those under 2 bytes skipped; `A) ` or `A. ` lines are options, `ANSWER: X` is the key,
 * any other line starts a question. Aiken has no Bloom levels or explanations; the warnings say so.
 */
export function parseAiken(text: string, fallbackTitle: string): ImportedAssessment {
  const errors: ImportIssue[] = [];
  const drafts: QuestionDraft[] = [];
  let current: { line: number; question: string; options: string[] } | null = null;

  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  for (const [index, rawLine] of lines.entries()) {
    const line = rawLine.trim();
    const lineNumber = index + 1;
    if (encoder.encode(line).length < 2) continue;
    if (/^[A-Z][).][ \t]?/.test(line)) {
      if (!current) {
        errors.push({ line: lineNumber, message: "An option line comes before any question" });
        continue;
      }
      // Moodle goes by position, not by the letter written: the first option is A.
      current.options.push(line.slice(2).trim());
      continue;
    }
    if (line.startsWith("ANSWER:")) {
      if (!current) {
        errors.push({ line: lineNumber, message: "An ANSWER line comes before any question" });
        continue;
      }
      const letter = line.slice("ANSWER:".length).trim().charAt(0);
      const answerIndex = letter.charCodeAt(0) - 65;
      if (current.options.length < 2) {
        errors.push({ line: current.line, message: "This question has fewer than 2 options" });
      } else if (!/[A-Z]/.test(letter) || answerIndex >= current.options.length) {
        errors.push({
          line: lineNumber,
          message: `The ANSWER line names "${letter || "nothing"}", which is not one of the question's options A–${String.fromCharCode(64 + current.options.length)}`,
        });
      } else {
        drafts.push({
          line: current.line,
          question: current.question,
          options: current.options,
          correct_answer: current.options[answerIndex],
          bloom_level: null,
          explanation: null,
        });
      }
      current = null;
      continue;
    }
    if (current) {
      errors.push({
        line: current.line,
        message: `This question has no ANSWER line before the next question starts on line ${lineNumber}`,
      });
    }
    current = { line: lineNumber, question: line, options: [] };
  }
  if (current) errors.push({ line: current.line, message: "This question has no ANSWER line before the file ends" });

  for (const draft of drafts) {
    if (draft.options.length !== 4) {
      errors.push({ line: draft.line, message: `Bloomery questions have exactly 4 options; this one has ${draft.options.length}` });
    }
  }
  const finished = finishDrafts(drafts.filter((draft) => draft.options.length === 4));
  errors.push(...finished.errors);
  if (errors.length === 0 && finished.questions.length === 0) {
    errors.push({ line: 1, message: "The file holds no questions" });
  }
  if (errors.length > 0) throw new ImportError(errors.sort((a, b) => a.line - b.line));
  return { title: fallbackTitle, questions: finished.questions, format: "aiken", warnings: finished.warnings };
}

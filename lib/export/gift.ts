import { encodeUtf8, findCorrectIndex, makeQuestionName } from "./text";
import type { ExportableAssessment, FormatOutput } from "./types";

/**
 * Moodle GIFT, in a category named after the assessment. Text goes out as [plain] so HTML-looking
 * text shows literally; Moodle applies the question's format to its answers and feedback too. The
 * Bloom level is a `[tag:…]` comment, which Moodle's importer turns into a question tag; the
 * explanation is the `####` general feedback.
 */
export function exportGift(assessment: ExportableAssessment): FormatOutput {
  const header = [
    `// ${oneLine(assessment.title)}`,
    `// Exported from Bloomery: ${assessment.questions.length} multiple-choice questions.`,
    // Moodle files the questions in a category named after the assessment; "//" escapes a "/".
    `$CATEGORY: $course$/top/${oneLine(assessment.title).replace(/\//g, "//")}`,
  ].join("\n");
  const blocks = assessment.questions.map((mcq, index) => {
    const correct = findCorrectIndex(mcq);
    const answers = mcq.options.map((option, i) => `\t${i === correct ? "=" : "~"}${escapeGiftAnswer(option)}`);
    return [
      `// [tag:bloom-${mcq.bloom_level}]${mcq.id ? ` [id:${oneLine(mcq.id).replace(/]/g, "\\]")}]` : ""}`,
      `::${escapeGift(makeQuestionName(index, mcq))}::[plain]${escapeGift(mcq.question)} {`,
      ...answers,
      `\t####${escapeGiftAnswer(mcq.explanation)}`,
      "}",
    ].join("\n");
  });
  return { bytes: encodeUtf8(`${[header, ...blocks].join("\n\n")}\n`), problems: [] };
}

/** Backslash-escapes GIFT's control characters; line breaks become `\n` since a blank line ends a question. */
export function escapeGift(text: string): string {
  return text
    .replace(/[\\~=#{}:]/g, (char) => `\\${char}`)
    .replace(/\r\n|\r|\n/g, "\\n");
}

// An answer that itself starts with a format tag such as "[html]" would be read as one; an
// explicit [plain] in front keeps the tag as text.
function escapeGiftAnswer(text: string): string {
  const escaped = escapeGift(text);
  return /^\[(html|moodle|plain|markdown)\]/.test(escaped) ? `[plain]${escaped}` : escaped;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

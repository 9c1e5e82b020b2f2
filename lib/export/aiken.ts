import { encodeUtf8, findCorrectIndex, OPTION_LETTERS } from "./text";
import type { ExportableAssessment, ExportProblem, FormatOutput } from "./types";

/**
 * Moodle Aiken: a one-line question, `A) ` option lines, an `ANSWER: X` line. Line breaks inside
 * text are joined with spaces (reported); a question Moodle's reader would mistake for an option or
 * answer line, or skip as too short, is left out and reported rather than written broken.
 */
export function exportAiken(assessment: ExportableAssessment): FormatOutput {
  const problems: ExportProblem[] = [
    {
      code: "field-dropped",
      message: "Aiken files have no place for explanations or Bloom levels, so they are not in this file.",
    },
  ];
  const blocks: string[] = [];
  assessment.questions.forEach((mcq, index) => {
    const fields = [mcq.question, ...mcq.options];
    const question = joinLines(mcq.question);
    const misread = describeMisreadQuestion(question);
    if (misread) {
      problems.push({ question: index + 1, code: "question-omitted", message: `Left out: ${misread}` });
      return;
    }
    if (fields.some((text) => /[\r\n]/.test(text))) {
      problems.push({
        question: index + 1,
        code: "line-breaks-joined",
        message: "Aiken allows one line per question and option; line breaks were replaced by spaces.",
      });
    }
    blocks.push(
      [
        question,
        ...mcq.options.map((option, i) => `${OPTION_LETTERS[i]}) ${joinLines(option)}`),
        `ANSWER: ${OPTION_LETTERS[findCorrectIndex(mcq)]}`,
      ].join("\n"),
    );
  });
  return { bytes: encodeUtf8(blocks.length ? `${blocks.join("\n\n")}\n` : ""), problems };
}

function joinLines(text: string): string {
  return text.replace(/\s*(\r\n|\r|\n)\s*/g, " ").trim();
}

// Moodle's reader (question/format/aiken/format.php) trims each line, skips lines under 2
// characters, and checks for an option or ANSWER prefix before taking a line as a question.
function describeMisreadQuestion(line: string): string | null {
  // strlen in PHP counts bytes, so one CJK character is long enough there.
  if (encodeUtf8(line).length < 2) return "Aiken readers skip lines shorter than 2 characters, so this question would vanish.";
  if (/^[A-Z][).]/.test(line)) {
    return "the question starts like an option line (a capital letter then ')' or '.'), so Aiken readers would misread it.";
  }
  if (line.startsWith("ANSWER:")) return "the question starts with 'ANSWER:', so Aiken readers would take it as the key line.";
  return null;
}

import type { Mcq } from "@/lib/generation/mcq";
import { findCorrectIndex, formatBloomLevel, OPTION_LETTERS } from "./text";
import type { PaperSize } from "./types";

/** Page sizes in points (1/72 inch). */
export const PAPER_POINTS: Record<PaperSize, { width: number; height: number }> = {
  a4: { width: 595.28, height: 841.89 },
  letter: { width: 612, height: 792 },
};

export type PaperKind = "questions" | "answer-key";

/** The printed pieces of one question, shared by Word and PDF so both papers say the same. */
export type PaperQuestion = {
  heading: string;
  bloomLabel: string | null;
  options: { label: string; text: string; isCorrect: boolean }[];
  answerLine: string | null;
  explanation: string | null;
};

export const ANSWER_KEY_SUFFIX = " — Answer key";
export const CORRECT_MARK = "(correct)";

/** The key marks the right option in words and weight, never by colour alone. */
export function describePaperQuestion(
  mcq: Mcq,
  index: number,
  kind: PaperKind,
  includeBloom: boolean,
): PaperQuestion {
  const correct = findCorrectIndex(mcq);
  const isKey = kind === "answer-key";
  return {
    heading: `${index + 1}. ${mcq.question}`,
    bloomLabel: includeBloom ? `Bloom level: ${formatBloomLevel(mcq.bloom_level)}` : null,
    options: mcq.options.map((text, i) => ({
      label: `${OPTION_LETTERS[i]}.`,
      text,
      isCorrect: isKey && i === correct,
    })),
    answerLine: isKey ? `Answer: ${OPTION_LETTERS[correct]}` : null,
    explanation: isKey ? `Explanation: ${mcq.explanation}` : null,
  };
}

// Hebrew, Arabic, Syriac, Thaana, NKo and their presentation forms: text whose first strong
// letter is one of these reads right to left.
const RTL_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
const LTR_LETTER = /[A-Za-z\u00C0-\u058F\u0900-\u1FFF\u3040-\u9FFF\uAC00-\uD7AF]/;

export function isRightToLeft(text: string): boolean {
  for (const char of text) {
    if (RTL_LETTER.test(char)) return true;
    if (LTR_LETTER.test(char)) return false;
  }
  return false;
}

import { createHash } from "node:crypto";
import { AppError } from "../errors";
import type { BloomLevel } from "../generation/blooms";
import type { QuizQuestion } from "./quiz-schemas";

export interface QuestionSource {
  id: string;
  question: string;
  options: unknown;
  correctAnswer: string;
  bloomLevel: BloomLevel;
  explanation: string;
}

export interface QuestionSnapshot {
  title: string;
  questions: QuizQuestion[];
  /** Tells whether the assessment changed since a version was published. */
  contentHash: string;
}

/**
 * The assessment's questions frozen for a quiz: the key kept as an index into the options, so the
 * answer a taker gives is compared by position and never by matching text.
 */
export function snapshotQuestions(title: string, rows: readonly QuestionSource[]): QuestionSnapshot {
  const questions = rows.map((row, index): QuizQuestion => {
    const options = row.options as string[];
    const correctIndex = options.indexOf(row.correctAnswer);
    if (correctIndex < 0) {
      throw new AppError("unprocessable", `Question ${index + 1}'s answer is not one of its options; fix it before publishing`);
    }
    return {
      id: row.id,
      question: row.question,
      options: [...options],
      correct_index: correctIndex,
      bloom_level: row.bloomLevel,
      explanation: row.explanation,
    };
  });
  const contentHash = createHash("sha256").update(JSON.stringify({ title, questions })).digest("hex");
  return { title, questions, contentHash };
}

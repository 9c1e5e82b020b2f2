import type { Prisma } from "../generated/prisma/client";
import type { LintFinding, Mcq, McqSource } from "../generation/mcq";

export interface QuestionRow {
  id: string;
  position: number;
  question: string;
  options: Prisma.JsonValue;
  correctAnswer: string;
  bloomLevel: Mcq["bloom_level"];
  explanation: string;
  source: Prisma.JsonValue | null;
  lint: Prisma.JsonValue | null;
  generator: string | null;
}

/** A stored question in the job-status contract's shape, with its id so it can be edited. */
export function toMcq(row: QuestionRow): Mcq & { id: string } {
  return {
    id: row.id,
    question: row.question,
    options: row.options as string[],
    correct_answer: row.correctAnswer,
    bloom_level: row.bloomLevel,
    explanation: row.explanation,
    ...(row.source ? { source: row.source as McqSource } : {}),
    ...(row.lint ? { lint: row.lint as LintFinding[] } : {}),
    ...(row.generator ? { generator: row.generator } : {}),
  };
}

/** The columns of a question row for an MCQ at a position. */
export function toQuestionData(mcq: Mcq, position: number) {
  return {
    position,
    question: mcq.question,
    options: mcq.options,
    correctAnswer: mcq.correct_answer,
    bloomLevel: mcq.bloom_level,
    explanation: mcq.explanation,
    source: mcq.source ?? undefined,
    lint: mcq.lint ?? undefined,
    generator: mcq.generator ?? null,
  };
}

import type { PrismaClient } from "../generated/prisma/client";
import { optionLetter } from "./describe-statistics";
import { findOwnedQuiz } from "./find-owned-quiz";
import { readQuizQuestions } from "./read-quiz-questions";

const HEADER = [
  "version",
  "attempt_id",
  "name",
  "status",
  "started_at",
  "submitted_at",
  "score",
  "total",
  "question_number",
  "question_id",
  "question",
  "bloom_level",
  "shown_as_number",
  "chosen_letter",
  "chosen_option",
  "correct_letter",
  "is_correct",
  "answered_at",
];

/**
 * Every response to every version of a shared quiz, one row per attempt and question (blank
 * answers included), for a spreadsheet. Letters follow the teacher's order of the options, not the
 * shuffled order a taker saw; `shown_as_number` is where the taker saw the question.
 */
export async function exportResponsesCsv(prisma: PrismaClient, ownerId: number, assessmentId: number): Promise<{ filename: string; text: string }> {
  const quiz = await findOwnedQuiz(prisma, ownerId, assessmentId);
  const versions = await prisma.quizVersion.findMany({
    where: { quizId: quiz.id },
    orderBy: { version: "asc" },
    include: { attempts: { orderBy: { startedAt: "asc" }, include: { answers: true } } },
  });
  const rows: string[][] = [];
  for (const version of versions) {
    const questions = readQuizQuestions(version.questions);
    for (const attempt of version.attempts) {
      const answers = new Map(attempt.answers.map((answer) => [answer.questionId, answer]));
      const shownOrder = Array.isArray(attempt.questionOrder) ? (attempt.questionOrder as string[]) : [];
      questions.forEach((question, index) => {
        const answer = answers.get(question.id);
        rows.push([
          String(version.version),
          attempt.id,
          attempt.name,
          attempt.submittedAt ? "submitted" : "in_progress",
          attempt.startedAt.toISOString(),
          attempt.submittedAt?.toISOString() ?? "",
          attempt.score === null ? "" : String(attempt.score),
          String(questions.length),
          String(index + 1),
          question.id,
          question.question,
          question.bloom_level,
          String(shownOrder.indexOf(question.id) + 1 || ""),
          answer ? optionLetter(answer.optionIndex) : "",
          answer ? (question.options[answer.optionIndex] ?? "") : "",
          optionLetter(question.correct_index),
          answer ? String(answer.optionIndex === question.correct_index) : "false",
          answer?.answeredAt.toISOString() ?? "",
        ]);
      });
    }
  }
  const text = [HEADER, ...rows].map((row) => row.map((cell) => quoteField(guardFormula(cell))).join(",")).join("\r\n");
  const slug = versions.at(-1)?.title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "quiz";
  // The BOM makes Excel read the file as UTF-8.
  return { filename: `${slug}-responses.csv`, text: `\uFEFF${text}\r\n` };
}

// Takers type their own names: a cell starting with = + - @ would run as a formula in a spreadsheet
// (CSV injection), so it gets a leading ' as lib/export/csv.ts does for question text.
function guardFormula(field: string): string {
  return /^[=+\-@\t\r]/.test(field) && !/^[+-]?\d+([.,]\d+)?%?$/.test(field) ? `'${field}` : field;
}

function quoteField(field: string): string {
  return `"${field.replace(/"/g, '""')}"`;
}

import { BLOOM_LEVELS, type BloomLevel } from "../generation/blooms";
import type { PrismaClient } from "../generated/prisma/client";
import { findQuizByKey } from "./find-quiz-by-key";
import { getClosedReason, type ClosedReason } from "./quiz-state";
import type { ReviewPolicy } from "./quiz-schemas";
import { readQuizQuestions } from "./read-quiz-questions";

/**
 * What anyone with the link or code may see: the quiz without its key or explanations. Closed, it
 * keeps its title and says why, and lists no questions.
 */
export interface PublicQuizView {
  token: string;
  code: string;
  title: string;
  version: number;
  question_count: number;
  is_open: boolean;
  closed_reason: ClosedReason | null;
  closes_at: string | null;
  settings: { shuffle_questions: boolean; shuffle_options: boolean; review: ReviewPolicy; review_at: string | null; allows_retakes: boolean };
  bloom_counts: Partial<Record<BloomLevel, number>>;
  /** "alphabetical" when each taker gets the options in an order of their own, so the written order is not given away. */
  options_order: "as_written" | "alphabetical";
  questions: { id: string; number: number; question: string; bloom_level: BloomLevel; options: string[] }[];
}

export async function getPublicQuiz(prisma: PrismaClient, rawKey: string, now = new Date()): Promise<PublicQuizView> {
  const { quiz, latest } = await findQuizByKey(prisma, rawKey);
  const questions = readQuizQuestions(latest.questions);
  const closedReason = getClosedReason(quiz, now);
  const bloomCounts: Partial<Record<BloomLevel, number>> = {};
  for (const level of BLOOM_LEVELS) {
    const count = questions.filter((question) => question.bloom_level === level).length;
    if (count > 0) bloomCounts[level] = count;
  }
  return {
    token: quiz.token,
    code: quiz.code,
    title: latest.title,
    version: latest.version,
    question_count: questions.length,
    is_open: closedReason === null,
    closed_reason: closedReason,
    closes_at: quiz.closesAt?.toISOString() ?? null,
    settings: {
      shuffle_questions: quiz.shuffleQuestions,
      shuffle_options: quiz.shuffleOptions,
      review: quiz.reviewPolicy,
      review_at: quiz.reviewAt?.toISOString() ?? null,
      allows_retakes: quiz.allowsRetakes,
    },
    bloom_counts: bloomCounts,
    options_order: quiz.shuffleOptions ? "alphabetical" : "as_written",
    questions: closedReason
      ? []
      : questions.map((question, index) => ({
          id: question.id,
          number: index + 1,
          question: question.question,
          bloom_level: question.bloom_level,
          options: quiz.shuffleOptions ? [...question.options].sort((a, b) => a.localeCompare(b)) : [...question.options],
        })),
  };
}

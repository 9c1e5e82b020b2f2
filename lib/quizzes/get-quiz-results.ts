import { AppError } from "../errors";
import type { BloomLevel } from "../generation/blooms";
import type { PrismaClient } from "../generated/prisma/client";
import { describeItem, describeQuiz, optionLetter, type Reading } from "./describe-statistics";
import { findOwnedQuiz } from "./find-owned-quiz";
import { computeQuizStatistics, type TakerResponses } from "./item-statistics";
import { readQuizQuestions } from "./read-quiz-questions";

export interface AttemptSummaryView {
  id: string;
  name: string;
  status: "in_progress" | "submitted";
  started_at: string;
  submitted_at: string | null;
  answered: number;
  score: number | null;
  total: number;
  percent: number | null;
}

export interface ItemResultView {
  id: string;
  /** In the teacher's order, whatever order each taker saw. */
  number: number;
  question: string;
  bloom_level: BloomLevel;
  key_option: string;
  options: { letter: string; text: string; is_key: boolean; count: number; upper: number; lower: number; is_unchosen: boolean }[];
  omitted: number;
  takers: number;
  correct: number;
  difficulty: number | null;
  point_biserial: number | null;
  discrimination_index: number | null;
  group_size: number;
  readings: Reading[];
}

/** The owner's results for one version: attempts, item analysis, Bloom levels, and what they mean. */
export interface QuizResultsView {
  assessment_id: number;
  title: string;
  version: number;
  versions: { version: number; created_at: string; attempts: number; submitted: number }[];
  question_count: number;
  attempts: AttemptSummaryView[];
  summary: { submitted: number; in_progress: number; mean_score: number | null; mean_percent: number | null; score_distribution: number[] };
  items: ItemResultView[];
  levels: { level: BloomLevel; questions: number; share_correct: number | null }[];
  readings: Reading[];
}

/**
 * Results of a shared quiz for its owner. Item statistics use submitted attempts only; attempts in
 * progress are listed so the teacher sees who has not finished.
 */
export async function getQuizResults(prisma: PrismaClient, ownerId: number, assessmentId: number, versionNumber?: number): Promise<QuizResultsView> {
  const quiz = await findOwnedQuiz(prisma, ownerId, assessmentId);
  const versions = await prisma.quizVersion.findMany({
    where: { quizId: quiz.id },
    orderBy: { version: "desc" },
    include: { _count: { select: { attempts: true } }, attempts: { where: { submittedAt: { not: null } }, select: { id: true } } },
  });
  const version = versionNumber === undefined ? versions[0] : versions.find((candidate) => candidate.version === versionNumber);
  if (!version) throw new AppError("not_found", `This quiz has no version ${versionNumber}; it has versions 1 to ${versions[0].version}`);

  const questions = readQuizQuestions(version.questions);
  const attempts = await prisma.quizAttempt.findMany({
    where: { versionId: version.id },
    orderBy: { startedAt: "asc" },
    include: { answers: { select: { questionId: true, optionIndex: true } } },
  });
  const submitted = attempts.filter((attempt) => attempt.submittedAt !== null);
  const responses: TakerResponses[] = submitted.map((attempt) => ({
    attemptId: attempt.id,
    choices: Object.fromEntries(attempt.answers.map((answer) => [answer.questionId, answer.optionIndex])),
  }));
  const stats = computeQuizStatistics(
    questions.map((question) => ({ id: question.id, optionCount: question.options.length, keyIndex: question.correct_index, bloomLevel: question.bloom_level })),
    responses,
  );
  const total = questions.length;

  return {
    assessment_id: assessmentId,
    title: version.title,
    version: version.version,
    versions: versions.map((candidate) => ({
      version: candidate.version,
      created_at: candidate.createdAt.toISOString(),
      attempts: candidate._count.attempts,
      submitted: candidate.attempts.length,
    })),
    question_count: total,
    attempts: attempts.map((attempt) => ({
      id: attempt.id,
      name: attempt.name,
      status: attempt.submittedAt ? "submitted" : "in_progress",
      started_at: attempt.startedAt.toISOString(),
      submitted_at: attempt.submittedAt?.toISOString() ?? null,
      answered: attempt.answers.length,
      score: attempt.score,
      total,
      percent: attempt.score === null || total === 0 ? null : Math.round((attempt.score / total) * 100),
    })),
    summary: {
      submitted: submitted.length,
      in_progress: attempts.length - submitted.length,
      mean_score: stats.meanScore,
      mean_percent: stats.meanScore === null || total === 0 ? null : Math.round((stats.meanScore / total) * 100),
      score_distribution: stats.scoreDistribution,
    },
    items: questions.map((question, index) => {
      const item = stats.items[index];
      return {
        id: question.id,
        number: index + 1,
        question: question.question,
        bloom_level: question.bloom_level,
        key_option: optionLetter(question.correct_index),
        options: question.options.map((text, optionIndex) => ({
          letter: optionLetter(optionIndex),
          text,
          is_key: optionIndex === question.correct_index,
          count: item.optionCounts[optionIndex],
          upper: item.upperCounts[optionIndex],
          lower: item.lowerCounts[optionIndex],
          is_unchosen: item.unchosenDistractors.includes(optionIndex),
        })),
        omitted: item.omitted,
        takers: item.takers,
        correct: item.correct,
        difficulty: item.difficulty,
        point_biserial: item.pointBiserial,
        discrimination_index: item.discriminationIndex,
        group_size: item.groupSize,
        readings: describeItem(index + 1, question.options, question.correct_index, item),
      };
    }),
    levels: stats.levels.map((level) => ({ level: level.level, questions: level.questions, share_correct: level.shareCorrect })),
    readings: describeQuiz(stats),
  };
}

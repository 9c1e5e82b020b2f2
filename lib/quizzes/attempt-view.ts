import { BLOOM_LEVELS, type BloomLevel } from "../generation/blooms";
import { getClosedReason, isReviewAvailable, type ClosedReason, type QuizStateFields } from "./quiz-state";
import type { QuizQuestion } from "./quiz-schemas";
import type { AttemptOrder } from "./shuffle";

export interface AttemptQuestionView {
  id: string;
  /** 1-based, in the order this attempt shows them. */
  number: number;
  question: string;
  bloom_level: BloomLevel;
  /** In the order this attempt shows them; answers name an option by its position here. */
  options: string[];
  answer: number | null;
}

export interface ReviewQuestionView extends AttemptQuestionView {
  correct_option: number;
  is_correct: boolean;
  explanation: string;
}

export interface LevelResultView {
  level: BloomLevel;
  correct: number;
  total: number;
}

/** A taker's attempt: what they see while taking it, and their result and review once submitted. */
export interface AttemptView {
  attempt_token: string;
  quiz: {
    token: string;
    code: string;
    title: string;
    version: number;
    is_open: boolean;
    closed_reason: ClosedReason | null;
    closes_at: string | null;
  };
  name: string;
  status: "in_progress" | "submitted";
  started_at: string;
  submitted_at: string | null;
  answered_count: number;
  questions: AttemptQuestionView[];
  /** Once submitted: the score and how it went per Bloom level ("2 of 4 analyze questions"). */
  result: { score: number; total: number; percent: number; by_level: LevelResultView[] } | null;
  /**
   * Once submitted and the owner allows it: each question with the correct option and explanation.
   * `review_status` says why it is missing: "after_date" (see `review_at`) or "never".
   */
  review: { questions: ReviewQuestionView[] } | null;
  review_status: "available" | "after_date" | "never" | null;
  review_at: string | null;
}

export interface AttemptViewInput {
  quiz: QuizStateFields & { token: string; code: string };
  version: { version: number; title: string };
  attempt: { token: string; name: string; startedAt: Date; submittedAt: Date | null };
  questions: readonly QuizQuestion[];
  order: AttemptOrder;
  /** Question id → option index in the version's own order. */
  answers: ReadonlyMap<string, number>;
  now: Date;
}

/**
 * Builds what a taker's browser receives. Until the attempt is submitted, and after it until the
 * owner allows a review, nothing here says which option is correct: the score is computed from the
 * answers on the server and only totals are given.
 */
export function toAttemptView({ quiz, version, attempt, questions, order, answers, now }: AttemptViewInput): AttemptView {
  const byId = new Map(questions.map((question) => [question.id, question]));
  const shown = order.questionOrder.flatMap((id) => {
    const question = byId.get(id);
    return question ? [question] : [];
  });
  const questionViews = shown.map((question, index): AttemptQuestionView => {
    const optionOrder = order.optionOrders[question.id] ?? question.options.map((_, i) => i);
    const chosen = answers.get(question.id);
    const shownAnswer = chosen === undefined ? -1 : optionOrder.indexOf(chosen);
    return {
      id: question.id,
      number: index + 1,
      question: question.question,
      bloom_level: question.bloom_level,
      options: optionOrder.map((i) => question.options[i]),
      answer: shownAnswer < 0 ? null : shownAnswer,
    };
  });
  const closedReason = getClosedReason(quiz, now);
  const isSubmitted = attempt.submittedAt !== null;
  const isCorrect = (question: QuizQuestion) => answers.get(question.id) === question.correct_index;

  let result: AttemptView["result"] = null;
  let review: AttemptView["review"] = null;
  let reviewStatus: AttemptView["review_status"] = null;
  if (isSubmitted) {
    const score = shown.filter(isCorrect).length;
    result = {
      score,
      total: shown.length,
      percent: shown.length === 0 ? 0 : Math.round((score / shown.length) * 100),
      by_level: BLOOM_LEVELS.flatMap((level) => {
        const atLevel = shown.filter((question) => question.bloom_level === level);
        return atLevel.length === 0 ? [] : [{ level, correct: atLevel.filter(isCorrect).length, total: atLevel.length }];
      }),
    };
    if (isReviewAvailable(quiz, now)) {
      reviewStatus = "available";
      review = {
        questions: shown.map((question, index) => {
          const optionOrder = order.optionOrders[question.id] ?? question.options.map((_, i) => i);
          return {
            ...questionViews[index],
            correct_option: optionOrder.indexOf(question.correct_index),
            is_correct: isCorrect(question),
            explanation: question.explanation,
          };
        }),
      };
    } else {
      reviewStatus = quiz.reviewPolicy === "never" ? "never" : "after_date";
    }
  }
  return {
    attempt_token: attempt.token,
    quiz: {
      token: quiz.token,
      code: quiz.code,
      title: version.title,
      version: version.version,
      is_open: closedReason === null,
      closed_reason: closedReason,
      closes_at: quiz.closesAt?.toISOString() ?? null,
    },
    name: attempt.name,
    status: isSubmitted ? "submitted" : "in_progress",
    started_at: attempt.startedAt.toISOString(),
    submitted_at: attempt.submittedAt?.toISOString() ?? null,
    answered_count: questionViews.filter((question) => question.answer !== null).length,
    questions: questionViews,
    result,
    review,
    review_status: reviewStatus,
    review_at: reviewStatus === "after_date" ? (quiz.reviewAt?.toISOString() ?? null) : null,
  };
}

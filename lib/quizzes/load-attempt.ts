import { AppError } from "../errors";
import type { PrismaClient, Quiz, QuizAttempt, QuizVersion } from "../generated/prisma/client";
import type { AttemptView } from "./attempt-view";
import { toAttemptView } from "./attempt-view";
import { isAttemptToken, parseQuizKey } from "./quiz-keys";
import type { QuizQuestion } from "./quiz-schemas";
import { readAttemptOrder, readQuizQuestions } from "./read-quiz-questions";
import type { AttemptOrder } from "./shuffle";

export interface LoadedAttempt {
  quiz: Quiz;
  version: QuizVersion;
  attempt: QuizAttempt;
  questions: QuizQuestion[];
  order: AttemptOrder;
  /** Question id → option index in the version's order. */
  answers: Map<string, number>;
}

export function attemptNotFound(): AppError {
  return new AppError("not_found", "Attempt not found");
}

/** An attempt by its taker's token, reached through its own quiz's link or code only. */
export async function loadAttempt(prisma: PrismaClient, rawKey: string, attemptToken: string): Promise<LoadedAttempt> {
  const key = parseQuizKey(rawKey);
  if (!key || !isAttemptToken(attemptToken)) throw attemptNotFound();
  const found = await prisma.quizAttempt.findUnique({
    where: { token: attemptToken },
    include: { quiz: true, version: true, answers: true },
  });
  if (!found || (key.kind === "token" ? found.quiz.token : found.quiz.code) !== key.value) throw attemptNotFound();
  const { quiz, version, answers, ...attempt } = found;
  return {
    quiz,
    version,
    attempt,
    questions: readQuizQuestions(version.questions),
    order: readAttemptOrder(attempt.questionOrder, attempt.optionOrders),
    answers: new Map(answers.map((answer) => [answer.questionId, answer.optionIndex])),
  };
}

export function viewLoadedAttempt(loaded: LoadedAttempt, now: Date): AttemptView {
  return toAttemptView({ ...loaded, now });
}

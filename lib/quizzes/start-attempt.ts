import { randomUUID } from "node:crypto";
import { AppError } from "../errors";
import type { PrismaClient } from "../generated/prisma/client";
import type { AttemptView } from "./attempt-view";
import { findQuizByKey } from "./find-quiz-by-key";
import { getAttempt } from "./get-attempt";
import { generateAttemptToken, generateTakerKey } from "./quiz-keys";
import type { StartAttemptRequest } from "./quiz-schemas";
import { assertQuizOpen } from "./quiz-state";
import { readQuizQuestions } from "./read-quiz-questions";
import { planAttemptOrder } from "./shuffle";

export interface StartedAttempt {
  attempt: AttemptView;
  /** The browser's id for this taker: the one sent, or a new one to keep and send next time. */
  takerKey: string;
  /** True when this browser already had an attempt in progress, which is given back instead. */
  isResumed: boolean;
}

/**
 * Starts an attempt on the newest version of an open quiz, or gives back the attempt this browser
 * (taker_key) already has in progress. A one-attempt quiz refuses a browser that has submitted.
 */
export async function startAttempt(prisma: PrismaClient, rawKey: string, request: StartAttemptRequest, now = new Date()): Promise<StartedAttempt> {
  const { quiz, latest } = await findQuizByKey(prisma, rawKey);
  assertQuizOpen(quiz, now);
  const takerKey = request.taker_key ?? generateTakerKey();
  const started = await prisma.$transaction(async (tx) => {
    // Two tabs pressing Start together must not make two attempts on a one-attempt quiz.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`quiz-taker:${quiz.id}:${takerKey}`}, 0))`;
    const previous = await tx.quizAttempt.findMany({
      where: { quizId: quiz.id, takerKey },
      orderBy: { startedAt: "desc" },
      select: { token: true, submittedAt: true },
    });
    const inProgress = previous.find((attempt) => attempt.submittedAt === null);
    if (inProgress) return { token: inProgress.token, isResumed: true };
    if (!quiz.allowsRetakes && previous.length > 0) {
      throw new AppError("conflict", "You have already taken this quiz; it allows one attempt per browser");
    }
    const id = randomUUID();
    const order = planAttemptOrder(
      readQuizQuestions(latest.questions),
      { shuffleQuestions: quiz.shuffleQuestions, shuffleOptions: quiz.shuffleOptions },
      id,
    );
    const token = generateAttemptToken();
    await tx.quizAttempt.create({
      data: {
        id,
        quizId: quiz.id,
        versionId: latest.id,
        token,
        takerKey,
        name: request.name,
        questionOrder: order.questionOrder,
        optionOrders: order.optionOrders,
        startedAt: now,
      },
    });
    return { token, isResumed: false };
  });
  return { attempt: await getAttempt(prisma, rawKey, started.token, now), takerKey, isResumed: started.isResumed };
}

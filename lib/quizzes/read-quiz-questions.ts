import type { Prisma } from "../generated/prisma/client";
import { AppError } from "../errors";
import { log } from "../log";
import { attemptOrderSchema, quizQuestionListSchema, type QuizQuestion } from "./quiz-schemas";
import type { AttemptOrder } from "./shuffle";

/** A version's stored questions, checked on the way out of the database. */
export function readQuizQuestions(json: Prisma.JsonValue): QuizQuestion[] {
  const parsed = quizQuestionListSchema.safeParse(json);
  if (!parsed.success) {
    log.error("stored quiz questions do not match their schema", { issues: parsed.error.issues.slice(0, 5) });
    throw new AppError("internal", "This quiz's questions could not be read");
  }
  return parsed.data;
}

/** An attempt's stored order, checked the same way. */
export function readAttemptOrder(questionOrder: Prisma.JsonValue, optionOrders: Prisma.JsonValue): AttemptOrder {
  const parsed = attemptOrderSchema.safeParse({ questionOrder, optionOrders });
  if (!parsed.success) {
    log.error("stored attempt order does not match its schema", { issues: parsed.error.issues.slice(0, 5) });
    throw new AppError("internal", "This attempt could not be read");
  }
  return parsed.data;
}

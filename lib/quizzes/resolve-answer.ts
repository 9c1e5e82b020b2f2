import { AppError } from "../errors";
import type { LoadedAttempt } from "./load-attempt";

/**
 * The option a taker chose, from its position in the order their attempt shows (what the browser
 * sends) to its index in the version's own order (what is stored and scored).
 */
export function resolveAnswer(loaded: Pick<LoadedAttempt, "order">, questionId: string, shownOption: number): number {
  const optionOrder = loaded.order.optionOrders[questionId];
  if (!optionOrder || !loaded.order.questionOrder.includes(questionId)) {
    throw new AppError("not_found", `This attempt has no question ${questionId}`);
  }
  const index = optionOrder[shownOption];
  if (index === undefined) {
    throw new AppError("bad_request", `option must be from 0 to ${optionOrder.length - 1} for this question`, {
      issues: [{ path: "option", message: `must be from 0 to ${optionOrder.length - 1}` }],
    });
  }
  return index;
}

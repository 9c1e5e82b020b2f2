import { describe, expect, it } from "vitest";
import { planAttemptOrder } from "./shuffle";

const questions = Array.from({ length: 8 }, (_, i) => ({ id: `q${i}`, options: ["a", "b", "c", "d"] }));

describe("planAttemptOrder", () => {
  it("keeps the teacher's order when nothing is shuffled", () => {
    const order = planAttemptOrder(questions, { shuffleQuestions: false, shuffleOptions: false }, "seed");
    expect(order.questionOrder).toEqual(questions.map((q) => q.id));
    expect(Object.values(order.optionOrders).every((o) => o.join() === "0,1,2,3")).toBe(true);
  });

  it("gives one attempt the same order every time, and other attempts other orders", () => {
    const flags = { shuffleQuestions: true, shuffleOptions: true };
    const first = planAttemptOrder(questions, flags, "attempt-1");
    expect(planAttemptOrder(questions, flags, "attempt-1")).toEqual(first);
    const others = ["attempt-2", "attempt-3", "attempt-4"].map((seed) => planAttemptOrder(questions, flags, seed).questionOrder.join());
    expect(others.some((order) => order !== first.questionOrder.join())).toBe(true);
    // A permutation: nothing lost, nothing repeated.
    expect([...first.questionOrder].sort()).toEqual(questions.map((q) => q.id).sort());
    for (const order of Object.values(first.optionOrders)) expect([...order].sort()).toEqual([0, 1, 2, 3]);
  });

  it("shuffles options alone when asked to", () => {
    const order = planAttemptOrder(questions, { shuffleQuestions: false, shuffleOptions: true }, "x");
    expect(order.questionOrder).toEqual(questions.map((q) => q.id));
    expect(Object.values(order.optionOrders).some((o) => o.join() !== "0,1,2,3")).toBe(true);
  });
});

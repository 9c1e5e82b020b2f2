/**
 * Stand-ins for what the quiz examples refer to (see example-values.ts for the idea): a shared
 * assessment with three attempts – Grace's in progress, Alan's in progress (the submit example hands
 * it in), Bo's submitted – and a spare assessment the publish and unpublish examples use.
 */
export const QUIZ_EXAMPLE = {
  assessmentId: 4301,
  spareAssessmentId: 4302,
  token: "kQ3vT8wZ1mN5pR7sX2yB4cD6",
  code: "K7M2QX",
  attemptToken: "aT9mB2vX5kL8pQ1rS4wY7zC3",
  spareAttemptToken: "sP4nV7bK2xM9qR3tW6yZ1cF8",
  submittedAttemptToken: "dN8kR3pW6sX1vB4mQ7tY2zH5",
  questionId: "e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b",
  secondQuestionId: "f2a3b4c5-d6e7-4f8a-9b0c-1d2e3f4a5b6c",
  /** The random ids the takers' browsers keep: real values, the same in every run. */
  takerKey: "grace-browser-key-0001",
  spareTakerKey: "alan-browser-key-00001",
  submittedTakerKey: "bo-browser-key-0000001",
} as const;

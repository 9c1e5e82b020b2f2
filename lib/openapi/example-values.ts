/**
 * The stand-ins the documented examples use for things that only exist at run time. The live
 * example test (examples.test.ts) makes each of them for real and swaps the real value in, in the
 * request it sends and in the answer it expects; anything not listed here must match as written.
 */
export const EXAMPLE = {
  userId: 1024,
  name: "Ada Lovelace",
  email: "ada@example.org",
  password: "correct-horse-battery",
  /** A login token from POST /api/login. */
  loginToken: "Tq3sV9xWk2Lm8RbYc4Pn7HdZ1fGj6QaE",
  /** A second login token, which the sign-out example ends. */
  spareLoginToken: "Hn5rB2kXq8Wz1Lc7Vt4Mp9Jd3Fs6Ga0Y",
  apiKey: "blm_Qm9vbGVhbi1sb2dpYy1pcy1mdW4tYnV0LXRoaXMtaXMtZmFrZQ",
  apiKeyId: "7d3f9a2c-1b4e-4c8d-9f6a-2e5b8c1d4a70",
  /** A key the revoke example may delete. */
  spareApiKeyId: "0c6e2b9f-5a1d-4e3c-8b7a-9d4f1e2c3b50",
  apiKeyPrefix: "blm_Qm9vYm",
  /** A reset token as the mailed link carries it. */
  resetToken: "x7KpQ2mW9vLr4TnB8sYc1HdF6gJ3aZeR",
  finishedJobId: "3f1c9a1e-8d1e-4b9a-9a43-2c4c6b0e7d21",
  /** A second finished job, which the save examples keep. */
  spareFinishedJobId: "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d",
  failedJobId: "9b2d4e6f-1a3c-4e5b-8d7f-0a1b2c3d4e5f",
  queuedJobId: "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d",
  startedJobId: "1e2d3c4b-5a69-4788-9a0b-1c2d3e4f5a6b",
  /** An id no job has. */
  unknownJobId: "00000000-0000-4000-8000-000000000000",
  assessmentId: 4217,
  /** An assessment the rename and delete examples may change. */
  spareAssessmentId: 4218,
  questionId: "b8f1c2d3-4e5f-4a6b-9c7d-8e9f0a1b2c3d",
  /** A question the edit and delete examples may change. */
  spareQuestionId: "c9a2d3e4-5f6a-4b7c-8d9e-0f1a2b3c4d5e",
  documentId: "4c5d6e7f-8a9b-4c0d-9e1f-2a3b4c5d6e7f",
  spareDocumentId: "6e7f8a9b-0c1d-4e2f-8a3b-4c5d6e7f8a9b",
  collectionName: "edu_mate_8f14e45fceea167a5a36dedd4bea2543",
  chunkingJobId: "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e",
  callbackUrl: "https://lms.example.edu/hooks/bloomery",
  deliveryId: "8e9f0a1b-2c3d-4e5f-9a6b-7c8d9e0f1a2b",
  webhookSecret: "whsec_3nTq8vXy2Kb7LmR4cW9pZs1Hd6Fg0JaEeQoUiYtBrNk",
  idempotencyKey: "5f0c1d2e-8a43-4b1e-9c57-0d6a2b7e4f10",
  /** The address the rate-limit examples come from. */
  limitedIp: "203.0.113.7",
  /** Stands for a text over the 2 MB limit, too long to print. */
  oversizedText: "<more than 2 MB of text>",
} as const;

/** A paragraph of teaching material the generation examples send. */
export const EXAMPLE_MATERIAL = [
  "Photosynthesis is the process by which green plants make their own food.",
  "It takes place mainly in the leaves, inside small structures called chloroplasts.",
  "Chlorophyll, the green pigment in chloroplasts, absorbs light energy from the sun.",
  "The plant uses this energy to turn carbon dioxide from the air and water from the soil into glucose.",
  "Oxygen is released into the air as a by-product of the process.",
  "Because plants need light for photosynthesis, a plant kept in the dark for many days cannot make glucose and slowly weakens.",
  "The glucose is used for energy and to build other materials such as starch and cellulose.",
].join(" ");

export const bearerHeader = (token: string = EXAMPLE.apiKey) => ({ Authorization: `Bearer ${token}` });

/** The questions of the example assessment (EXAMPLE.assessmentId), as EduMate's save sends them. */
export const EXAMPLE_QUESTIONS = [
  {
    question: "What does chlorophyll absorb?",
    options: ["Light energy from the sun", "Carbon dioxide from the air", "Water from the soil", "Oxygen from the leaves"],
    correct_answer: "Light energy from the sun",
    bloom_level: "remember",
    explanation: "Chlorophyll, the green pigment in chloroplasts, absorbs light energy from the sun.",
  },
  {
    question: "Why does a plant kept in the dark for many days slowly weaken?",
    options: ["It cannot make glucose without light", "It absorbs too much water", "It releases too much oxygen", "Its roots stop growing"],
    correct_answer: "It cannot make glucose without light",
    bloom_level: "understand",
    explanation: "Photosynthesis needs light; without it the plant cannot make the glucose it uses for energy.",
  },
] as const;

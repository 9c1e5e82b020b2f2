import { z } from "zod";
import { bloomLevelSchema } from "../generation/blooms";

export const REVIEW_POLICIES = ["after_submit", "after_date", "never"] as const;
export type ReviewPolicy = (typeof REVIEW_POLICIES)[number];

export const MAX_TAKER_NAME_LENGTH = 80;

const dateTimeSchema = (field: string) =>
  z.iso
    .datetime({ offset: true, error: `${field} must be a date and time with a zone, such as 2026-12-01T09:00:00Z` })
    .transform((value) => new Date(value));

/**
 * The owner's choices for a shared quiz (POST and PATCH /api/assessments/{id}/quiz). Every field is
 * optional: what is left out keeps its current value, or its default on first publication.
 */
export const quizSettingsSchema = z
  .object({
    shuffle_questions: z.boolean({ error: "shuffle_questions must be true or false" }),
    shuffle_options: z.boolean({ error: "shuffle_options must be true or false" }),
    review: z.enum(REVIEW_POLICIES, { error: `review must be one of ${REVIEW_POLICIES.join(", ")}` }),
    /** With review "after_date": when takers may see the correct options and explanations. */
    review_at: dateTimeSchema("review_at").nullable(),
    allows_retakes: z.boolean({ error: "allows_retakes must be true or false" }),
    /** No attempt starts, saves or submits after this; null for no closing time. */
    closes_at: dateTimeSchema("closes_at").nullable(),
  })
  .partial()
  .strict();
export type QuizSettingsInput = z.output<typeof quizSettingsSchema>;

/** The settings as stored and shown. */
export interface QuizSettings {
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
  reviewPolicy: ReviewPolicy;
  reviewAt: Date | null;
  allowsRetakes: boolean;
  closesAt: Date | null;
}

export const DEFAULT_QUIZ_SETTINGS: QuizSettings = {
  shuffleQuestions: false,
  shuffleOptions: false,
  reviewPolicy: "after_submit",
  reviewAt: null,
  allowsRetakes: false,
  closesAt: null,
};

/** POST /api/quizzes/{key}/attempts: who is taking it, and the browser's id for them. */
export const startAttemptRequestSchema = z
  .object({
    name: z
      .string({ error: "name is required: the name or nickname the teacher will see" })
      .trim()
      .min(1, "name is empty: give a name or nickname")
      .max(MAX_TAKER_NAME_LENGTH, `name is longer than ${MAX_TAKER_NAME_LENGTH} characters`),
    taker_key: z
      .string()
      .regex(/^[A-Za-z0-9_-]{16,64}$/, "taker_key must be 16 to 64 letters, digits, - or _ (a random id the browser keeps)")
      .optional(),
  })
  .strict();
export type StartAttemptRequest = z.output<typeof startAttemptRequestSchema>;

const optionIndexSchema = z
  .number({ error: "option must be the number of the chosen option as shown, counting from 0" })
  .int("option must be a whole number")
  .min(0, "option cannot be negative");

/** PUT …/answers/{questionId}: the option chosen, as its position in the order this attempt shows. */
export const saveAnswerRequestSchema = z.object({ option: optionIndexSchema }).strict();

/** POST …/submit: optionally the last answers, saved before the attempt is scored. */
export const submitAttemptRequestSchema = z
  .object({
    answers: z.record(z.string().min(1).max(100), optionIndexSchema, { error: 'answers must be an object such as {"<question id>": 2}' }).optional(),
  })
  .strict();
export type SubmitAttemptRequest = z.output<typeof submitAttemptRequestSchema>;

/** ?version=N on the owner's results; absent means the newest. */
export const resultsQuerySchema = z.object({
  version: z.coerce.number({ error: "version must be a number" }).int("version must be a whole number").min(1, "version starts at 1").optional(),
});

/** One question of a published version, as stored in quiz_versions.questions. */
export const quizQuestionSchema = z.object({
  id: z.string(),
  question: z.string(),
  options: z.array(z.string()).min(2),
  correct_index: z.number().int().min(0),
  bloom_level: bloomLevelSchema,
  explanation: z.string(),
});
export type QuizQuestion = z.infer<typeof quizQuestionSchema>;
export const quizQuestionListSchema = z.array(quizQuestionSchema);

/** quiz_attempts.question_order and option_orders, read back. */
export const attemptOrderSchema = z.object({
  questionOrder: z.array(z.string()),
  optionOrders: z.record(z.string(), z.array(z.number().int().min(0))),
});

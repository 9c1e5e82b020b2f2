import { z } from "zod";
import { bloomLevelSchema } from "../generation/blooms";
import type { AttemptView } from "./attempt-view";
import type { Reading } from "./describe-statistics";
import type { QuizResultsView } from "./get-quiz-results";
import type { PublicQuizView } from "./get-public-quiz";
import type { QuizShareView } from "./get-quiz-share";
import { REVIEW_POLICIES } from "./quiz-schemas";
import type { SavedAnswer } from "./save-answer";

// The bodies the quiz routes answer with, for the OpenAPI document and its live example test. The
// checks at the bottom fail to compile when a view and its schema drift apart.

const isoDate = z.string().meta({ description: "An ISO 8601 instant, UTC." });
const closedReasonSchema = z
  .enum(["unpublished", "past_closing_time"])
  .nullable()
  .meta({ description: "Why the quiz takes no attempts or answers now; null while it is open." });
const reviewSchema = z.enum(REVIEW_POLICIES).meta({
  description: "When takers see the correct options and explanations: after_submit, after_date (review_at), or never.",
});

export const quizSettingsViewSchema = z.object({
  shuffle_questions: z.boolean(),
  shuffle_options: z.boolean(),
  review: reviewSchema,
  review_at: isoDate.nullable(),
  allows_retakes: z.boolean().meta({ description: "False: one attempt per browser (per taker_key)." }),
  closes_at: isoDate.nullable(),
});

export const quizShareSchema = z.object({
  assessment_id: z.number().int(),
  token: z.string().meta({ description: "The unguessable part of the link /q/<token>." }),
  code: z.string().meta({ description: "Six characters takers type at /q." }),
  path: z.string(),
  url: z.string().nullable(),
  is_published: z.boolean(),
  is_open: z.boolean(),
  closed_reason: closedReasonSchema,
  settings: quizSettingsViewSchema,
  published_at: isoDate,
  version: z.number().int().meta({ description: "The newest version: the one new attempts get." }),
  versions: z.array(
    z.object({
      version: z.number().int(),
      title: z.string(),
      question_count: z.number().int(),
      created_at: isoDate,
      attempts: z.number().int(),
      submitted: z.number().int(),
    }),
  ),
  has_unpublished_changes: z.boolean().meta({ description: "The assessment was edited after the newest version was published." }),
});

export const publishedQuizSchema = quizShareSchema.extend({
  outcome: z.enum(["created", "new_version", "reopened"]).meta({
    description: "created: first publication; new_version: the questions changed since; reopened: the same version, open again.",
  }),
});

export const publicQuizSchema = z.object({
  token: z.string(),
  code: z.string(),
  title: z.string(),
  version: z.number().int(),
  question_count: z.number().int(),
  is_open: z.boolean(),
  closed_reason: closedReasonSchema,
  closes_at: isoDate.nullable(),
  settings: quizSettingsViewSchema.omit({ closes_at: true }),
  bloom_counts: z.partialRecord(bloomLevelSchema, z.number().int()),
  options_order: z.enum(["as_written", "alphabetical"]).meta({
    description: "alphabetical when each taker gets the options in an order of their own, so the written order is not given away.",
  }),
  questions: z
    .array(z.object({ id: z.string(), number: z.number().int(), question: z.string(), bloom_level: bloomLevelSchema, options: z.array(z.string()) }))
    .meta({ description: "Without the key or explanations; empty while the quiz is closed." }),
});

const attemptQuestionSchema = z.object({
  id: z.string(),
  number: z.number().int(),
  question: z.string(),
  bloom_level: bloomLevelSchema,
  options: z.array(z.string()).meta({ description: "In the order this attempt shows them; answers name an option by its position here, from 0." }),
  answer: z.number().int().nullable(),
});

export const attemptSchema = z.object({
  attempt_token: z.string().meta({ description: "The taker's secret for this attempt: keep it to resume, answer, submit and review." }),
  quiz: z.object({
    token: z.string(),
    code: z.string(),
    title: z.string(),
    version: z.number().int(),
    is_open: z.boolean(),
    closed_reason: closedReasonSchema,
    closes_at: isoDate.nullable(),
  }),
  name: z.string(),
  status: z.enum(["in_progress", "submitted"]),
  started_at: isoDate,
  submitted_at: isoDate.nullable(),
  answered_count: z.number().int(),
  questions: z.array(attemptQuestionSchema),
  result: z
    .object({
      score: z.number().int(),
      total: z.number().int(),
      percent: z.number().int(),
      by_level: z.array(z.object({ level: bloomLevelSchema, correct: z.number().int(), total: z.number().int() })),
    })
    .nullable()
    .meta({ description: "Once submitted." }),
  review: z
    .object({
      questions: z.array(
        attemptQuestionSchema.extend({ correct_option: z.number().int(), is_correct: z.boolean(), explanation: z.string() }),
      ),
    })
    .nullable()
    .meta({ description: "Once submitted and the owner allows it now; review_status says why not." }),
  review_status: z.enum(["available", "after_date", "never"]).nullable(),
  review_at: isoDate.nullable(),
});

export const startedAttemptSchema = attemptSchema.extend({
  taker_key: z.string().meta({ description: "This browser's id as a taker: send it with later starts to resume and to be held to one attempt." }),
  resumed: z.boolean(),
});

export const savedAnswerSchema = z.object({
  question_id: z.string(),
  option: z.number().int(),
  answered_at: isoDate,
  answered_count: z.number().int(),
});

const readingSchema = z.object({ tone: z.enum(["warning", "note", "good"]), text: z.string() });

export const quizResultsSchema = z.object({
  assessment_id: z.number().int(),
  title: z.string(),
  version: z.number().int(),
  versions: z.array(z.object({ version: z.number().int(), created_at: isoDate, attempts: z.number().int(), submitted: z.number().int() })),
  question_count: z.number().int(),
  attempts: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      status: z.enum(["in_progress", "submitted"]),
      started_at: isoDate,
      submitted_at: isoDate.nullable(),
      answered: z.number().int(),
      score: z.number().int().nullable(),
      total: z.number().int(),
      percent: z.number().int().nullable(),
    }),
  ),
  summary: z.object({
    submitted: z.number().int(),
    in_progress: z.number().int(),
    mean_score: z.number().nullable(),
    mean_percent: z.number().int().nullable(),
    score_distribution: z.array(z.number().int()).meta({ description: "score_distribution[s]: takers who scored s." }),
  }),
  items: z.array(
    z.object({
      id: z.string(),
      number: z.number().int(),
      question: z.string(),
      bloom_level: bloomLevelSchema,
      key_option: z.string(),
      options: z.array(
        z.object({
          letter: z.string(),
          text: z.string(),
          is_key: z.boolean(),
          count: z.number().int(),
          upper: z.number().meta({ description: "Takers in the top 27% by score who chose it (fractional when a tie straddles the edge)." }),
          lower: z.number().meta({ description: "The same for the bottom 27%." }),
          is_unchosen: z.boolean().meta({ description: "A wrong option nobody chose." }),
        }),
      ),
      omitted: z.number().int(),
      takers: z.number().int(),
      correct: z.number().int(),
      difficulty: z.number().nullable().meta({ description: "Share correct, 0 to 1." }),
      point_biserial: z.number().nullable().meta({ description: "Item–rest correlation; null when either side does not vary." }),
      discrimination_index: z.number().nullable().meta({ description: "Share correct in the top 27% minus the bottom 27%; null when scores do not vary." }),
      group_size: z.number().int(),
      readings: z.array(readingSchema),
    }),
  ),
  levels: z.array(z.object({ level: bloomLevelSchema, questions: z.number().int(), share_correct: z.number().nullable() })),
  readings: z.array(readingSchema),
});

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const drift = {
  share: true satisfies Same<z.infer<typeof quizShareSchema>, QuizShareView>,
  publicQuiz: true satisfies Same<z.infer<typeof publicQuizSchema>, PublicQuizView>,
  attempt: true satisfies Same<z.infer<typeof attemptSchema>, AttemptView>,
  saved: true satisfies Same<z.infer<typeof savedAnswerSchema>, SavedAnswer>,
  results: true satisfies Same<z.infer<typeof quizResultsSchema>, QuizResultsView>,
  reading: true satisfies Same<z.infer<typeof readingSchema>, Reading>,
};
void drift;

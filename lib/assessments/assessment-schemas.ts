import { z } from "zod";
import { BLOOM_LEVELS, type BloomCounts, type BloomLevel } from "../generation/blooms";
import { mcqSchema } from "../generation/mcq";

export const MAX_QUESTIONS_PER_ASSESSMENT = 500;
export const MAX_TITLE_LENGTH = 300;

export const titleSchema = (field: string) =>
  z
    .string({ error: `${field} is required` })
    .trim()
    .min(1, `${field} is empty`)
    .max(MAX_TITLE_LENGTH, `${field} is longer than ${MAX_TITLE_LENGTH} characters`);

/** A path's assessment id: EduMate's ids are integers, and anything else is its 422. */
export const assessmentIdSchema = z
  .string()
  .regex(/^\d{1,9}$/, "assessment_id must be an integer")
  .transform(Number);

const LEVEL_NAMES: Record<string, BloomLevel> = { ...Object.fromEntries(BLOOM_LEVELS.map((level) => [level, level])), analyse: "analyze" };

function toBloomLevel(value: unknown): unknown {
  return typeof value === "string" ? (LEVEL_NAMES[value.trim().toLowerCase()] ?? value) : value;
}

/** EduMate's `bloom_factors`: questions per level, e.g. {"remember": 5, "apply": 2}; absent levels are 0. */
export const bloomFactorsSchema = z
  .record(z.string(), z.unknown(), { error: 'bloom_factors must be an object such as {"remember": 5, "apply": 2}' })
  .transform((record, ctx): BloomCounts => {
    const counts: BloomCounts = { remember: 0, understand: 0, apply: 0, analyze: 0, evaluate: 0, create: 0 };
    for (const [key, value] of Object.entries(record)) {
      const level = LEVEL_NAMES[key.toLowerCase()];
      if (!level) {
        ctx.addIssue({ code: "custom", path: [key], message: `Unknown Bloom level "${key}"; use ${BLOOM_LEVELS.join(", ")}` });
      } else if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > 1000) {
        ctx.addIssue({ code: "custom", path: [key], message: "must be a whole number from 0 to 1000" });
      } else {
        counts[level] = value;
      }
    }
    return counts;
  });

/**
 * One question as a client sends it. EduMate's own spellings (`answer_options`, `explaination`,
 * `question_no`) are accepted and normalised to ours; a lone letter answer ("B") becomes that
 * option; then it must be a well-formed MCQ: four distinct options, the answer among them.
 */
export const mcqInputSchema = z.preprocess((value) => {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  const { answer_options, explaination, question_no: _questionNo, id: _id, ...rest } = value as Record<string, unknown>;
  const mcq: Record<string, unknown> = { ...rest };
  mcq.options ??= answer_options;
  mcq.explanation ??= explaination;
  mcq.bloom_level = toBloomLevel(mcq.bloom_level);
  mcq.correct_answer = resolveLetterAnswer(mcq.correct_answer, mcq.options);
  return mcq;
}, mcqSchema);
export type McqInput = z.output<typeof mcqInputSchema>;

function resolveLetterAnswer(answer: unknown, options: unknown): unknown {
  if (typeof answer !== "string" || !Array.isArray(options) || options.includes(answer)) return answer;
  const letter = /^\s*([A-Da-d])\s*[).:]?\s*$/.exec(answer)?.[1];
  if (!letter) return answer;
  const option = options[letter.toUpperCase().charCodeAt(0) - 65];
  return typeof option === "string" ? option : answer;
}

const mcqListSchema = z
  .array(mcqInputSchema, { error: "mcqs must be an array of questions" })
  .max(MAX_QUESTIONS_PER_ASSESSMENT, `An assessment holds at most ${MAX_QUESTIONS_PER_ASSESSMENT} questions`);

/** POST /api/assessments/save (EduMate's SaveAssessmentRequest), with its content now checked. */
export const saveAssessmentRequestSchema = z.object({
  chapter_name: titleSchema("chapter_name"),
  bloom_factors: bloomFactorsSchema,
  content_json: z.object(
    { mcqs: mcqListSchema },
    { error: 'content_json must be an object such as {"mcqs": [...]}, as /job_status returns it' },
  ),
});
export type SaveAssessmentRequest = z.output<typeof saveAssessmentRequestSchema>;

/**
 * POST /api/assessments: keep what a finished job produced, without sending it back. A client that
 * let the teacher edit the result first sends the edited `mcqs`; the material still comes from the job.
 */
export const saveFromJobRequestSchema = z.object({
  job_id: z.uuid({ error: "job_id must be the id /api/generate returned" }),
  title: titleSchema("title").optional(),
  mcqs: mcqListSchema.optional(),
});
export type SaveFromJobRequest = z.output<typeof saveFromJobRequestSchema>;

export const renameAssessmentRequestSchema = z.object({ title: titleSchema("title") });

/** POST /api/assessments/{id}/questions: a new question, appended unless a 0-based position is given. */
export const addQuestionRequestSchema = z.object({
  question: mcqInputSchema,
  position: z.number().int().min(0, "position cannot be negative").optional(),
});

/** PUT …/questions/{questionId}: a whole question, source, lint and generator included. */
export const replaceQuestionRequestSchema = z.object({ question: mcqInputSchema });

/** PATCH …/questions/{questionId}: any of the question's fields; the result must still be well-formed. */
export const updateQuestionRequestSchema = z
  .object({
    question: z.string(),
    options: z.array(z.string()),
    correct_answer: z.string(),
    bloom_level: z.preprocess(toBloomLevel, z.enum(BLOOM_LEVELS)),
    explanation: z.string(),
  })
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, "Send at least one of question, options, correct_answer, bloom_level, explanation");
export type UpdateQuestionRequest = z.output<typeof updateQuestionRequestSchema>;

export const reorderQuestionsRequestSchema = z.object({
  question_ids: z.array(z.uuid({ error: "question_ids must hold question ids" }), { error: "question_ids is required: every question id in the new order" }),
});

/** Orders of the library: by when saved, or by title. */
export const ASSESSMENT_SORTS = ["newest", "oldest", "title", "title_desc"] as const;
export type AssessmentSort = (typeof ASSESSMENT_SORTS)[number];

/** GET /api/assessments?page=&page_size=&q=&sort= */
export const listAssessmentsQuerySchema = z.object({
  page: z.coerce.number({ error: "page must be a number" }).int("page must be a whole number").min(1, "page starts at 1").default(1),
  page_size: z.coerce
    .number({ error: "page_size must be a number" })
    .int("page_size must be a whole number")
    .min(1, "page_size must be at least 1")
    .max(100, "page_size must be at most 100")
    .default(20),
  q: z.string().trim().max(MAX_TITLE_LENGTH, "q is too long").optional(),
  sort: z.enum(ASSESSMENT_SORTS, { error: `sort must be one of ${ASSESSMENT_SORTS.join(", ")}` }).default("newest"),
});
export type ListAssessmentsQuery = z.output<typeof listAssessmentsQuerySchema>;

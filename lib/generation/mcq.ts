import { z } from "zod";
import { bloomLevelSchema } from "./blooms";

/** Where a question's answer is supported in the material. */
export const mcqSourceSchema = z.object({
  /** The sentence of the material that supports the correct answer, verbatim. */
  quote: z.string().min(1),
  document: z.string().optional(),
  page: z.number().int().positive().optional(),
  heading: z.string().optional(),
});
export type McqSource = z.infer<typeof mcqSourceSchema>;

/** A finding of the item-quality linter that stayed with the question. */
export const lintFindingSchema = z.object({
  code: z.string(),
  message: z.string(),
});
export type LintFinding = z.infer<typeof lintFindingSchema>;

/**
 * One multiple-choice question as the job-status contract carries it: four distinct options, the
 * correct answer equal to one of them, a Bloom level and an explanation. Extra fields are ours.
 */
export const mcqSchema = z
  .object({
    id: z.string().optional(),
    question: z.string().trim().min(1, "question is empty"),
    options: z
      .array(z.string().trim().min(1, "an option is empty"))
      .length(4, "a question needs exactly 4 options"),
    correct_answer: z.string().trim().min(1, "correct_answer is empty"),
    bloom_level: bloomLevelSchema,
    explanation: z.string().trim().min(1, "explanation is empty"),
    source: mcqSourceSchema.optional(),
    lint: z.array(lintFindingSchema).optional(),
    generator: z.string().optional(),
  })
  .superRefine((mcq, ctx) => {
    const normalised = mcq.options.map((option) => option.trim().toLowerCase());
    if (new Set(normalised).size !== normalised.length) {
      ctx.addIssue({ code: "custom", message: "options must be distinct", path: ["options"] });
    }
    if (!mcq.options.includes(mcq.correct_answer)) {
      ctx.addIssue({ code: "custom", message: "correct_answer must equal one of the options", path: ["correct_answer"] });
    }
  });
export type Mcq = z.infer<typeof mcqSchema>;

/** A warning about the whole result, e.g. a Bloom level the material could not support. */
export const generationWarningSchema = z.object({
  code: z.string(),
  message: z.string(),
  bloom_level: bloomLevelSchema.optional(),
  requested: z.number().int().optional(),
  delivered: z.number().int().optional(),
});
export type GenerationWarning = z.infer<typeof generationWarningSchema>;

/** The `result` of a finished generation job. */
export const generationResultSchema = z.object({
  mcqs: z.array(mcqSchema),
  warnings: z.array(generationWarningSchema).optional(),
});
export type GenerationResult = z.infer<typeof generationResultSchema>;

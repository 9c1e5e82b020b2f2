import { z } from "zod";
import { bloomsRequirementSchema } from "./blooms";

export const MAX_TEXT_BYTES = 2 * 1024 * 1024;

/** Who writes the questions: the offline built-in generator or the configured language model. */
export const generatorNameSchema = z.enum(["builtin", "llm"], { error: 'generator must be "builtin" or "llm"' });
export type GeneratorName = z.infer<typeof generatorNameSchema>;

/** The body of POST /api/generate. */
export const generateRequestSchema = z.object({
  text: z
    .string({ error: "text is required: the teaching material to ask about" })
    .refine((text) => text.trim().length > 0, "text is empty")
    .refine((text) => Buffer.byteLength(text, "utf8") <= MAX_TEXT_BYTES, {
      message: "text is larger than 2 MB",
      params: { status: "payload_too_large" },
    }),
  title: z.string().trim().max(200, "title is longer than 200 characters").optional(),
  blooms: bloomsRequirementSchema,
  /** Same text, counts and seed give the same questions; another seed gives another selection. */
  seed: z.number().int().min(0).max(2 ** 31 - 1).optional(),
  exclude: z.array(z.string().max(2000)).max(500).optional(),
  /** Unset → the language model when one is configured, else the built-in generator. */
  generator: generatorNameSchema.optional(),
});
export type GenerateRequest = z.output<typeof generateRequestSchema>;

import { z } from "zod";
import { collectionNameSchema, documentIdSchema, retrievalQuerySchema } from "../documents/document-schemas";
import { callbackUrlSchema } from "../webhooks/callback-url";
import { bloomsRequirementSchema } from "./blooms";

export const MAX_TEXT_BYTES = 2 * 1024 * 1024;

/** Who writes the questions: the offline built-in generator or the configured language model. */
export const generatorNameSchema = z.enum(["builtin", "llm"], { error: 'generator must be "builtin" or "llm"' });
export type GeneratorName = z.infer<typeof generatorNameSchema>;

const TEXT_REQUIRED = "text is required: the teaching material to ask about (or collection_name or document_id to ask about uploaded documents)";

/** The body of POST /api/generate: pasted `text`, or uploaded documents to retrieve from. */
export const generateRequestSchema = z
  .object({
    text: z
      .string({ error: TEXT_REQUIRED })
      .refine((text) => text.trim().length > 0, "text is empty")
      .refine((text) => Buffer.byteLength(text, "utf8") <= MAX_TEXT_BYTES, {
        message: "text is larger than 2 MB",
        params: { status: "payload_too_large" },
      })
      .meta({ description: "The teaching material to ask about, up to 2 MB of UTF-8. Required unless collection_name or document_id is given." })
      .optional(),
    collection_name: collectionNameSchema
      .meta({ description: "Instead of text: a collection of uploaded documents (EduMate's `collection_name`, from POST /chunking or /api/documents)." })
      .optional(),
    document_id: documentIdSchema.meta({ description: "Instead of text: one uploaded document, by its id in /api/documents." }).optional(),
    query: retrievalQuerySchema
      .meta({ description: "With a collection or document: what the questions should be about; empty → all of it." })
      .optional(),
    title: z.string().trim().max(200, "title is longer than 200 characters").meta({ description: "Names the result and the saved assessment." }).optional(),
    blooms: bloomsRequirementSchema,
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1)
      .meta({ description: "Same text, counts and seed give the same questions; another seed gives another selection." })
      .optional(),
    exclude: z
      .array(z.string().max(2000))
      .max(500)
      .meta({ description: "Question stems never to produce again, e.g. those already in an assessment." })
      .optional(),
    generator: generatorNameSchema
      .meta({ description: "Who writes the questions. Unset → the language model when the server has one, else the built-in generator." })
      .optional(),
    callback_url: callbackUrlSchema.optional(),
  })
  .superRefine((request, ctx) => {
    const hasDocuments = request.collection_name !== undefined || request.document_id !== undefined;
    if (request.text === undefined && !hasDocuments) ctx.addIssue({ code: "custom", path: ["text"], message: TEXT_REQUIRED });
    if (request.text !== undefined && hasDocuments) {
      ctx.addIssue({ code: "custom", path: ["text"], message: "give either text or collection_name/document_id, not both" });
    }
    if (request.query && !hasDocuments) {
      ctx.addIssue({ code: "custom", path: ["query"], message: "query applies to collection_name or document_id only" });
    }
  });
export type GenerateRequest = z.output<typeof generateRequestSchema>;

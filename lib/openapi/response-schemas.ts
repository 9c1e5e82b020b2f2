import { z } from "zod";
import { ERROR_STATUS } from "../errors";
import { BLOOM_LEVELS } from "../generation/blooms";
import { generationResultSchema, mcqSchema } from "../generation/mcq";

// The shapes route handlers answer with. Handlers build these bodies from domain objects; the live
// example test parses every documented answer with these schemas, so a drift shows up as a failure.

export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(Object.keys(ERROR_STATUS) as [keyof typeof ERROR_STATUS, ...(keyof typeof ERROR_STATUS)[]]),
    message: z.string(),
    issues: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .optional()
      .meta({ description: "One entry per problem with the request, named by field." }),
  }),
  detail: z.string().meta({ description: "The same sentence where EduMate's (FastAPI) clients look for it." }),
});

export const userSchema = z.object({ id: z.number().int(), name: z.string(), email: z.string() });
export const messageSchema = z.object({ message: z.string() });
export const loginTokenSchema = z.object({
  access_token: z.string().meta({ description: "Send as Authorization: Bearer <access_token>." }),
  token_type: z.literal("bearer"),
});
export const sessionSchema = z.object({ user: userSchema.nullable() });

const bloomCountsSchema = z.object(Object.fromEntries(BLOOM_LEVELS.map((level) => [level, z.number().int()])) as Record<(typeof BLOOM_LEVELS)[number], z.ZodNumber>);

const jobProgressSchema = z.object({ done: z.number().int(), total: z.number().int(), stage: z.string().optional() });
export const jobStatusSchema = z.union([
  z.object({ status: z.null() }).meta({ description: "No such job, or its result has expired." }),
  z.object({ status: z.literal("queued") }),
  z.object({ status: z.literal("started"), progress: jobProgressSchema.optional() }),
  z.object({ status: z.literal("finished"), result: generationResultSchema }),
  z.object({ status: z.literal("failed"), error: z.string().meta({ description: "A sentence for the person who asked." }) }),
  z.object({ status: z.literal("canceled") }),
]);

export const jobQueuedSchema = z.object({ status: z.literal("queued"), job_id: z.uuid() });

export const questionSchema = z.object({ ...mcqSchema.shape, id: z.uuid() });

export const edumateSavedSchema = z.object({ status: z.literal("saved"), id: z.number().int() });
export const savedFromJobSchema = z.object({
  status: z.literal("saved"),
  id: z.number().int(),
  title: z.string(),
  question_count: z.number().int(),
  created: z.boolean().meta({ description: "false when this job was saved before: the same assessment is returned." }),
});
export const historyEntrySchema = z.object({
  id: z.number().int(),
  chapter_name: z.string(),
  questions: z.number().int(),
  created_at: z.iso.datetime(),
  status: z.literal("completed"),
});
export const edumateDetailSchema = z.object({
  id: z.number().int(),
  chapter_name: z.string(),
  content: z.object({ mcqs: z.array(questionSchema) }),
});
export const assessmentPageSchema = z.object({
  items: z.array(
    z.object({
      id: z.number().int(),
      title: z.string(),
      question_count: z.number().int(),
      bloom_factors: bloomCountsSchema,
      bloom_counts: bloomCountsSchema.meta({ description: "How many of its questions are at each level now (bloom_factors is what was asked for)." }),
      created_at: z.iso.datetime(),
      updated_at: z.iso.datetime(),
    }),
  ),
  page: z.number().int(),
  page_size: z.number().int(),
  total: z.number().int(),
  total_pages: z.number().int(),
});
export const renamedAssessmentSchema = z.object({ id: z.number().int(), title: z.string() });
export const questionOrderSchema = z.object({ question_ids: z.array(z.uuid()) });
const lineIssueSchema = z.object({ line: z.number().int().optional(), message: z.string() }).loose();
export const importedAssessmentSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  format: z.string(),
  questions: z.number().int(),
  warnings: z.array(lineIssueSchema),
});
export const exportProblemsSchema = z.object({
  filename: z.string(),
  problems: z.array(z.object({ question: z.number().int().optional(), code: z.string(), message: z.string() })),
});

export const apiKeySummarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string().meta({ description: "The key's first characters, to tell keys apart." }),
  created_at: z.iso.datetime(),
  last_used_at: z.iso.datetime().nullable(),
});
export const apiKeyListSchema = z.object({ keys: z.array(apiKeySummarySchema) });
export const createdApiKeySchema = z.object({
  ...apiKeySummarySchema.shape,
  key: z.string().meta({ description: "The key itself: shown in this answer and never again." }),
});

const documentSummaryShape = {
  id: z.uuid(),
  file_name: z.string(),
  kind: z.enum(["pdf", "docx", "text", "markdown"]).nullable(),
  status: z.enum(["queued", "indexing", "ready", "failed"]),
  error: z.string().nullable(),
  page_count: z.number().int().nullable(),
  chunk_count: z.number().int(),
  byte_size: z.number().int(),
  collection_name: z.string(),
  job_id: z.uuid().nullable(),
  created_at: z.iso.datetime(),
  indexed_at: z.iso.datetime().nullable(),
};
export const documentSummarySchema = z.object(documentSummaryShape);
export const documentListSchema = z.object({ documents: z.array(documentSummarySchema) });
export const documentDetailSchema = z.object({
  ...documentSummaryShape,
  preview: z.array(z.object({ page: z.number().int().nullable(), heading: z.string().nullable(), text: z.string() })),
});
export const documentQueuedSchema = z.object({
  status: z.literal("queued"),
  document_id: z.uuid(),
  job_id: z.uuid(),
  collection_name: z.string(),
});
export const chunkingQueuedSchema = z.object({ status: z.literal("queued"), job_id: z.uuid(), collection_name: z.string() });
export const renamedDocumentSchema = z.object({ id: z.uuid(), file_name: z.string() });
export const chunkingStatusSchema = z.union([
  z.object({ status: z.null() }),
  z.object({ status: z.enum(["queued", "started", "canceled"]) }),
  z.object({
    status: z.literal("chunked"),
    result: z.object({
      stored: z.literal(true),
      chunks: z.number().int(),
      chunks_created: z.number().int(),
      source: z.string(),
      collection_name: z.string(),
      document_id: z.uuid(),
      page_count: z.number().int().nullable(),
    }),
  }),
  z.object({ status: z.literal("failed"), error: z.string() }),
]);

export const healthSchema = z.object({ status: z.literal("ok") });
export const unhealthySchema = z.object({ status: z.literal("unavailable"), detail: z.string() });

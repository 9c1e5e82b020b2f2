import { z } from "zod";
import { mcqSchema, type Mcq } from "@/lib/generation/mcq";
import { encodeUtf8 } from "./text";
import type { ExportableAssessment, FormatOutput } from "./types";

/** Names our files so an importer can tell them from any other JSON. See docs/json-format.md. */
export const BLOOMERY_JSON_FORMAT = "bloomery-assessment";
export const BLOOMERY_JSON_VERSION = 1;

/** Version 1 of the Bloomery assessment file, exactly as docs/json-format.md describes it. */
export const bloomeryJsonSchema = z.object({
  format: z.literal(BLOOMERY_JSON_FORMAT, { error: `"format" must be "${BLOOMERY_JSON_FORMAT}"` }),
  version: z.literal(BLOOMERY_JSON_VERSION, {
    error: `"version" must be ${BLOOMERY_JSON_VERSION}; this Bloomery reads version ${BLOOMERY_JSON_VERSION} files`,
  }),
  title: z.string().trim().min(1, "title is empty"),
  created_at: z.iso.datetime({ offset: true, error: "created_at must be an ISO 8601 date-time" }).optional(),
  questions: z.array(mcqSchema).min(1, "the file has no questions"),
});
export type BloomeryJson = z.infer<typeof bloomeryJsonSchema>;

/** Bloomery's own file: every field of every question, importable back without loss. */
export function exportJson(assessment: ExportableAssessment): FormatOutput {
  const document: BloomeryJson = {
    format: BLOOMERY_JSON_FORMAT,
    version: BLOOMERY_JSON_VERSION,
    title: assessment.title,
    ...(assessment.createdAt ? { created_at: assessment.createdAt.toISOString() } : {}),
    questions: assessment.questions.map(orderQuestionFields),
  };
  return { bytes: encodeUtf8(`${JSON.stringify(document, null, 2)}\n`), problems: [] };
}

// A fixed key order keeps files diffable whatever order the database handed the fields in.
function orderQuestionFields(mcq: Mcq): Mcq {
  return {
    ...(mcq.id !== undefined ? { id: mcq.id } : {}),
    question: mcq.question,
    options: mcq.options,
    correct_answer: mcq.correct_answer,
    bloom_level: mcq.bloom_level,
    explanation: mcq.explanation,
    ...(mcq.source !== undefined ? { source: mcq.source } : {}),
    ...(mcq.lint !== undefined ? { lint: mcq.lint } : {}),
    ...(mcq.generator !== undefined ? { generator: mcq.generator } : {}),
  };
}

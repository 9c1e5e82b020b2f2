import { z } from "zod";

/** EduMate's collection names are `edu_mate_` + 32 hex digits; ours keep that shape. */
export const COLLECTION_NAME_PATTERN = /^edu_mate_[0-9a-f]{32}$/;

// A name that cannot exist is still just "not found": the route answers 404 either way.
export const collectionNameSchema = z
  .string({ error: "collection_name must be a string" })
  .trim()
  .min(1, "collection_name is empty")
  .max(200, "collection_name is longer than 200 characters");

export const documentIdSchema = z.uuid({ error: "document_id must be a document's id (a UUID)" });

export const MAX_FILE_NAME_LENGTH = 200;

/** PATCH /api/documents/{id}: a new file name shown in the list. */
export const renameDocumentRequestSchema = z.object({
  file_name: z
    .string({ error: "file_name is required" })
    .trim()
    .min(1, "file_name is empty")
    .max(MAX_FILE_NAME_LENGTH, `file_name is longer than ${MAX_FILE_NAME_LENGTH} characters`)
    .refine((name) => !/[\u0000-\u001f\u007f/\\]/.test(name), "file_name may not contain slashes or control characters"),
});
export type RenameDocumentRequest = z.output<typeof renameDocumentRequestSchema>;

/** A retrieval query: what the questions should be about. Empty means "the whole collection". */
export const retrievalQuerySchema = z
  .string({ error: "query must be a string" })
  .trim()
  .max(1000, "query is longer than 1000 characters");

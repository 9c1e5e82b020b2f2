import { z } from "zod";
import { collectionNameSchema, renameDocumentRequestSchema } from "../../documents/document-schemas";
import { MAX_UPLOAD_MB } from "../../ingest/limits";
import { defineOperation, type ExampleRequest, type OperationDoc } from "../define-operation";
import { errorBody, errorResponse, fieldError, idempotencyErrors, unauthorized } from "../common-responses";
import { bearerHeader, EXAMPLE, EXAMPLE_MATERIAL } from "../example-values";
import {
  chunkingQueuedSchema,
  chunkingStatusSchema,
  documentDetailSchema,
  documentListSchema,
  documentQueuedSchema,
  renamedDocumentSchema,
} from "../response-schemas";

/** The multipart form read by lib/documents/read-upload-form.ts. */
const uploadFormSchema = z.object({
  file: z.string().meta({
    description: `The file: PDF, Word (.docx), plain text or Markdown, at most ${MAX_UPLOAD_MB} MB. Its kind is decided from its bytes.`,
    contentMediaType: "application/octet-stream",
  }),
  collection_name: collectionNameSchema.optional().meta({ description: "Add the document to this collection (yours, or an anonymous one); absent → a new collection." }),
});

const documentIdParams = z.object({ id: z.uuid().meta({ description: "The document's id." }) });

const upload = (fields: Record<string, string> = {}, headers: Record<string, string> = bearerHeader()): ExampleRequest => ({
  headers,
  multipart: { file: { filename: "photosynthesis.txt", type: "text/plain", content: EXAMPLE_MATERIAL }, ...fields },
});
const NO_FILE = 'No file was uploaded: send it as multipart/form-data in the field "file"';

const documentDetail = {
  id: EXAMPLE.documentId,
  file_name: "photosynthesis.txt",
  kind: "text",
  status: "ready",
  error: null,
  page_count: null,
  chunk_count: 1,
  byte_size: Buffer.byteLength(EXAMPLE_MATERIAL),
  collection_name: EXAMPLE.collectionName,
  job_id: EXAMPLE.chunkingJobId,
  created_at: "2026-11-30T09:12:03.120Z",
  indexed_at: "2026-11-30T09:12:03.870Z",
};
const TIMES = ["created_at", "indexed_at"];

export const documentOperations: OperationDoc[] = [
  defineOperation({
    method: "POST",
    path: "/api/documents",
    summary: "Upload a document",
    description:
      "Stores the file and queues a job that reads it (text extraction, sections, chunks for retrieval). Answers 202 at once; the document's `status` goes queued → indexing → ready (or failed, with `error` saying why). Then generate from it with POST /api/generate and `document_id` or `collection_name`.",
    tag: "Documents",
    auth: "optional",
    body: { schema: uploadFormSchema, mediaType: "multipart/form-data" },
    isIdempotent: true,
    responses: {
      202: {
        description: "Stored; being read.",
        schema: documentQueuedSchema,
        examples: [
          {
            summary: "A new collection",
            request: upload(),
            body: { status: "queued", document_id: EXAMPLE.spareDocumentId, job_id: EXAMPLE.chunkingJobId, collection_name: EXAMPLE.collectionName },
            varies: ["document_id", "job_id", "collection_name"],
          },
          {
            summary: "Into an existing collection",
            request: upload({ collection_name: EXAMPLE.collectionName }),
            body: { status: "queued", document_id: EXAMPLE.spareDocumentId, job_id: EXAMPLE.chunkingJobId, collection_name: EXAMPLE.collectionName },
            varies: ["document_id", "job_id"],
          },
        ],
      },
      400: errorResponse("No file, or not a multipart form.", [
        { summary: "No file", request: { headers: bearerHeader(), multipart: { collection_name: EXAMPLE.collectionName } }, body: errorBody("bad_request", NO_FILE) },
      ]),
      404: errorResponse("The collection does not exist or is someone else's.", [
        {
          summary: "An unknown collection",
          request: upload({ collection_name: "edu_mate_00000000000000000000000000000000" }),
          body: errorBody("not_found", "Collection not found: edu_mate_00000000000000000000000000000000"),
        },
      ]),
      ...idempotencyErrors(upload(), upload({ collection_name: EXAMPLE.collectionName })),
    },
  }),
  defineOperation({
    method: "GET",
    path: "/api/documents",
    summary: "Your documents",
    description: "Newest first, each with its status, pages and chunks.",
    tag: "Documents",
    auth: "user",
    responses: {
      200: {
        description: "The documents.",
        schema: documentListSchema,
        examples: [{ summary: "One document", request: { headers: bearerHeader(EXAMPLE.loginToken) }, body: { documents: [documentDetail] }, varies: ["documents"] }],
      },
      401: unauthorized(),
    },
  }),
  defineOperation({
    method: "GET",
    path: "/api/documents/{id}",
    summary: "One document, with a preview of what was read",
    description: "The first sections as extracted, so you can check the machine read the file right. Anonymous uploads are readable by their id.",
    tag: "Documents",
    auth: "optional",
    params: documentIdParams,
    responses: {
      200: {
        description: "The document.",
        schema: documentDetailSchema,
        examples: [
          {
            summary: "A text file, read",
            request: { headers: bearerHeader(), params: { id: EXAMPLE.documentId } },
            body: { ...documentDetail, preview: [{ page: null, heading: null, text: EXAMPLE_MATERIAL }] },
            varies: TIMES,
          },
        ],
      },
      404: errorResponse("No such document, or someone else's.", [
        { summary: "Unknown", request: { headers: bearerHeader(), params: { id: EXAMPLE.unknownJobId } }, body: errorBody("not_found", "Document not found") },
      ]),
    },
  }),
  defineOperation({
    method: "PATCH",
    path: "/api/documents/{id}",
    summary: "Rename a document",
    tag: "Documents",
    auth: "optional",
    params: documentIdParams,
    body: { schema: renameDocumentRequestSchema },
    responses: {
      200: {
        description: "Renamed.",
        schema: renamedDocumentSchema,
        examples: [
          {
            summary: "Renamed",
            request: { headers: bearerHeader(), params: { id: EXAMPLE.spareDocumentId }, json: { file_name: "Chapter 3 – Photosynthesis.txt" } },
            body: { id: EXAMPLE.spareDocumentId, file_name: "Chapter 3 – Photosynthesis.txt" },
          },
        ],
      },
      400: errorResponse("The name is empty, too long or has slashes.", [
        {
          summary: "A slash in the name",
          request: { headers: bearerHeader(), params: { id: EXAMPLE.spareDocumentId }, json: { file_name: "notes/chapter.txt" } },
          body: fieldError("bad_request", "file_name", "file_name may not contain slashes or control characters"),
        },
      ]),
      404: errorResponse("No such document, or someone else's.", [
        {
          summary: "Unknown",
          request: { headers: bearerHeader(), params: { id: EXAMPLE.unknownJobId }, json: { file_name: "notes.txt" } },
          body: errorBody("not_found", "Document not found"),
        },
      ]),
    },
  }),
  defineOperation({
    method: "DELETE",
    path: "/api/documents/{id}",
    summary: "Delete a document",
    description: "Deletes the document and its chunks; assessments made from it stay.",
    tag: "Documents",
    auth: "optional",
    params: documentIdParams,
    responses: {
      204: { description: "Deleted.", examples: [{ summary: "Deleted", request: { headers: bearerHeader(), params: { id: EXAMPLE.spareDocumentId } } }] },
      404: errorResponse("No such document, or someone else's.", [
        { summary: "Unknown", request: { headers: bearerHeader(), params: { id: EXAMPLE.unknownJobId } }, body: errorBody("not_found", "Document not found") },
      ]),
    },
  }),
  defineOperation({
    method: "POST",
    path: "/chunking",
    summary: "Upload a PDF to generate from (EduMate)",
    description:
      "EduMate's upload, kept for its clients: the same form as POST /api/documents, answered with EduMate's 200 `{status, job_id, collection_name}`. Follow it with GET /chunking/status, then generate with POST /chat. EduMate's `doc_path` (a path on the server's disk) is refused.",
    tag: "Documents",
    auth: "optional",
    isEdumateCompatible: true,
    body: { schema: uploadFormSchema, mediaType: "multipart/form-data" },
    isIdempotent: true,
    responses: {
      200: {
        description: "Stored; being read.",
        schema: chunkingQueuedSchema,
        examples: [
          {
            summary: "Queued",
            request: upload({}, {}),
            body: { status: "queued", job_id: EXAMPLE.chunkingJobId, collection_name: EXAMPLE.collectionName },
            varies: ["job_id", "collection_name"],
          },
        ],
      },
      400: errorResponse("No file, or EduMate's unsupported doc_path.", [
        { summary: "No file", request: { multipart: { note: "no file here" } }, body: errorBody("bad_request", NO_FILE) },
        {
          summary: "doc_path",
          request: { query: { doc_path: "/srv/books/biology.pdf" } },
          body: errorBody(
            "bad_request",
            'doc_path is not supported: Bloomery never reads files from the server\'s disk; upload the file as the multipart field "file"',
          ),
        },
      ]),
      ...idempotencyErrors(upload({}, {}), { multipart: { file: { filename: "respiration.txt", type: "text/plain", content: "Cells release energy from glucose." } } }),
    },
  }),
  defineOperation({
    method: "GET",
    path: "/chunking/status",
    summary: "An upload's reading status (EduMate)",
    tag: "Documents",
    auth: "none",
    isEdumateCompatible: true,
    query: z.object({ job_id: z.string().meta({ description: "The job id POST /chunking returned." }) }),
    responses: {
      200: {
        description: "queued, started, chunked (with the result), failed (with a sentence) or null (unknown).",
        schema: chunkingStatusSchema,
        examples: [
          {
            summary: "Read",
            request: { query: { job_id: EXAMPLE.chunkingJobId } },
            body: {
              status: "chunked",
              result: {
                stored: true,
                chunks: 1,
                chunks_created: 1,
                source: "photosynthesis.txt",
                collection_name: EXAMPLE.collectionName,
                document_id: EXAMPLE.documentId,
                page_count: null,
              },
            },
          },
          { summary: "Unknown", request: { query: { job_id: EXAMPLE.unknownJobId } }, body: { status: null } },
        ],
      },
      422: errorResponse("No job_id (FastAPI's status).", [{ summary: "No job_id", request: {}, body: errorBody("unprocessable", "job_id is required") }]),
    },
  }),
];

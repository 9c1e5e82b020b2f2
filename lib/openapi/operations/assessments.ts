import { z } from "zod";
import {
  listAssessmentsQuerySchema,
  renameAssessmentRequestSchema,
  saveAssessmentRequestSchema,
  saveFromJobRequestSchema,
} from "../../assessments/assessment-schemas";
import { exportQuerySchema } from "../../assessments/export-assessment-file";
import { MAX_IMPORT_BYTES } from "../../assessments/import-assessment-file";
import { defineOperation, type ExampleRequest, type OperationDoc } from "../define-operation";
import { errorBody, errorResponse, fieldError, idempotencyErrors, mergeResponses, unauthorized } from "../common-responses";
import { bearerHeader, EXAMPLE, EXAMPLE_QUESTIONS } from "../example-values";
import {
  assessmentPageSchema,
  edumateDetailSchema,
  edumateSavedSchema,
  exportProblemsSchema,
  historyEntrySchema,
  importedAssessmentSchema,
  renamedAssessmentSchema,
  savedFromJobSchema,
} from "../response-schemas";

// Examples run in this order against one database: the spare assessment is renamed, then deleted.

export const assessmentIdParams = z.object({
  id: z.string().meta({ description: "The assessment's id (an integer, as in EduMate)." }),
});

const asUser = (request: ExampleRequest = {}): ExampleRequest => ({ ...request, headers: { ...bearerHeader(), ...request.headers } });
const NOT_FOUND = errorBody("not_found", "Assessment not found");
const saveBody = { chapter_name: "Photosynthesis", bloom_factors: { remember: 1, understand: 1 }, content_json: { mcqs: EXAMPLE_QUESTIONS } };
const edumateSpellings = {
  chapter_name: "Photosynthesis (from EduMate)",
  bloom_factors: { Remember: 1 },
  content_json: {
    mcqs: [
      {
        question_no: "1",
        bloom_level: "Remember",
        question: "What does chlorophyll absorb?",
        answer_options: ["A) Light energy", "B) Carbon dioxide", "C) Water", "D) Oxygen"],
        correct_answer: "A",
        explaination: "Chlorophyll absorbs light energy.",
      },
    ],
  },
};
const withIds = EXAMPLE_QUESTIONS.map((mcq, index) => ({ id: index === 0 ? EXAMPLE.questionId : EXAMPLE.spareQuestionId, ...mcq }));

/** The multipart form of POST /api/assessments/import. */
const importFormSchema = z.object({
  file: z.string().meta({
    description: `A Bloomery JSON, GIFT or Aiken file, at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB; the format is recognised from its content.`,
    contentMediaType: "application/octet-stream",
  }),
  title: z.string().max(200).optional().meta({ description: "The assessment's title; absent → the file's own title or name." }),
});
const aikenFile = "What does chlorophyll absorb?\nA. Light energy\nB. Water\nC. Oxygen\nD. Salt\nANSWER: A\n";
const importRequest = (content: string, title = "Imported quiz"): ExampleRequest =>
  asUser({ multipart: { file: { filename: "quiz.txt", type: "text/plain", content }, title } });

export const assessmentOperations: OperationDoc[] = [
  defineOperation({
    method: "POST",
    path: "/api/assessments",
    summary: "Save a finished job's questions",
    description:
      "Keeps what a finished generation job produced as an assessment of yours, without sending the questions back. Saving the same job again returns the same assessment (200, `created: false`). A job started by someone else cannot be saved; an anonymous job can, by whoever holds its id.",
    tag: "Assessments",
    auth: "user",
    body: { schema: saveFromJobRequestSchema },
    isIdempotent: true,
    responses: {
      201: {
        description: "Saved.",
        schema: savedFromJobSchema,
        examples: [
          {
            summary: "Saved",
            request: asUser({ json: { job_id: EXAMPLE.finishedJobId, title: "Photosynthesis quiz" } }),
            body: { status: "saved", id: EXAMPLE.spareAssessmentId, title: "Photosynthesis quiz", question_count: 6, created: true },
            // Sent after the 200 example below, which saves the other finished job.
            varies: ["id", "question_count"],
          },
        ],
      },
      200: {
        description: "This job was saved before: the same assessment.",
        schema: savedFromJobSchema,
        examples: [
          {
            summary: "Saved before",
            before: [asUser({ json: { job_id: EXAMPLE.spareFinishedJobId, title: "Photosynthesis, first draft" } })],
            request: asUser({ json: { job_id: EXAMPLE.spareFinishedJobId } }),
            body: { status: "saved", id: EXAMPLE.spareAssessmentId, title: "Photosynthesis, first draft", question_count: 6, created: false },
            varies: ["id", "question_count"],
          },
        ],
      },
      400: errorResponse("job_id is missing or not a job id.", [
        { summary: "Not a job id", request: asUser({ json: { job_id: "42" } }), body: fieldError("bad_request", "job_id", "job_id must be the id /api/generate returned") },
      ]),
      401: unauthorized({ json: { job_id: EXAMPLE.finishedJobId } }),
      404: errorResponse("No such job, it expired, or someone else started it.", [
        {
          summary: "Unknown job",
          request: asUser({ json: { job_id: EXAMPLE.unknownJobId } }),
          body: errorBody("not_found", "Job not found: it does not exist, has expired, or was started by someone else"),
        },
      ]),
      ...mergeResponses(
        {
          409: errorResponse("The job has not finished, or failed.", [
            {
              summary: "Not finished yet",
              request: asUser({ json: { job_id: EXAMPLE.queuedJobId } }),
              body: errorBody("conflict", "The job has not finished yet (status: queued); save it once it has"),
            },
            {
              summary: "The job failed",
              request: asUser({ json: { job_id: EXAMPLE.failedJobId } }),
              body: errorBody("conflict", "The job failed; there is nothing to save"),
            },
          ]),
        },
        idempotencyErrors(
          asUser({ json: { job_id: EXAMPLE.spareFinishedJobId } }),
          asUser({ json: { job_id: EXAMPLE.spareFinishedJobId, title: "Another title" } }),
        ),
      ),
    },
  }),
  defineOperation({
    method: "GET",
    path: "/api/assessments",
    summary: "Your assessments, a page at a time",
    description: "Newest first; `q` keeps those whose title contains it (any case).",
    tag: "Assessments",
    auth: "user",
    query: listAssessmentsQuerySchema,
    responses: {
      200: {
        description: "One page.",
        schema: assessmentPageSchema,
        examples: [
          {
            summary: "Searching titles",
            request: asUser({ query: { q: "photosynthesis", page: "1", page_size: "20" } }),
            body: {
              items: [
                {
                  id: EXAMPLE.assessmentId,
                  title: "Photosynthesis",
                  question_count: 2,
                  bloom_factors: { remember: 1, understand: 1, apply: 0, analyze: 0, evaluate: 0, create: 0 },
                  bloom_counts: { remember: 1, understand: 1, apply: 0, analyze: 0, evaluate: 0, create: 0 },
                  created_at: "2026-11-30T09:12:03.120Z",
                  updated_at: "2026-11-30T09:12:03.120Z",
                },
              ],
              page: 1,
              page_size: 20,
              total: 1,
              total_pages: 1,
            },
            varies: ["items", "total"],
          },
        ],
      },
      400: errorResponse("A paging parameter is out of range.", [
        { summary: "page_size over 100", request: asUser({ query: { page_size: "500" } }), body: fieldError("bad_request", "page_size", "page_size must be at most 100") },
      ]),
      401: unauthorized(),
    },
  }),
  defineOperation({
    method: "POST",
    path: "/api/assessments/save",
    summary: "Save questions (EduMate)",
    description:
      "EduMate's save: send the questions themselves. The content is checked: four distinct options, the answer among them, a known Bloom level; EduMate's own spellings (`answer_options`, `explaination`, a letter answer) are accepted.",
    tag: "Assessments",
    auth: "user",
    isEdumateCompatible: true,
    body: { schema: saveAssessmentRequestSchema },
    isIdempotent: true,
    responses: {
      200: {
        description: "Saved.",
        schema: edumateSavedSchema,
        examples: [
          { summary: "Saved", request: asUser({ json: saveBody }), body: { status: "saved", id: EXAMPLE.spareAssessmentId }, varies: ["id"] },
          { summary: "EduMate's spellings", request: asUser({ json: edumateSpellings }), body: { status: "saved", id: EXAMPLE.spareAssessmentId }, varies: ["id"] },
        ],
      },
      401: unauthorized({ json: saveBody }),
      ...mergeResponses(
        {
          422: errorResponse("A field is missing or a question is malformed (FastAPI's status), or the Idempotency-Key was used for another request.", [
            {
              summary: "An answer that is not an option",
              request: asUser({ json: { ...saveBody, content_json: { mcqs: [{ ...EXAMPLE_QUESTIONS[0], correct_answer: "Sunlight" }] } } }),
              body: fieldError("unprocessable", "content_json.mcqs.0.correct_answer", "correct_answer must equal one of the options"),
            },
          ]),
        },
        idempotencyErrors(asUser({ json: saveBody }), asUser({ json: { ...saveBody, chapter_name: "Another chapter" } })),
      ),
    },
  }),
  defineOperation({
    method: "GET",
    path: "/api/assessments/history",
    summary: "Your assessments (EduMate)",
    description: "EduMate's history: a bare array, newest first, without paging (at most 1000). GET /api/assessments pages and searches.",
    tag: "Assessments",
    auth: "user",
    isEdumateCompatible: true,
    responses: {
      200: {
        description: "The history.",
        schema: z.array(historyEntrySchema),
        examples: [
          {
            summary: "History",
            request: asUser(),
            body: [{ id: EXAMPLE.assessmentId, chapter_name: "Photosynthesis", questions: 2, created_at: "2026-11-30T09:12:03.120Z", status: "completed" }],
            varies: [""],
          },
        ],
      },
      401: unauthorized(),
    },
  }),
  defineOperation({
    method: "GET",
    path: "/api/assessments/{id}",
    summary: "One assessment with its questions (EduMate)",
    description: "EduMate's detail shape; each question carries its `id` for editing. Someone else's assessment is a 404.",
    tag: "Assessments",
    auth: "user",
    isEdumateCompatible: true,
    params: assessmentIdParams,
    responses: {
      200: {
        description: "The assessment.",
        schema: edumateDetailSchema,
        examples: [
          {
            summary: "An assessment",
            request: asUser({ params: { id: String(EXAMPLE.assessmentId) } }),
            body: { id: EXAMPLE.assessmentId, chapter_name: "Photosynthesis", content: { mcqs: withIds } },
          },
        ],
      },
      401: unauthorized({ params: { id: String(EXAMPLE.assessmentId) } }),
      404: errorResponse("No such assessment, or someone else's.", [{ summary: "Unknown", request: asUser({ params: { id: "999999" } }), body: NOT_FOUND }]),
      422: errorResponse("The id is not an integer (FastAPI's status).", [
        { summary: "Not an integer", request: asUser({ params: { id: "abc" } }), body: errorBody("unprocessable", "assessment_id must be an integer", [{ path: "", message: "assessment_id must be an integer" }]) },
      ]),
    },
  }),
  defineOperation({
    method: "PATCH",
    path: "/api/assessments/{id}",
    summary: "Rename an assessment",
    tag: "Assessments",
    auth: "user",
    params: assessmentIdParams,
    body: { schema: renameAssessmentRequestSchema },
    responses: {
      200: {
        description: "Renamed.",
        schema: renamedAssessmentSchema,
        examples: [
          {
            summary: "Renamed",
            request: asUser({ params: { id: String(EXAMPLE.spareAssessmentId) }, json: { title: "Photosynthesis – week 3" } }),
            body: { id: EXAMPLE.spareAssessmentId, title: "Photosynthesis – week 3" },
          },
        ],
      },
      400: errorResponse("The title is empty or too long.", [
        { summary: "Empty title", request: asUser({ params: { id: String(EXAMPLE.spareAssessmentId) }, json: { title: " " } }), body: fieldError("bad_request", "title", "title is empty") },
      ]),
      404: errorResponse("No such assessment, or someone else's.", [
        { summary: "Unknown", request: asUser({ params: { id: "999999" }, json: { title: "New" } }), body: NOT_FOUND },
      ]),
    },
  }),
  defineOperation({
    method: "GET",
    path: "/api/assessments/{id}/export",
    summary: "Download an assessment as a file",
    description:
      "Formats: Word and PDF (question paper, or `-key` with answers), GIFT and Moodle XML (Moodle), Aiken, QTI 1.2 (Canvas) and 2.1, CSV and Bloomery JSON. A format that cannot carry everything says so in `Bloomery-Export-Problems`; `problems=only` lists what would be lost instead of sending the file.",
    tag: "Assessments",
    auth: "user",
    params: assessmentIdParams,
    query: exportQuerySchema.extend({
      problems: z.enum(["only"]).optional().meta({ description: "only → answer with the list of problems as JSON instead of the file." }),
    }),
    responses: {
      200: {
        description: "The file (Content-Type of the format), or with problems=only the problems as JSON.",
        mediaType: "application/octet-stream",
        headers: ["Content-Disposition", "Bloomery-Export-Problems"],
        examples: [
          {
            summary: "Aiken",
            request: asUser({ params: { id: String(EXAMPLE.assessmentId) }, query: { format: "aiken" } }),
            body: [
              "What does chlorophyll absorb?",
              "A) Light energy from the sun",
              "B) Carbon dioxide from the air",
              "C) Water from the soil",
              "D) Oxygen from the leaves",
              "ANSWER: A",
              "",
              "Why does a plant kept in the dark for many days slowly weaken?",
              "A) It cannot make glucose without light",
              "B) It absorbs too much water",
              "C) It releases too much oxygen",
              "D) Its roots stop growing",
              "ANSWER: A",
              "",
            ].join("\n"),
          },
        ],
      },
      400: errorResponse("An unknown format.", [
        {
          summary: "Unknown format",
          request: asUser({ params: { id: String(EXAMPLE.assessmentId) }, query: { format: "xlsx" } }),
          body: fieldError("bad_request", "format", "format must be one of docx, docx-key, pdf, pdf-key, gift, moodle-xml, aiken, qti12, qti21, csv, json"),
        },
      ]),
      404: errorResponse("No such assessment, or someone else's.", [
        { summary: "Unknown", request: asUser({ params: { id: "999999" }, query: { format: "gift" } }), body: NOT_FOUND },
      ]),
    },
  }),
  defineOperation({
    method: "POST",
    path: "/api/assessments/import",
    summary: "Import a question bank file",
    description: "Creates an assessment from a Bloomery JSON, GIFT or Aiken file. A file with problems is refused whole, every problem with its line.",
    tag: "Assessments",
    auth: "user",
    body: { schema: importFormSchema, mediaType: "multipart/form-data" },
    isIdempotent: true,
    responses: {
      201: {
        description: "Imported.",
        schema: importedAssessmentSchema,
        examples: [
          {
            summary: "An Aiken file",
            request: importRequest(aikenFile),
            body: {
              id: EXAMPLE.spareAssessmentId,
              title: "Imported quiz",
              format: "aiken",
              questions: 1,
              warnings: [{ line: 1, message: "No explanation: one was written from the correct answer" }],
            },
            varies: ["id", "warnings"],
          },
        ],
      },
      400: errorResponse("No file.", [
        { summary: "No file", request: asUser({ multipart: { title: "Quiz" } }), body: errorBody("bad_request", "No file: send it in a field named `file`") },
      ]),
      401: unauthorized({ multipart: { file: { filename: "quiz.txt", type: "text/plain", content: aikenFile } } }),
      ...mergeResponses(
        {
          422: errorResponse("The file has problems (each with its line), holds no questions, or the Idempotency-Key was used for another request.", [
            {
              summary: "Not a question file",
              request: importRequest("Just some notes, no questions here.\n"),
              body: errorBody(
                "unprocessable",
                "This file cannot be imported: line 1: This file is not a Bloomery JSON, GIFT or Aiken file that Bloomery can recognise",
                [{ path: "line 1", message: "This file is not a Bloomery JSON, GIFT or Aiken file that Bloomery can recognise" }],
              ),
            },
          ]),
        },
        idempotencyErrors(importRequest(aikenFile), importRequest(aikenFile, "Another title")),
      ),
    },
  }),
  defineOperation({
    method: "DELETE",
    path: "/api/assessments/{id}",
    summary: "Delete an assessment",
    description: "Deletes it and its questions.",
    tag: "Assessments",
    auth: "user",
    params: assessmentIdParams,
    responses: {
      204: { description: "Deleted.", examples: [{ summary: "Deleted", request: asUser({ params: { id: String(EXAMPLE.spareAssessmentId) } }) }] },
      404: errorResponse("No such assessment, or someone else's.", [{ summary: "Unknown", request: asUser({ params: { id: "999999" } }), body: NOT_FOUND }]),
    },
  }),
];

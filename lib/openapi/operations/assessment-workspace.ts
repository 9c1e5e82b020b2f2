import { z } from "zod";
import { replaceQuestionRequestSchema } from "../../assessments/assessment-schemas";
import { generateMoreRequestSchema } from "../../assessments/generate-more-questions";
import { defineOperation, type ExampleRequest, type OperationDoc } from "../define-operation";
import { errorBody, errorResponse, fieldError, idempotencyErrors, mergeResponses, unauthorized } from "../common-responses";
import { bearerHeader, EXAMPLE } from "../example-values";
import { jobQueuedSchema, questionSchema } from "../response-schemas";
import { assessmentIdParams } from "./assessments";

// The teacher workspace's routes: generate more from kept material, duplicate, replace a question whole.
// Examples run after the question examples, on the example assessment (whose spare question is gone by then).

const asUser = (request: ExampleRequest): ExampleRequest => ({ ...request, headers: { ...bearerHeader(), ...request.headers } });
const onAssessment = { id: String(EXAMPLE.assessmentId) };
const questionParams = assessmentIdParams.extend({ questionId: z.uuid().meta({ description: "The question's id." }) });
const regenerated = {
  question: "Which pigment in chloroplasts absorbs light energy?",
  options: ["Chlorophyll", "Glucose", "Starch", "Cellulose"],
  correct_answer: "Chlorophyll",
  bloom_level: "remember",
  explanation: "Chlorophyll, the green pigment in chloroplasts, absorbs light energy from the sun.",
  source: { quote: "Chlorophyll, the green pigment in chloroplasts, absorbs light energy from the sun." },
  lint: [],
  generator: "builtin",
};
const moreFromJob = { job_id: EXAMPLE.finishedJobId, blooms: { remember: 1 }, exclude: ["What does chlorophyll absorb?"] };

const duplicatedSchema = z.object({ id: z.number().int(), title: z.string(), question_count: z.number().int() });

export const assessmentWorkspaceOperations: OperationDoc[] = [
  defineOperation({
    method: "POST",
    path: "/api/assessments/generate-more",
    summary: "Generate more questions from the same material",
    description:
      "Queues a generation job over the material of an unsaved result (`job_id`, while it lives) or of a saved assessment (`assessment_id`, which keeps its material when saved from a job), with a fresh seed. The new questions avoid every stem already there and every stem in `exclude`. \"Regenerate this question\" is `blooms: {\"<its level>\": 1}`; \"add n more\" is any counts. Poll the job as any other; counts against the generation rate limit.",
    tag: "Assessments",
    auth: "optional",
    body: { schema: generateMoreRequestSchema },
    isIdempotent: true,
    responses: {
      202: {
        description: "Queued; poll /api/job_status with the id.",
        schema: jobQueuedSchema,
        examples: [{ summary: "One more remember question", request: asUser({ json: moreFromJob }), body: { status: "queued", job_id: EXAMPLE.queuedJobId }, varies: ["job_id"] }],
      },
      400: errorResponse("Neither or both sources, or counts that are not valid.", [
        {
          summary: "No source",
          request: asUser({ json: { blooms: { apply: 1 } } }),
          body: fieldError("bad_request", "assessment_id", "give either assessment_id or job_id"),
        },
      ]),
      401: unauthorized({ json: { assessment_id: EXAMPLE.assessmentId, blooms: { apply: 1 } } }),
      404: errorResponse("No such job (or expired, or someone else's), or no such assessment of yours.", [
        {
          summary: "Unknown job",
          request: asUser({ json: { ...moreFromJob, job_id: EXAMPLE.unknownJobId } }),
          body: errorBody("not_found", "Job not found: it does not exist, has expired, or was started by someone else"),
        },
      ]),
      ...mergeResponses(
        {
          409: errorResponse("The assessment keeps no material (imported, or saved through EduMate's route).", [
            {
              summary: "No material",
              request: asUser({ json: { assessment_id: EXAMPLE.assessmentId, blooms: { apply: 1 } } }),
              body: errorBody("conflict", "This assessment keeps no material to generate from: it was imported or saved without it"),
            },
          ]),
        },
        idempotencyErrors(asUser({ json: moreFromJob }), asUser({ json: { ...moreFromJob, blooms: { apply: 1 } } })),
      ),
    },
  }),
  defineOperation({
    method: "POST",
    path: "/api/assessments/{id}/duplicate",
    summary: "Duplicate an assessment",
    description: "Copies the assessment, its questions in order and its kept material, titled \"<title> (copy)\".",
    tag: "Assessments",
    auth: "user",
    params: assessmentIdParams,
    isIdempotent: true,
    responses: {
      201: {
        description: "The copy.",
        schema: duplicatedSchema,
        examples: [
          {
            summary: "Copied",
            request: asUser({ params: onAssessment }),
            body: { id: EXAMPLE.spareAssessmentId, title: "Photosynthesis (copy)", question_count: 2 },
            varies: ["id", "question_count"],
          },
        ],
      },
      401: unauthorized({ params: onAssessment }),
      404: errorResponse("No such assessment, or someone else's.", [
        { summary: "Unknown assessment", request: asUser({ params: { id: "999999" } }), body: errorBody("not_found", "Assessment not found") },
      ]),
      // The route reads no body, but the key remembers it: the same key with a body is another request.
      ...idempotencyErrors(asUser({ params: onAssessment }), asUser({ params: onAssessment, json: {} })),
    },
  }),
  defineOperation({
    method: "PUT",
    path: "/api/assessments/{id}/questions/{questionId}",
    summary: "Replace a question",
    description:
      "Puts a whole question in the place of another, keeping its id and position: a regenerated question brings its own source quote, lint findings and generator, which a PATCH does not carry.",
    tag: "Questions",
    auth: "user",
    params: questionParams,
    body: { schema: replaceQuestionRequestSchema },
    responses: {
      200: {
        description: "The question as it now is.",
        schema: questionSchema,
        examples: [
          {
            summary: "A regenerated question",
            request: asUser({ params: { ...onAssessment, questionId: EXAMPLE.questionId }, json: { question: regenerated } }),
            body: { id: EXAMPLE.questionId, ...regenerated },
          },
        ],
      },
      400: errorResponse("The question is malformed.", [
        {
          summary: "An answer that is not an option",
          request: asUser({ params: { ...onAssessment, questionId: EXAMPLE.questionId }, json: { question: { ...regenerated, correct_answer: "Water" } } }),
          body: fieldError("bad_request", "question.correct_answer", "correct_answer must equal one of the options"),
        },
      ]),
      401: unauthorized({ params: { ...onAssessment, questionId: EXAMPLE.questionId }, json: { question: regenerated } }),
      404: errorResponse("No such question in this assessment.", [
        {
          summary: "Unknown question",
          request: asUser({ params: { ...onAssessment, questionId: EXAMPLE.unknownJobId }, json: { question: regenerated } }),
          body: errorBody("not_found", "Question not found"),
        },
      ]),
    },
  }),
];

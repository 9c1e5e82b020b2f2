import { z } from "zod";
import { addQuestionRequestSchema, reorderQuestionsRequestSchema, updateQuestionRequestSchema } from "../../assessments/assessment-schemas";
import { defineOperation, type ExampleRequest, type OperationDoc } from "../define-operation";
import { errorBody, errorResponse, fieldError, idempotencyErrors, unauthorized } from "../common-responses";
import { bearerHeader, EXAMPLE, EXAMPLE_QUESTIONS } from "../example-values";
import { questionOrderSchema, questionSchema } from "../response-schemas";
import { assessmentIdParams } from "./assessments";

// Examples run in this order on the example assessment: reorder its two questions, add a third,
// edit the spare one, delete it.

const questionParams = assessmentIdParams.extend({ questionId: z.uuid().meta({ description: "The question's id." }) });
const asUser = (request: ExampleRequest): ExampleRequest => ({ ...request, headers: { ...bearerHeader(), ...request.headers } });
const onAssessment = { id: String(EXAMPLE.assessmentId) };
const onSpareQuestion = { ...onAssessment, questionId: EXAMPLE.spareQuestionId };
const newQuestion = {
  question: "Which gas do plants release during photosynthesis?",
  options: ["Oxygen", "Carbon dioxide", "Nitrogen", "Hydrogen"],
  correct_answer: "Oxygen",
  bloom_level: "remember",
  explanation: "Oxygen is released into the air as a by-product of photosynthesis.",
};
const NOT_FOUND = errorBody("not_found", "Question not found");

export const questionOperations: OperationDoc[] = [
  defineOperation({
    method: "PUT",
    path: "/api/assessments/{id}/questions/order",
    summary: "Reorder the questions",
    description: "Send every question id of the assessment, each once, in the new order.",
    tag: "Questions",
    auth: "user",
    params: assessmentIdParams,
    body: { schema: reorderQuestionsRequestSchema },
    responses: {
      200: {
        description: "The new order.",
        schema: questionOrderSchema,
        examples: [
          {
            summary: "Second question first",
            request: asUser({ params: onAssessment, json: { question_ids: [EXAMPLE.spareQuestionId, EXAMPLE.questionId] } }),
            body: { question_ids: [EXAMPLE.spareQuestionId, EXAMPLE.questionId] },
          },
        ],
      },
      400: errorResponse("Not every question exactly once.", [
        {
          summary: "A question left out",
          request: asUser({ params: onAssessment, json: { question_ids: [EXAMPLE.questionId] } }),
          body: errorBody("bad_request", "question_ids must list each of this assessment's 2 questions exactly once"),
        },
      ]),
      401: unauthorized({ params: onAssessment, json: { question_ids: [] } }),
      404: errorResponse("No such assessment, or someone else's.", [
        { summary: "Unknown assessment", request: asUser({ params: { id: "999999" }, json: { question_ids: [] } }), body: errorBody("not_found", "Assessment not found") },
      ]),
    },
  }),
  defineOperation({
    method: "POST",
    path: "/api/assessments/{id}/questions",
    summary: "Add a question",
    description: "Appended, or inserted at the 0-based `position`. The question must be well-formed: four distinct options, the answer among them.",
    tag: "Questions",
    auth: "user",
    params: assessmentIdParams,
    body: { schema: addQuestionRequestSchema },
    isIdempotent: true,
    responses: {
      201: {
        description: "Added; the question with its id.",
        schema: questionSchema,
        examples: [
          {
            summary: "Appended",
            request: asUser({ params: onAssessment, json: { question: newQuestion } }),
            body: { id: EXAMPLE.questionId, ...newQuestion },
            varies: ["id"],
          },
        ],
      },
      400: errorResponse("The question is malformed.", [
        {
          summary: "Three options",
          request: asUser({ params: onAssessment, json: { question: { ...newQuestion, options: ["Oxygen", "Nitrogen", "Hydrogen"] } } }),
          body: fieldError("bad_request", "question.options", "a question needs exactly 4 options"),
        },
      ]),
      401: unauthorized({ params: onAssessment, json: { question: newQuestion } }),
      404: errorResponse("No such assessment, or someone else's.", [
        { summary: "Unknown assessment", request: asUser({ params: { id: "999999" }, json: { question: newQuestion } }), body: errorBody("not_found", "Assessment not found") },
      ]),
      ...idempotencyErrors(
        asUser({ params: onAssessment, json: { question: newQuestion } }),
        asUser({ params: onAssessment, json: { question: newQuestion, position: 0 } }),
      ),
    },
  }),
  defineOperation({
    method: "PATCH",
    path: "/api/assessments/{id}/questions/{questionId}",
    summary: "Edit a question",
    description: "Send any of question, options, correct_answer, bloom_level, explanation; the result must still be well-formed.",
    tag: "Questions",
    auth: "user",
    params: questionParams,
    body: { schema: updateQuestionRequestSchema },
    responses: {
      200: {
        description: "The question as it now is.",
        schema: questionSchema,
        examples: [
          {
            summary: "A new level",
            request: asUser({ params: onSpareQuestion, json: { bloom_level: "analyze" } }),
            body: { id: EXAMPLE.spareQuestionId, ...EXAMPLE_QUESTIONS[1], bloom_level: "analyze" },
          },
        ],
      },
      400: errorResponse("The edit would leave the question malformed.", [
        {
          summary: "An answer that is not an option",
          request: asUser({ params: onSpareQuestion, json: { correct_answer: "Darkness" } }),
          body: fieldError("bad_request", "correct_answer", "correct_answer must equal one of the options"),
        },
      ]),
      404: errorResponse("No such question in this assessment.", [
        { summary: "Unknown question", request: asUser({ params: { ...onAssessment, questionId: EXAMPLE.unknownJobId }, json: { bloom_level: "apply" } }), body: NOT_FOUND },
      ]),
    },
  }),
  defineOperation({
    method: "DELETE",
    path: "/api/assessments/{id}/questions/{questionId}",
    summary: "Delete a question",
    description: "The questions after it move up.",
    tag: "Questions",
    auth: "user",
    params: questionParams,
    responses: {
      204: { description: "Deleted.", examples: [{ summary: "Deleted", request: asUser({ params: onSpareQuestion }) }] },
      404: errorResponse("No such question in this assessment.", [
        { summary: "Unknown question", request: asUser({ params: { ...onAssessment, questionId: EXAMPLE.unknownJobId } }), body: NOT_FOUND },
      ]),
    },
  }),
];

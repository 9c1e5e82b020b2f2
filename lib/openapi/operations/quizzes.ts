import { z } from "zod";
import { QUIZ_RATE_LIMITS } from "../../quizzes/limit-quiz-requests";
import {
  attemptSchema,
  publicQuizSchema,
  publishedQuizSchema,
  quizResultsSchema,
  quizShareSchema,
  savedAnswerSchema,
  startedAttemptSchema,
} from "../../quizzes/quiz-response-schemas";
import { quizSettingsSchema, resultsQuerySchema, saveAnswerRequestSchema, startAttemptRequestSchema, submitAttemptRequestSchema } from "../../quizzes/quiz-schemas";
import { errorBody, errorResponse, fieldError, rateLimited, unauthorized } from "../common-responses";
import { defineOperation, type ExampleRequest, type OperationDoc } from "../define-operation";
import { bearerHeader, EXAMPLE_QUESTIONS } from "../example-values";
import { QUIZ_EXAMPLE as Q } from "../quiz-example-values";
import { assessmentIdParams } from "./assessments";

// Examples run in this order against one database (fixtures: lib/openapi/quiz-example-fixtures.ts).
// Takers first: Ada starts an attempt, Grace answers her second question, Alan's attempt is handed
// in (his answers were saved as he gave them); then the owner reads, republishes and changes the quiz, publishes and unpublishes the spare
// assessment, and reads the results of Grace, Alan, Bo and Ada.

const asUser = (request: ExampleRequest = {}): ExampleRequest => ({ ...request, headers: { ...bearerHeader(), ...request.headers } });
const owner = (id: number, request: ExampleRequest = {}) => asUser({ ...request, params: { id: String(id) } });
const TIME = "2026-12-01T09:00:00.000Z";
const UNKNOWN_ASSESSMENT = 987654;
const UNKNOWN_ATTEMPT = "AAAAAAAAAAAAAAAAAAAAAAAA";

const keyParams = z.object({ key: z.string().meta({ description: "The quiz's link token (24 characters) or its 6-character code; case, spaces and dashes in a code do not matter." }) });
const attemptParams = keyParams.extend({ attempt: z.string().meta({ description: "The attempt_token a start returned." }) });
const answerParams = attemptParams.extend({ questionId: z.string().meta({ description: "The question's id, as the attempt lists it." }) });

const questionIds = [Q.questionId, Q.secondQuestionId];
const publicQuestions = EXAMPLE_QUESTIONS.map((mcq, index) => ({
  id: questionIds[index],
  number: index + 1,
  question: mcq.question,
  bloom_level: mcq.bloom_level,
  options: [...mcq.options],
}));
const attemptQuestions = (answers: (number | null)[]) => publicQuestions.map((question, index) => ({ ...question, answer: answers[index] }));
const quizRef = { token: Q.token, code: Q.code, title: "Photosynthesis quiz", version: 1, is_open: true, closed_reason: null, closes_at: null };
const inProgress = (attemptToken: string, name: string, answers: (number | null)[]) => ({
  attempt_token: attemptToken,
  quiz: quizRef,
  name,
  status: "in_progress",
  started_at: TIME,
  submitted_at: null,
  answered_count: answers.filter((answer) => answer !== null).length,
  questions: attemptQuestions(answers),
  result: null,
  review: null,
  review_status: null,
  review_at: null,
});

const publicQuiz = {
  token: Q.token,
  code: Q.code,
  title: "Photosynthesis quiz",
  version: 1,
  question_count: 2,
  is_open: true,
  closed_reason: null,
  closes_at: null,
  settings: { shuffle_questions: false, shuffle_options: false, review: "after_submit", review_at: null, allows_retakes: false },
  bloom_counts: { remember: 1, understand: 1 },
  options_order: "as_written",
  questions: publicQuestions,
};

const defaultSettings = { shuffle_questions: false, shuffle_options: false, review: "after_submit", review_at: null, allows_retakes: false, closes_at: null };
const sharedQuiz = (settings: Record<string, unknown> = {}) => ({
  assessment_id: Q.assessmentId,
  token: Q.token,
  code: Q.code,
  path: `/q/${Q.token}`,
  url: `http://localhost:3000/q/${Q.token}`,
  is_published: true,
  is_open: true,
  closed_reason: null,
  settings: { ...defaultSettings, ...settings },
  published_at: TIME,
  version: 1,
  versions: [{ version: 1, title: "Photosynthesis quiz", question_count: 2, created_at: TIME, attempts: 4, submitted: 2 }],
  has_unpublished_changes: false,
});
const spareSettings = { shuffle_questions: false, shuffle_options: true, review: "never", review_at: null, allows_retakes: true, closes_at: null };
const spareQuiz = (state: { is_published: boolean; is_open: boolean; closed_reason: string | null }) => ({
  assessment_id: Q.spareAssessmentId,
  token: "Zx8cV2bN5mQ1wE4rT7yU0iOp",
  code: "P3RT9H",
  path: "/q/Zx8cV2bN5mQ1wE4rT7yU0iOp",
  url: "http://localhost:3000/q/Zx8cV2bN5mQ1wE4rT7yU0iOp",
  ...state,
  settings: spareSettings,
  published_at: TIME,
  version: 1,
  versions: [{ version: 1, title: "Leaves", question_count: 1, created_at: TIME, attempts: 0, submitted: 0 }],
  has_unpublished_changes: false,
});
const SPARE_VARIES = ["token", "code", "path", "url", "published_at", "versions.*.created_at"];
const SHARE_VARIES = ["published_at", "versions.*.created_at"];

const NOT_FOUND_ASSESSMENT = errorBody("not_found", "Assessment not found");
const UNKNOWN_CODE = errorBody("not_found", "No quiz has this code; check it with your teacher");
const ALREADY_SUBMITTED = errorBody("conflict", "This attempt was already submitted; its answers can no longer change");

export const quizOperations: OperationDoc[] = [
  defineOperation({
    method: "GET",
    path: "/api/quizzes/{key}",
    summary: "A shared quiz, without its answers",
    description:
      "What anyone with the link or code may see: the title, settings, Bloom levels and questions, never the correct options or explanations. A closed quiz (unpublished, or past its closing time) keeps its title, says why, and lists no questions. Each taker gets the questions through their own attempt.",
    tag: "Quiz taking",
    auth: "none",
    params: keyParams,
    rateLimits: [QUIZ_RATE_LIMITS.lookupPerIp],
    responses: {
      200: {
        description: "The quiz.",
        schema: publicQuizSchema,
        headers: ["RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"],
        examples: [
          { summary: "By its code", request: { params: { key: Q.code } }, body: publicQuiz },
          { summary: "By its link token", request: { params: { key: Q.token } }, body: publicQuiz },
        ],
      },
      404: errorResponse("No quiz has this link or code.", [{ summary: "Unknown code", request: { params: { key: "ZZZZZZ" } }, body: UNKNOWN_CODE }]),
      429: rateLimited({ params: { key: Q.code } }, "Too many quizzes looked up from this address. Try again in 60 minutes."),
    },
  }),
  defineOperation({
    method: "POST",
    path: "/api/quizzes/{key}/attempts",
    summary: "Start (or resume) an attempt",
    description:
      "Starts an attempt on the newest version for a taker who gives a name or nickname. `taker_key` is a random id the taker's browser keeps (one is made and returned when absent): the same key gets its unfinished attempt back (200), and a one-attempt quiz refuses a key that has submitted. The answer never contains the correct options.",
    tag: "Quiz taking",
    auth: "none",
    params: keyParams,
    body: { schema: startAttemptRequestSchema },
    rateLimits: [QUIZ_RATE_LIMITS.startPerIp],
    responses: {
      200: {
        description: "This browser's unfinished attempt, with its saved answers.",
        schema: startedAttemptSchema,
        headers: ["RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"],
        examples: [
          {
            summary: "Resumed",
            request: { params: { key: Q.token }, json: { name: "Grace", taker_key: Q.takerKey } },
            body: { ...inProgress(Q.attemptToken, "Grace", [0, null]), taker_key: Q.takerKey, resumed: true },
            varies: ["started_at"],
          },
        ],
      },
      201: {
        description: "A new attempt.",
        schema: startedAttemptSchema,
        headers: ["RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"],
        examples: [
          {
            summary: "Started",
            request: { params: { key: Q.code }, json: { name: "Ada", taker_key: "ada-browser-key-000001" } },
            body: { ...inProgress("Hq7wE2rT5yU8iO1pA4sD6fG9", "Ada", [null, null]), taker_key: "ada-browser-key-000001", resumed: false },
            varies: ["attempt_token", "started_at"],
          },
        ],
      },
      400: errorResponse("No name, or one that is too long.", [
        { summary: "No name", request: { params: { key: Q.code }, json: { name: "  " } }, body: fieldError("bad_request", "name", "name is empty: give a name or nickname") },
      ]),
      404: errorResponse("No quiz has this link or code.", [{ summary: "Unknown code", request: { params: { key: "ZZZZZZ" }, json: { name: "Ada" } }, body: UNKNOWN_CODE }]),
      409: errorResponse("The quiz is closed, or this browser has already taken a one-attempt quiz.", [
        {
          summary: "Already taken",
          request: { params: { key: Q.code }, json: { name: "Bo", taker_key: Q.submittedTakerKey } },
          body: errorBody("conflict", "You have already taken this quiz; it allows one attempt per browser"),
        },
      ]),
      429: rateLimited({ params: { key: Q.code }, json: { name: "Ada" } }, "Too many quiz attempts started from this address. Try again in 60 minutes."),
    },
  }),
  defineOperation({
    method: "GET",
    path: "/api/quizzes/{key}/attempts/{attempt}",
    summary: "An attempt: to resume it, or to review it",
    description:
      "In progress: the questions in this attempt's order with the answers saved so far. Submitted: also `result` (score and per-Bloom-level counts) and, when the owner allows it now, `review` with each question's correct option and explanation; otherwise `review_status` says when (`after_date`, see `review_at`) or that it is `never` shown.",
    tag: "Quiz taking",
    auth: "none",
    params: attemptParams,
    responses: {
      200: {
        description: "The attempt.",
        schema: attemptSchema,
        examples: [
          { summary: "In progress", request: { params: { key: Q.token, attempt: Q.attemptToken } }, body: inProgress(Q.attemptToken, "Grace", [0, null]), varies: ["started_at"] },
        ],
      },
      404: errorResponse("No such attempt at this quiz.", [
        { summary: "Unknown attempt", request: { params: { key: Q.token, attempt: UNKNOWN_ATTEMPT } }, body: errorBody("not_found", "Attempt not found") },
      ]),
    },
  }),
  defineOperation({
    method: "PUT",
    path: "/api/quizzes/{key}/attempts/{attempt}/answers/{questionId}",
    summary: "Save one answer",
    description:
      "Saves the taker's choice the moment it is made, replacing an earlier one for the same question, so a reload or a lost connection loses nothing. `option` is the option's position in the order this attempt shows, from 0.",
    tag: "Quiz taking",
    auth: "none",
    params: answerParams,
    body: { schema: saveAnswerRequestSchema },
    responses: {
      200: {
        description: "Saved.",
        schema: savedAnswerSchema,
        examples: [
          {
            summary: "Saved",
            request: { params: { key: Q.token, attempt: Q.attemptToken, questionId: Q.secondQuestionId }, json: { option: 1 } },
            body: { question_id: Q.secondQuestionId, option: 1, answered_at: TIME, answered_count: 2 },
            varies: ["answered_at"],
          },
        ],
      },
      400: errorResponse("Not an option of this question.", [
        {
          summary: "No such option",
          request: { params: { key: Q.token, attempt: Q.attemptToken, questionId: Q.questionId }, json: { option: 7 } },
          body: errorBody("bad_request", "option must be from 0 to 3 for this question", [{ path: "option", message: "must be from 0 to 3" }]),
        },
      ]),
      404: errorResponse("No such attempt, or no such question in it.", [
        {
          summary: "Unknown question",
          request: { params: { key: Q.token, attempt: Q.attemptToken, questionId: "no-such-question" }, json: { option: 0 } },
          body: errorBody("not_found", "This attempt has no question no-such-question"),
        },
      ]),
      409: errorResponse("The attempt was submitted, or the quiz is closed.", [
        {
          summary: "Already submitted",
          request: { params: { key: Q.token, attempt: Q.submittedAttemptToken, questionId: Q.questionId }, json: { option: 0 } },
          body: ALREADY_SUBMITTED,
        },
      ]),
    },
  }),
  defineOperation({
    method: "POST",
    path: "/api/quizzes/{key}/attempts/{attempt}/submit",
    summary: "Hand an attempt in",
    description:
      "Saves any `answers` sent with it (question id → option position), scores the attempt against the version it was taken on, and answers the result, with the review when the owner allows it now. Once only; a closed or unpublished quiz refuses it.",
    tag: "Quiz taking",
    auth: "none",
    params: attemptParams,
    body: { schema: submitAttemptRequestSchema, description: "Optional: the body may be left out." },
    responses: {
      200: {
        description: "Submitted: the result and, if allowed, the review.",
        schema: attemptSchema,
        examples: [
          {
            // Alan's answers were saved one by one as he gave them (answers sent here would be saved first).
            summary: "Submitted",
            request: { params: { key: Q.token, attempt: Q.spareAttemptToken }, json: {} },
            body: {
              ...inProgress(Q.spareAttemptToken, "Alan", [0, 0]),
              status: "submitted",
              submitted_at: TIME,
              result: { score: 2, total: 2, percent: 100, by_level: [{ level: "remember", correct: 1, total: 1 }, { level: "understand", correct: 1, total: 1 }] },
              review: {
                questions: EXAMPLE_QUESTIONS.map((mcq, index) => ({
                  ...attemptQuestions([0, 0])[index],
                  correct_option: 0,
                  is_correct: true,
                  explanation: mcq.explanation,
                })),
              },
              review_status: "available",
            },
            varies: ["started_at", "submitted_at"],
          },
        ],
      },
      404: errorResponse("No such attempt at this quiz.", [
        { summary: "Unknown attempt", request: { params: { key: Q.token, attempt: UNKNOWN_ATTEMPT } }, body: errorBody("not_found", "Attempt not found") },
      ]),
      409: errorResponse("Already submitted, or the quiz is closed.", [
        { summary: "Submitted before", request: { params: { key: Q.token, attempt: Q.submittedAttemptToken } }, body: ALREADY_SUBMITTED },
      ]),
    },
  }),
  defineOperation({
    method: "GET",
    path: "/api/assessments/{id}/quiz",
    summary: "Your shared quiz: link, code, settings, versions",
    description: "For one of your assessments. 404 until it is first published.",
    tag: "Sharing",
    auth: "user",
    params: assessmentIdParams,
    responses: {
      200: {
        description: "The shared quiz.",
        schema: quizShareSchema,
        examples: [{ summary: "Shared", request: owner(Q.assessmentId), body: sharedQuiz(), varies: SHARE_VARIES }],
      },
      401: unauthorized({ params: { id: String(Q.assessmentId) } }),
      404: errorResponse("Not your assessment, or never published.", [
        { summary: "Not shared yet", request: owner(Q.spareAssessmentId), body: errorBody("not_found", "This assessment has not been shared as a quiz yet") },
        { summary: "Unknown assessment", request: owner(UNKNOWN_ASSESSMENT), body: NOT_FOUND_ASSESSMENT },
      ]),
    },
  }),
  defineOperation({
    method: "POST",
    path: "/api/assessments/{id}/quiz",
    summary: "Publish as a quiz",
    description:
      "The first time: a link token, a short code and version 1 (201). Afterwards the same link opens again: as a new version when the questions or title changed since the newest one (`new_version`), else the same version (`reopened`). Publishing snapshots the questions; attempts already started keep their version. Every setting is optional; what is left out keeps its value (or its default).",
    tag: "Sharing",
    auth: "user",
    params: assessmentIdParams,
    body: { schema: quizSettingsSchema, description: "Optional: the body may be left out." },
    responses: {
      200: {
        description: "Published again: reopened, or a new version.",
        schema: publishedQuizSchema,
        examples: [{ summary: "Reopened", request: owner(Q.assessmentId, { json: {} }), body: { outcome: "reopened", ...sharedQuiz() }, varies: SHARE_VARIES }],
      },
      201: {
        description: "Published for the first time.",
        schema: publishedQuizSchema,
        examples: [
          {
            summary: "Published",
            request: owner(Q.spareAssessmentId, { json: { shuffle_options: true, review: "never", allows_retakes: true } }),
            body: { outcome: "created", ...spareQuiz({ is_published: true, is_open: true, closed_reason: null }) },
            varies: SPARE_VARIES,
          },
        ],
      },
      400: errorResponse("A setting that cannot work, or that is not a setting.", [
        {
          summary: "A review date is missing",
          request: owner(Q.spareAssessmentId, { json: { review: "after_date" } }),
          body: errorBody("bad_request", "review_at is required when review is after_date: say when takers may see the answers", [
            { path: "review_at", message: "review_at is required when review is after_date: say when takers may see the answers" },
          ]),
        },
      ]),
      401: unauthorized({ params: { id: String(Q.assessmentId) }, json: {} }),
      404: errorResponse("Not your assessment.", [{ summary: "Unknown assessment", request: owner(UNKNOWN_ASSESSMENT, { json: {} }), body: NOT_FOUND_ASSESSMENT }]),
    },
  }),
  defineOperation({
    method: "PATCH",
    path: "/api/assessments/{id}/quiz",
    summary: "Change a shared quiz's settings",
    description: "Closing time, review, retakes, shuffling; without publishing the questions again. Attempts already started keep their order.",
    tag: "Sharing",
    auth: "user",
    params: assessmentIdParams,
    body: { schema: quizSettingsSchema },
    responses: {
      200: {
        description: "Changed.",
        schema: quizShareSchema,
        examples: [
          {
            summary: "Retakes allowed, a closing time",
            request: owner(Q.assessmentId, { json: { allows_retakes: true, closes_at: "2030-06-30T15:00:00Z" } }),
            body: sharedQuiz({ allows_retakes: true, closes_at: "2030-06-30T15:00:00.000Z" }),
            varies: SHARE_VARIES,
          },
        ],
      },
      400: errorResponse("A setting that cannot work.", [
        {
          summary: "A closing time in the past",
          request: owner(Q.assessmentId, { json: { closes_at: "2020-01-01T00:00:00Z" } }),
          body: errorBody("bad_request", "closes_at is in the past; to close the quiz now, unpublish it", [
            { path: "closes_at", message: "closes_at is in the past; to close the quiz now, unpublish it" },
          ]),
        },
      ]),
      404: errorResponse("Not your assessment, or never published.", [
        { summary: "Unknown assessment", request: owner(UNKNOWN_ASSESSMENT, { json: { allows_retakes: true } }), body: NOT_FOUND_ASSESSMENT },
      ]),
    },
  }),
  defineOperation({
    method: "DELETE",
    path: "/api/assessments/{id}/quiz",
    summary: "Unpublish a quiz",
    description: "The link and code then say the quiz is closed; nothing more is started, saved or submitted. Attempts and results are kept, and publishing again reopens the same link.",
    tag: "Sharing",
    auth: "user",
    params: assessmentIdParams,
    responses: {
      200: {
        description: "Unpublished.",
        schema: quizShareSchema,
        examples: [
          {
            summary: "Unpublished",
            request: owner(Q.spareAssessmentId),
            body: spareQuiz({ is_published: false, is_open: false, closed_reason: "unpublished" }),
            varies: SPARE_VARIES,
          },
        ],
      },
      404: errorResponse("Not your assessment, or never published.", [{ summary: "Unknown assessment", request: owner(UNKNOWN_ASSESSMENT), body: NOT_FOUND_ASSESSMENT }]),
    },
  }),
  defineOperation({
    method: "GET",
    path: "/api/assessments/{id}/quiz/results",
    summary: "Results and item analysis of a shared quiz",
    description:
      "For one version (the newest unless `version` is given): every attempt with its score, and from the submitted ones, per question the share correct (difficulty), the upper–lower 27% discrimination index, the item–rest point-biserial correlation, how often each option was chosen overall and by the strongest and weakest 27% (a wrong option nobody chose is flagged), scores by Bloom level, and plain-language readings.",
    tag: "Sharing",
    auth: "user",
    params: assessmentIdParams,
    query: resultsQuerySchema,
    responses: {
      200: {
        description: "The results.",
        schema: quizResultsSchema,
        examples: [
          {
            summary: "Two submitted, two in progress",
            request: owner(Q.assessmentId),
            body: {
              assessment_id: Q.assessmentId,
              title: "Photosynthesis quiz",
              version: 1,
              versions: [{ version: 1, created_at: TIME, attempts: 4, submitted: 2 }],
              question_count: 2,
              attempts: [
                { id: "0d1e2f3a-4b5c-4d6e-8f7a-9b0c1d2e3f4a", name: "Grace", status: "in_progress", started_at: TIME, submitted_at: null, answered: 2, score: null, total: 2, percent: null },
                { id: "1e2f3a4b-5c6d-4e7f-8a9b-0c1d2e3f4a5b", name: "Alan", status: "submitted", started_at: TIME, submitted_at: TIME, answered: 2, score: 2, total: 2, percent: 100 },
                { id: "2f3a4b5c-6d7e-4f8a-9b0c-1d2e3f4a5b6c", name: "Bo", status: "submitted", started_at: TIME, submitted_at: TIME, answered: 2, score: 1, total: 2, percent: 50 },
                { id: "3a4b5c6d-7e8f-4a9b-8c0d-1e2f3a4b5c6d", name: "Ada", status: "in_progress", started_at: TIME, submitted_at: null, answered: 0, score: null, total: 2, percent: null },
              ],
              summary: { submitted: 2, in_progress: 2, mean_score: 1.5, mean_percent: 75, score_distribution: [0, 1, 1] },
              items: [
                {
                  id: Q.questionId,
                  number: 1,
                  question: EXAMPLE_QUESTIONS[0].question,
                  bloom_level: "remember",
                  key_option: "A",
                  options: [
                    { letter: "A", text: EXAMPLE_QUESTIONS[0].options[0], is_key: true, count: 1, upper: 1, lower: 0, is_unchosen: false },
                    { letter: "B", text: EXAMPLE_QUESTIONS[0].options[1], is_key: false, count: 1, upper: 0, lower: 1, is_unchosen: false },
                    { letter: "C", text: EXAMPLE_QUESTIONS[0].options[2], is_key: false, count: 0, upper: 0, lower: 0, is_unchosen: true },
                    { letter: "D", text: EXAMPLE_QUESTIONS[0].options[3], is_key: false, count: 0, upper: 0, lower: 0, is_unchosen: true },
                  ],
                  omitted: 0,
                  takers: 2,
                  correct: 1,
                  difficulty: 0.5,
                  point_biserial: null,
                  discrimination_index: 1,
                  group_size: 1,
                  readings: [
                    { tone: "good", text: "Q1: it separates strong from weak takers well (index 1.00)." },
                    {
                      tone: "note",
                      text: "Q1: nobody chose C (“Water from the soil”) or D (“Oxygen from the leaves”) — a wrong answer no one finds plausible does no work; consider replacing it.",
                    },
                  ],
                },
                {
                  id: Q.secondQuestionId,
                  number: 2,
                  question: EXAMPLE_QUESTIONS[1].question,
                  bloom_level: "understand",
                  key_option: "A",
                  options: [
                    { letter: "A", text: EXAMPLE_QUESTIONS[1].options[0], is_key: true, count: 2, upper: 1, lower: 1, is_unchosen: false },
                    { letter: "B", text: EXAMPLE_QUESTIONS[1].options[1], is_key: false, count: 0, upper: 0, lower: 0, is_unchosen: true },
                    { letter: "C", text: EXAMPLE_QUESTIONS[1].options[2], is_key: false, count: 0, upper: 0, lower: 0, is_unchosen: true },
                    { letter: "D", text: EXAMPLE_QUESTIONS[1].options[3], is_key: false, count: 0, upper: 0, lower: 0, is_unchosen: true },
                  ],
                  omitted: 0,
                  takers: 2,
                  correct: 2,
                  difficulty: 1,
                  point_biserial: null,
                  discrimination_index: 0,
                  group_size: 1,
                  readings: [
                    { tone: "note", text: "Q2: everyone got it right — fine as a warm-up, but it does not tell takers apart." },
                    {
                      tone: "note",
                      text: "Q2: nobody chose B (“It absorbs too much water”), C (“It releases too much oxygen”) or D (“Its roots stop growing”) — a wrong answer no one finds plausible does no work; consider replacing it.",
                    },
                  ],
                },
              ],
              levels: [
                { level: "remember", questions: 1, share_correct: 0.5 },
                { level: "understand", questions: 1, share_correct: 1 },
              ],
              readings: [
                { tone: "note", text: "Only 2 takers so far: read these figures as hints; they settle with about 20 or more." },
                { tone: "note", text: "Takers did least well on remember questions (50% correct) and best on understand questions (100%)." },
              ],
            },
            varies: ["versions.*.created_at", "attempts.*.id", "attempts.*.started_at", "attempts.*.submitted_at"],
          },
        ],
      },
      400: errorResponse("version is not a whole number from 1.", [
        { summary: "Not a number", request: owner(Q.assessmentId, { query: { version: "two" } }), body: fieldError("bad_request", "version", "version must be a number") },
      ]),
      401: unauthorized({ params: { id: String(Q.assessmentId) } }),
      404: errorResponse("Not your assessment, never published, or no such version.", [
        {
          summary: "No such version",
          request: owner(Q.assessmentId, { query: { version: "9" } }),
          body: errorBody("not_found", "This quiz has no version 9; it has versions 1 to 1"),
        },
      ]),
    },
  }),
  defineOperation({
    method: "GET",
    path: "/api/assessments/{id}/quiz/responses",
    summary: "Every response, as CSV",
    description:
      "One row per attempt and question, over every version (blank answers included): the taker's name, status and score, the question, the chosen and correct letters in the teacher's order of the options, and where the taker saw the question. UTF-8 with a byte-order mark; a cell a spreadsheet would run as a formula starts with '.",
    tag: "Sharing",
    auth: "user",
    params: assessmentIdParams,
    responses: {
      200: {
        description: "The CSV file.",
        mediaType: "text/csv",
        headers: ["Content-Disposition"],
        examples: [
          {
            summary: "Responses",
            request: owner(Q.assessmentId),
            body: [
              '\uFEFF"version","attempt_id","name","status","started_at","submitted_at","score","total","question_number","question_id","question","bloom_level","shown_as_number","chosen_letter","chosen_option","correct_letter","is_correct","answered_at"',
              `"1","2f3a4b5c-6d7e-4f8a-9b0c-1d2e3f4a5b6c","Bo","submitted","${TIME}","${TIME}","1","2","1","${Q.questionId}","What does chlorophyll absorb?","remember","1","B","Carbon dioxide from the air","A","false","${TIME}"`,
              "",
            ].join("\r\n"),
            // Times and ids differ from run to run; the live test checks that a file came back.
            varies: [""],
          },
        ],
      },
      401: unauthorized({ params: { id: String(Q.assessmentId) } }),
      404: errorResponse("Not your assessment, or never published.", [{ summary: "Unknown assessment", request: owner(UNKNOWN_ASSESSMENT), body: NOT_FOUND_ASSESSMENT }]),
    },
  }),
];

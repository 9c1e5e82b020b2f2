import { z } from "zod";
import { chatQuerySchema } from "../../documents/chat-request";
import { generateRequestSchema } from "../../generation/generate-request";
import { RATE_LIMITS } from "../../rate-limit/rules";
import { callbackUrlSchema } from "../../webhooks/callback-url";
import { defineOperation, type OperationDoc, type ResponseExample } from "../define-operation";
import { errorBody, errorResponse, fieldError, idempotencyErrors, mergeResponses, rateLimited } from "../common-responses";
import { bearerHeader, EXAMPLE, EXAMPLE_MATERIAL } from "../example-values";
import { jobQueuedSchema, jobStatusSchema } from "../response-schemas";

const RATE_LIMIT_HEADERS = ["RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"] as const;
const GENERATION_LIMITS = [RATE_LIMITS.generateAnonymous];
const TOO_MANY_GENERATIONS = "Too many generations from this address; sign in for a higher limit. Try again in 60 minutes.";

const generate = (json: unknown, headers: Record<string, string> = bearerHeader()) => ({ headers, json });

const generateOperation = defineOperation({
  method: "POST",
  path: "/api/generate",
  summary: "Start generating questions",
  description:
    "Queues a generation job for pasted `text`, or for uploaded documents (`collection_name` or `document_id`, with an optional `query` saying what to ask about). Answers at once with the job's id; follow it with GET /api/job_status or a `callback_url`. The same text, counts and `seed` give the same questions; `exclude` lists question stems not to repeat.",
  tag: "Generation",
  auth: "optional",
  body: { schema: generateRequestSchema },
  isIdempotent: true,
  rateLimits: GENERATION_LIMITS,
  responses: {
    202: {
      description: "Queued.",
      schema: jobQueuedSchema,
      headers: [...RATE_LIMIT_HEADERS],
      examples: [
        {
          summary: "Pasted text with a Bloom string",
          request: generate({ text: EXAMPLE_MATERIAL, title: "Photosynthesis", blooms: "3 remember, 2 understand, 1 apply" }),
          body: { status: "queued", job_id: EXAMPLE.finishedJobId },
          varies: ["job_id"],
        },
        {
          summary: "With a webhook and an Idempotency-Key",
          request: {
            headers: { ...bearerHeader(), "Idempotency-Key": EXAMPLE.idempotencyKey },
            json: { text: EXAMPLE_MATERIAL, blooms: { remember: 2, apply: 1 }, callback_url: EXAMPLE.callbackUrl },
          },
          body: { status: "queued", job_id: EXAMPLE.finishedJobId },
          varies: ["job_id"],
        },
        {
          summary: "From an uploaded collection",
          request: generate({ collection_name: EXAMPLE.collectionName, query: "chlorophyll", blooms: { understand: 2 } }),
          body: { status: "queued", job_id: EXAMPLE.finishedJobId },
          varies: ["job_id"],
        },
      ],
    },
    400: errorResponse("A field is missing or invalid; `issues` names it.", [
      {
        summary: "An unknown Bloom level",
        request: generate({ text: EXAMPLE_MATERIAL, blooms: "3 memorise" }),
        body: fieldError("bad_request", "blooms", 'Unknown Bloom level "memorise"; use remember, understand, apply, analyze, evaluate or create'),
      },
      {
        summary: "No text",
        request: generate({ blooms: "2 remember" }),
        body: fieldError("bad_request", "text", "text is required: the teaching material to ask about (or collection_name or document_id to ask about uploaded documents)"),
      },
      {
        summary: "A callback to a private address",
        request: generate({ text: EXAMPLE_MATERIAL, callback_url: "http://169.254.169.254/latest/meta-data/" }),
        body: errorBody("bad_request", "callback_url is refused: 169.254.169.254 is not a public address (link-local)", [
          { path: "callback_url", message: "callback_url is refused: 169.254.169.254 is not a public address (link-local)" },
        ]),
      },
      {
        summary: "Malformed JSON",
        request: { headers: bearerHeader(), raw: { contentType: "application/json", text: '{"text": "Photosynthesis' } },
        body: errorBody("bad_request", "The body is not valid JSON"),
      },
    ]),
    401: errorResponse("A callback_url needs credentials: deliveries are signed with your secret.", [
      {
        summary: "callback_url without credentials",
        request: { json: { text: EXAMPLE_MATERIAL, callback_url: EXAMPLE.callbackUrl } },
        body: errorBody("unauthorized", "callback_url needs an API key or a signed-in user: webhooks are signed with your secret"),
      },
    ]),
    404: errorResponse("The collection or document does not exist (or is someone else's).", [
      {
        summary: "An unknown collection",
        request: generate({ collection_name: "edu_mate_00000000000000000000000000000000" }),
        body: errorBody("not_found", "Collection not found: edu_mate_00000000000000000000000000000000"),
      },
    ]),
    413: errorResponse("The text is over 2 MB.", [
      {
        summary: "Text over 2 MB",
        request: generate({ text: EXAMPLE.oversizedText }),
        body: fieldError("payload_too_large", "text", "text is larger than 2 MB"),
      },
    ]),
    415: errorResponse("The body is not JSON.", [
      {
        summary: "A form instead of JSON",
        request: { headers: bearerHeader(), raw: { contentType: "application/x-www-form-urlencoded", text: "text=Photosynthesis" } },
        body: errorBody("unsupported_media_type", "Send the body as JSON with Content-Type: application/json"),
      },
    ]),
    ...idempotencyErrors(generate({ text: EXAMPLE_MATERIAL, blooms: { remember: 2 } }), generate({ text: EXAMPLE_MATERIAL, blooms: { remember: 3 } })),
    429: rateLimited({ json: { text: EXAMPLE_MATERIAL } }, TOO_MANY_GENERATIONS),
  },
});

const jobStatusQuerySchema = z.object({
  job_id: z.string().meta({ description: "The id POST /api/generate (or POST /chat) returned. A missing or malformed id reads as an unknown job." }),
});

const jobStatusExamples: ResponseExample[] = [
  {
    summary: "Finished",
    request: { query: { job_id: EXAMPLE.finishedJobId } },
    body: {
      status: "finished",
      result: {
        mcqs: [
          {
            question: "What does chlorophyll absorb?",
            options: ["Light energy from the sun", "Carbon dioxide from the air", "Water from the soil", "Oxygen from the leaves"],
            correct_answer: "Light energy from the sun",
            bloom_level: "remember",
            explanation: "Chlorophyll, the green pigment in chloroplasts, absorbs light energy from the sun.",
            source: { quote: "Chlorophyll, the green pigment in chloroplasts, absorbs light energy from the sun." },
          },
        ],
      },
    },
    varies: ["result"],
  },
  {
    summary: "Failed",
    request: { query: { job_id: EXAMPLE.failedJobId } },
    body: { status: "failed", error: "The material is too short to write questions from; paste at least a few paragraphs of prose." },
  },
  { summary: "Queued", request: { query: { job_id: EXAMPLE.queuedJobId } }, body: { status: "queued" } },
  {
    summary: "Running",
    request: { query: { job_id: EXAMPLE.startedJobId } },
    body: { status: "started", progress: { done: 2, total: 6, stage: "writing questions" } },
  },
  { summary: "Unknown or expired", request: { query: { job_id: EXAMPLE.unknownJobId } }, body: { status: null } },
];

const jobStatusOperation = (path: string, isEdumateCompatible: boolean): OperationDoc =>
  defineOperation({
    method: "GET",
    path,
    summary: isEdumateCompatible ? "A job's status (EduMate's path)" : "A job's status",
    description:
      "The job's status in the job-status contract's shapes (see Job lifecycle). Poll every 2–3 seconds until it is finished or failed; a result expires, so save it. Never cached.",
    tag: "Jobs",
    auth: "none",
    isEdumateCompatible,
    query: jobStatusQuerySchema,
    responses: { 200: { description: "The status; `{\"status\": null}` for an unknown or expired job.", schema: jobStatusSchema, examples: jobStatusExamples } },
  });

const chatQuery = { query: "photosynthesis", collection_name: EXAMPLE.collectionName, blooms_requirements: "2 remember, 1 understand" };

const chatOperation = defineOperation({
  method: "POST",
  path: "/chat",
  summary: "Generate from an uploaded collection (EduMate)",
  description:
    "EduMate's generation: everything is in the query string, there is no body. `collection_name` is what POST /chunking returned; `query` says what to ask about and becomes the title. Answers 200, as EduMate did; follow the job with GET /job_status. `callback_url` works as on POST /api/generate.",
  tag: "Generation",
  auth: "optional",
  isEdumateCompatible: true,
  query: chatQuerySchema.extend({ callback_url: callbackUrlSchema.optional() }),
  isIdempotent: true,
  rateLimits: GENERATION_LIMITS,
  responses: {
    200: {
      description: "Queued.",
      schema: jobQueuedSchema,
      headers: [...RATE_LIMIT_HEADERS],
      examples: [
        { summary: "Queued", request: { query: chatQuery }, body: { status: "queued", job_id: EXAMPLE.finishedJobId }, varies: ["job_id"] },
      ],
    },
    404: errorResponse("No such collection.", [
      {
        summary: "An unknown collection",
        request: { query: { ...chatQuery, collection_name: "edu_mate_00000000000000000000000000000000" } },
        body: errorBody("not_found", "Collection not found: edu_mate_00000000000000000000000000000000"),
      },
    ]),
    ...mergeResponses(
      {
        422: errorResponse("A required parameter is missing or invalid (FastAPI's status), or the Idempotency-Key was used for another request.", [
          {
            summary: "No query",
            request: { query: { collection_name: EXAMPLE.collectionName } },
            body: fieldError("unprocessable", "query", "query is required: what the questions should be about"),
          },
        ]),
      },
      idempotencyErrors({ query: chatQuery }, { query: { ...chatQuery, blooms_requirements: "3 apply" } }),
    ),
    429: rateLimited({ query: chatQuery }, TOO_MANY_GENERATIONS),
  },
});

export const generationOperations: OperationDoc[] = [
  generateOperation,
  chatOperation,
  jobStatusOperation("/api/job_status", false),
  jobStatusOperation("/job_status", true),
];

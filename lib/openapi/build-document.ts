import { z } from "zod";
import { SESSION_COOKIE_NAME } from "../auth/auth";
import { bloomsRequirementSchema, BLOOM_LEVELS, MAX_QUESTIONS } from "../generation/blooms";
import { generationResultSchema, mcqSchema } from "../generation/mcq";
import { IDEMPOTENCY_HEADER, idempotencyKeySchema } from "../idempotency/with-idempotency";
import { signingSecretSchema, webhookAttemptSchema, webhookDeliverySchema } from "../webhooks/webhook-schemas";
import { RESPONSE_HEADERS, type AuthRequirement, type OperationDoc, type ResponseExample } from "./define-operation";
import { API_GUIDE, TAGS } from "./guide";
import { API_OPERATIONS } from "./registry";
import {
  apiKeySummarySchema,
  documentSummarySchema,
  errorBodySchema,
  jobQueuedSchema,
  jobStatusSchema,
  questionSchema,
  userSchema,
} from "./response-schemas";

type JsonSchema = Record<string, unknown>;

/** Shapes shared by many answers, named so generated clients get one type for each. */
const NAMED_SCHEMAS: Record<string, z.ZodType> = {
  Error: errorBodySchema,
  User: userSchema,
  JobQueued: jobQueuedSchema,
  JobStatus: jobStatusSchema,
  GenerationResult: generationResultSchema,
  Mcq: mcqSchema,
  Question: questionSchema,
  ApiKey: apiKeySummarySchema,
  Document: documentSummarySchema,
  WebhookDelivery: webhookDeliverySchema,
  WebhookAttempt: webhookAttemptSchema,
  SigningSecret: signingSecretSchema,
};

const SECURITY: Record<AuthRequirement, Record<string, string[]>[]> = {
  none: [],
  optional: [{}, { bearerAuth: [] }, { sessionCookie: [] }],
  user: [{ bearerAuth: [] }, { sessionCookie: [] }],
  "key-manager": [{ bearerAuth: [] }, { sessionCookie: [] }],
};

const AUTH_SENTENCES: Record<AuthRequirement, string> = {
  none: "No authentication.",
  optional: "Authentication optional: anonymous callers may use it; a signed-in caller's work is recorded as theirs.",
  user: "Needs a session cookie, a login token or an API key (Authorization: Bearer …).",
  "key-manager": "Needs a session cookie or a login token; API keys are refused (403), so a leaked key cannot manage keys or secrets.",
};

/** The operation's id: method and path in camel case, e.g. getApiAssessmentsById. */
export function operationIdOf(operation: Pick<OperationDoc, "method" | "path">): string {
  const words = operation.path
    .split(/[/_-]+/)
    .filter(Boolean)
    .map((segment) => (segment.startsWith("{") ? `By${capitalise(segment.slice(1, -1))}` : capitalise(segment)));
  return operation.method.toLowerCase() + words.join("").replace(/[^A-Za-z0-9]/g, "");
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).replace(/[_-](\w)/g, (_, letter: string) => letter.toUpperCase());
}

export function exampleKeyOf(example: ResponseExample): string {
  return example.summary
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60);
}

// Bloom requirements are read by a transform (EduMate's string or an object); say what it accepts.
const BLOOMS_JSON_SCHEMA: JsonSchema = {
  description: `How many questions of each Bloom level: EduMate's string ("5 remember, 3 understand, 4 apply") or an object of counts. Absent → EduMate's default 5/3/4/3/2/3. The total must be 1 to ${MAX_QUESTIONS}.`,
  anyOf: [
    { type: "string", examples: ["5 remember, 3 understand, 4 apply", "2 x Apply; analyse: 1"] },
    {
      type: "object",
      properties: Object.fromEntries(BLOOM_LEVELS.map((level) => [level, { type: "integer", minimum: 0, maximum: MAX_QUESTIONS }])),
      additionalProperties: false,
      examples: [{ remember: 2, apply: 1 }],
    },
  ],
};

function override(ctx: { zodSchema: unknown; jsonSchema: JsonSchema }) {
  if (ctx.zodSchema === bloomsRequirementSchema) {
    for (const key of Object.keys(ctx.jsonSchema)) delete ctx.jsonSchema[key];
    Object.assign(ctx.jsonSchema, structuredClone(BLOOMS_JSON_SCHEMA));
  }
}

const CONVERT = { target: "draft-2020-12", unrepresentable: "any", override, uri: (id: string) => `#/components/schemas/${id}` } as const;

function clean(schema: JsonSchema): JsonSchema {
  const { $schema: _schema, $id: _id, ...rest } = schema;
  return rest;
}

/** Converts every request and response schema in one pass per direction, shared shapes by $ref. */
function convertSchemas(operations: OperationDoc[]) {
  const outputs = z.registry<{ id: string }>();
  const inputs = z.registry<{ id: string }>();
  const ids = new Map<z.ZodType, string>();
  for (const [name, schema] of Object.entries(NAMED_SCHEMAS)) {
    outputs.add(schema, { id: name });
    ids.set(schema, name);
  }
  for (const operation of operations) {
    const base = capitalise(operationIdOf(operation));
    if (operation.body && !ids.has(operation.body.schema)) {
      inputs.add(operation.body.schema, { id: `${base}Request` });
      ids.set(operation.body.schema, `${base}Request`);
    }
    for (const [status, response] of Object.entries(operation.responses)) {
      if (response.schema && !ids.has(response.schema)) {
        outputs.add(response.schema, { id: `${base}Response${status}` });
        ids.set(response.schema, `${base}Response${status}`);
      }
    }
  }
  const schemas: Record<string, JsonSchema> = {};
  for (const [registry, io] of [
    [outputs, "output"],
    [inputs, "input"],
  ] as const) {
    const converted = z.toJSONSchema(registry, { ...CONVERT, io }) as { schemas: Record<string, JsonSchema> };
    for (const [id, schema] of Object.entries(converted.schemas)) schemas[id] = clean(schema);
  }
  return { schemas, refOf: (schema: z.ZodType) => ({ $ref: `#/components/schemas/${ids.get(schema)}` }) };
}

function parametersOf(operation: OperationDoc) {
  const parameters: JsonSchema[] = [];
  for (const [location, object] of [
    ["path", operation.params],
    ["query", operation.query],
  ] as const) {
    if (!object) continue;
    const converted = clean(z.toJSONSchema(object, { ...CONVERT, io: "input" }) as JsonSchema);
    const properties = (converted.properties ?? {}) as Record<string, JsonSchema>;
    const required = new Set((converted.required ?? []) as string[]);
    for (const [name, schema] of Object.entries(properties)) {
      const { description, ...rest } = schema;
      parameters.push({
        name,
        in: location,
        required: location === "path" || required.has(name),
        ...(description ? { description } : {}),
        schema: rest,
      });
    }
  }
  if (operation.isIdempotent) parameters.push({ $ref: "#/components/parameters/IdempotencyKey" });
  return parameters;
}

/** How an example is sent, kept on the example so readers (and the live test) see the request. */
function requestOf(operation: OperationDoc, example: ResponseExample): JsonSchema {
  const { request } = example;
  let path = operation.path;
  for (const [name, value] of Object.entries(request.params ?? {})) path = path.replace(`{${name}}`, encodeURIComponent(value));
  const query = new URLSearchParams(request.query ?? {}).toString();
  return {
    method: operation.method,
    url: query ? `${path}?${query}` : path,
    ...(request.headers ? { headers: request.headers } : {}),
    ...(request.json !== undefined ? { json: request.json } : {}),
    ...(request.form ? { form: request.form } : {}),
    ...(request.multipart ? { multipart: request.multipart } : {}),
    ...(request.raw ? { raw: request.raw } : {}),
  };
}

function responseOf(operation: OperationDoc, status: number, refOf: (schema: z.ZodType) => JsonSchema) {
  const response = operation.responses[status];
  const headers: Record<string, JsonSchema> = {};
  for (const name of response.headers ?? []) headers[name] = { $ref: `#/components/headers/${name}` };
  const examples = Object.fromEntries(
    response.examples.map((example) => [
      exampleKeyOf(example),
      {
        summary: example.summary,
        ...(example.body !== undefined ? { value: example.body } : {}),
        "x-request": requestOf(operation, example),
        ...(example.before ? { "x-before": example.before } : {}),
        ...(example.given ? { "x-given": example.given } : {}),
        ...(example.varies ? { "x-varies": example.varies } : {}),
      },
    ]),
  );
  const hasBody = response.schema !== undefined || response.mediaType !== undefined;
  const mediaType = response.mediaType ?? "application/json";
  return {
    description: response.description,
    ...(Object.keys(headers).length ? { headers } : {}),
    ...(hasBody
      ? { content: { [mediaType]: { schema: response.schema ? refOf(response.schema) : { type: "string" }, examples } } }
      : { "x-examples": examples }),
  };
}

function operationOf(operation: OperationDoc, refOf: (schema: z.ZodType) => JsonSchema) {
  const requestExamples = Object.fromEntries(
    Object.values(operation.responses)
      .flatMap((response) => response.examples)
      .filter((example) => example.request.json !== undefined || example.request.form || example.request.multipart)
      .map((example) => [exampleKeyOf(example), { summary: example.summary, value: example.request.json ?? example.request.form ?? example.request.multipart }]),
  );
  const mediaType = operation.body?.mediaType ?? "application/json";
  const notes = [
    operation.description,
    AUTH_SENTENCES[operation.auth],
    operation.isEdumateCompatible ? "EduMate-compatible: EduMate's clients call this exactly as they did." : undefined,
    operation.isIdempotent ? "Send an Idempotency-Key to make retries safe." : undefined,
    operation.rateLimits?.length ? "Rate-limited: every answer carries RateLimit-Limit, RateLimit-Remaining and RateLimit-Reset; a 429 also Retry-After." : undefined,
  ].filter(Boolean);
  return {
    operationId: operationIdOf(operation),
    summary: operation.summary,
    description: notes.join("\n\n"),
    tags: operation.isEdumateCompatible ? [operation.tag, "EduMate-compatible"] : [operation.tag],
    ...(operation.isEdumateCompatible ? { "x-edumate-compatible": true } : {}),
    security: SECURITY[operation.auth],
    "x-auth": operation.auth,
    ...(operation.isIdempotent ? { "x-idempotent": true } : {}),
    ...(operation.rateLimits?.length ? { "x-rate-limited": true } : {}),
    parameters: parametersOf(operation),
    ...(operation.body
      ? {
          requestBody: {
            required: true,
            ...(operation.body.description ? { description: operation.body.description } : {}),
            content: { [mediaType]: { schema: refOf(operation.body.schema), examples: requestExamples } },
          },
        }
      : {}),
    responses: Object.fromEntries(Object.keys(operation.responses).map((status) => [status, responseOf(operation, Number(status), refOf)])),
  };
}

/** The OpenAPI 3.1 document of every route, built from the zod schemas the handlers validate with. */
export function buildOpenApiDocument({ serverUrl = "/", operations = API_OPERATIONS }: { serverUrl?: string; operations?: OperationDoc[] } = {}) {
  const { schemas, refOf } = convertSchemas(operations);
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of operations) {
    paths[operation.path] ??= {};
    paths[operation.path][operation.method.toLowerCase()] = operationOf(operation, refOf);
  }
  const idempotencyKey = clean(z.toJSONSchema(idempotencyKeySchema, { ...CONVERT, io: "input" }) as JsonSchema);
  const { description: keyDescription, ...keySchema } = idempotencyKey;
  return {
    openapi: "3.1.0",
    info: {
      title: "Bloomery API",
      version: "1.0.0",
      summary: "Turn teaching material into multiple-choice assessments sorted by Bloom's taxonomy.",
      description: API_GUIDE(),
    },
    servers: [{ url: serverUrl }],
    tags: TAGS,
    paths,
    components: {
      schemas,
      securitySchemes: {
        bearerAuth: {
          type: "http",
          scheme: "bearer",
          description: "An API key (blm_…, made in Settings → API keys) or a login token from POST /api/login.",
        },
        sessionCookie: { type: "apiKey", in: "cookie", name: SESSION_COOKIE_NAME, description: "The browser's session, set by POST /api/auth/session." },
      },
      parameters: {
        IdempotencyKey: { name: IDEMPOTENCY_HEADER, in: "header", required: false, description: keyDescription, schema: keySchema },
      },
      headers: Object.fromEntries(
        Object.entries(RESPONSE_HEADERS).map(([name, description]) => [
          name,
          { description, schema: name.startsWith("RateLimit") || name === "Retry-After" || name === "Bloomery-Export-Problems" ? { type: "integer" } : { type: "string" } },
        ]),
      ),
    },
  };
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;

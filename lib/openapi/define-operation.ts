import type { z } from "zod";
import type { RateLimitRule } from "../rate-limit/rate-limit";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * Who may call: `none` – anyone, credentials ignored; `optional` – anyone, and a signed-in caller's
 * work is theirs; `user` – a session cookie, login token or API key; `key-manager` – signed in by
 * cookie or login token, not with an API key.
 */
export type AuthRequirement = "none" | "optional" | "user" | "key-manager";

/** A file in a multipart example. */
export interface ExampleFile {
  filename: string;
  type: string;
  content: string;
}

/**
 * What an example sends. Values from EXAMPLE (lib/openapi/example-values.ts) stand for things that
 * exist only at run time – a key, a job id – and the live test swaps in real ones.
 */
export interface ExampleRequest {
  params?: Record<string, string>;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  json?: unknown;
  form?: Record<string, string>;
  multipart?: Record<string, string | ExampleFile>;
  raw?: { contentType?: string; text: string };
}

/** A state the live test sets up before sending an example, when the request alone cannot. */
export type ExampleGiven =
  /** The route's per-IP rate limits are used up for the request's X-Forwarded-For address. */
  | "rate-limit-used-up"
  /** Another request holding the same Idempotency-Key has not answered yet. */
  | "idempotency-key-in-progress"
  /** The database does not answer. */
  | "database-unreachable";

export interface ResponseExample {
  summary: string;
  request: ExampleRequest;
  /** Requests sent first, answers unchecked: the history an example needs (a key used once already). */
  before?: ExampleRequest[];
  given?: ExampleGiven;
  /** The documented answer: JSON, or text for a file. Absent for a response without a body. */
  body?: unknown;
  /**
   * Dotted paths (`*` for any array index) whose values differ from call to call – ids, times,
   * generated questions. The live test checks only their type there; everything else must match.
   */
  varies?: string[];
}

export interface ResponseDoc {
  description: string;
  /** The schema the body follows; absent when there is no body. */
  schema?: z.ZodType;
  /** Media type when the body is not JSON (an exported file). */
  mediaType?: string;
  /** Response headers that matter to clients, described once in RESPONSE_HEADERS. */
  headers?: ResponseHeaderName[];
  examples: ResponseExample[];
}

export const RESPONSE_HEADERS = {
  "RateLimit-Limit": "Requests allowed in the current window.",
  "RateLimit-Remaining": "Requests left in the current window.",
  "RateLimit-Reset": "Seconds until the window ends and the budget is whole again.",
  "Retry-After": "Seconds to wait before trying again.",
  "Idempotent-Replayed": '"true" when this is the kept answer to an earlier request with the same Idempotency-Key.',
  "Content-Disposition": "attachment; filename=… – the file's suggested name.",
  "Bloomery-Export-Problems": "How many things the format could not carry (see problems=only).",
  "WWW-Authenticate": "Bearer – sent with a 401.",
  "Set-Cookie": "The session cookie (set on sign-in, cleared on sign-out).",
} as const;
export type ResponseHeaderName = keyof typeof RESPONSE_HEADERS;

export interface RequestBodyDoc {
  /** The schema the handler validates the body with. */
  schema: z.ZodType;
  mediaType?: "application/json" | "application/x-www-form-urlencoded" | "multipart/form-data";
  description?: string;
}

export interface OperationDoc {
  method: HttpMethod;
  /** OpenAPI form: `/api/assessments/{id}`. */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  auth: AuthRequirement;
  /** Kept for EduMate's clients: same path, parameters and answers. */
  isEdumateCompatible?: boolean;
  /** Path parameters, as the handler reads them. */
  params?: z.ZodObject;
  /** Query parameters, with the schema the handler parses them with. */
  query?: z.ZodObject;
  body?: RequestBodyDoc;
  /** Honours Idempotency-Key (the route is wrapped in withIdempotency). */
  isIdempotent?: boolean;
  /** The per-IP budgets the route counts against; their headers are checked on every answer. */
  rateLimits?: RateLimitRule[];
  responses: Record<number, ResponseDoc>;
}

/** Declares one route and method for the OpenAPI document; see lib/openapi/registry.ts. */
export function defineOperation(doc: OperationDoc): OperationDoc {
  return doc;
}

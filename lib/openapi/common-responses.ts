import type { ErrorCode, ErrorIssue } from "../errors";
import type { ExampleRequest, ResponseDoc, ResponseExample } from "./define-operation";
import { EXAMPLE } from "./example-values";
import { errorBodySchema } from "./response-schemas";

/** An error body exactly as the API writes it. */
export function errorBody(code: ErrorCode, message: string, issues?: ErrorIssue[]) {
  return { error: { code, message, ...(issues ? { issues } : {}) }, detail: message };
}

/** A validation error naming one field, as `validationError` writes it. */
export function fieldError(code: ErrorCode, path: string, message: string) {
  return errorBody(code, path ? `${path}: ${message}` : message, [{ path, message }]);
}

export function errorResponse(description: string, examples: ResponseExample[], extra: Partial<ResponseDoc> = {}): ResponseDoc {
  return { description, schema: errorBodySchema, examples, ...extra };
}

/** 401 for a route that needs a user, sent without credentials (and with a bad token). */
export function unauthorized(request: ExampleRequest = {}): ResponseDoc {
  return errorResponse(
    "No valid credentials.",
    [
      { summary: "No credentials", request, body: errorBody("unauthorized", "Not authenticated") },
      {
        summary: "A token that is not valid",
        request: { ...request, headers: { ...request.headers, Authorization: "Bearer not-a-real-token" } },
        body: errorBody("unauthorized", "Invalid token"),
      },
    ],
    { headers: ["WWW-Authenticate"] },
  );
}

/** 403 for routes that manage keys or secrets, called with an API key. */
export function apiKeyRefused(request: ExampleRequest, message: string): ResponseDoc {
  return errorResponse("API keys may not do this; sign in.", [
    { summary: "Called with an API key", request: { ...request, headers: { ...request.headers, Authorization: `Bearer ${EXAMPLE.apiKey}` } }, body: errorBody("forbidden", message) },
  ]);
}

/** 429 once the route's per-IP budget is used up. */
export function rateLimited(request: ExampleRequest, message: string): ResponseDoc {
  return errorResponse(
    "Over the rate limit; wait Retry-After seconds.",
    [
      {
        summary: "Budget used up",
        given: "rate-limit-used-up",
        request: { ...request, headers: { ...request.headers, "X-Forwarded-For": EXAMPLE.limitedIp } },
        body: errorBody("rate_limited", message),
      },
    ],
    { headers: ["RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "Retry-After"] },
  );
}

/** 409 and 422 of an idempotent route: the key still in use, or reused for another request. */
export function idempotencyErrors(request: ExampleRequest, otherRequest: ExampleRequest): Record<number, ResponseDoc> {
  const withKey = (call: ExampleRequest): ExampleRequest => ({ ...call, headers: { ...call.headers, "Idempotency-Key": EXAMPLE.idempotencyKey } });
  return {
    409: errorResponse("A request with this Idempotency-Key has not answered yet; retry in a moment.", [
      {
        summary: "Idempotency-Key still in use",
        given: "idempotency-key-in-progress",
        request: withKey(request),
        body: errorBody("conflict", "A request with this Idempotency-Key is still being processed; retry in a moment"),
      },
    ]),
    422: errorResponse("This Idempotency-Key was used for a different request.", [
      {
        summary: "Idempotency-Key reused for another request",
        before: [withKey(otherRequest)],
        request: withKey(request),
        body: errorBody("unprocessable", "This Idempotency-Key was already used with a different request; use a new key for a new request"),
      },
    ]),
  };
}

/** Responses of two lists together; a status in both keeps the first description and both sets of examples. */
export function mergeResponses(first: Record<number, ResponseDoc>, second: Record<number, ResponseDoc>): Record<number, ResponseDoc> {
  const merged = { ...second, ...first };
  for (const status of Object.keys(first).map(Number)) {
    if (second[status]) merged[status] = { ...first[status], examples: [...first[status].examples, ...second[status].examples] };
  }
  return merged;
}

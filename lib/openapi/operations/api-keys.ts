import { z } from "zod";
import { createApiKeyRequestSchema } from "../../api-keys/create-api-key";
import { defineOperation, type OperationDoc } from "../define-operation";
import { apiKeyRefused, errorBody, errorResponse, fieldError, idempotencyErrors, unauthorized } from "../common-responses";
import { bearerHeader, EXAMPLE } from "../example-values";
import { apiKeyListSchema, createdApiKeySchema } from "../response-schemas";

const signedIn = bearerHeader(EXAMPLE.loginToken);
const KEYS_REFUSED = "API keys cannot manage API keys; sign in to do that";

export const apiKeyOperations: OperationDoc[] = [
  defineOperation({
    method: "GET",
    path: "/api/api-keys",
    summary: "Your API keys",
    description: "Names and first characters only: a key is shown once, when it is made.",
    tag: "API keys",
    auth: "key-manager",
    responses: {
      200: {
        description: "Your unrevoked keys, newest first.",
        schema: apiKeyListSchema,
        examples: [
          {
            summary: "One key",
            request: { headers: signedIn },
            body: { keys: [{ id: EXAMPLE.apiKeyId, name: "LMS plugin", prefix: EXAMPLE.apiKeyPrefix, created_at: "2026-11-30T09:12:03.120Z", last_used_at: "2026-11-30T09:14:41.002Z" }] },
            varies: ["keys"],
          },
        ],
      },
      401: unauthorized(),
      403: apiKeyRefused({}, KEYS_REFUSED),
    },
  }),
  defineOperation({
    method: "POST",
    path: "/api/api-keys",
    summary: "Make an API key",
    description: "The answer holds the key itself, the only time it is shown; keep it secret. At most 25 unrevoked keys.",
    tag: "API keys",
    auth: "key-manager",
    body: { schema: createApiKeyRequestSchema },
    isIdempotent: true,
    responses: {
      201: {
        description: "The new key.",
        schema: createdApiKeySchema,
        examples: [
          {
            summary: "Made",
            request: { headers: signedIn, json: { name: "Grading script" } },
            body: { id: EXAMPLE.spareApiKeyId, name: "Grading script", prefix: EXAMPLE.apiKeyPrefix, created_at: "2026-11-30T09:12:03.120Z", last_used_at: null, key: EXAMPLE.apiKey },
            varies: ["id", "prefix", "created_at", "key"],
          },
        ],
      },
      400: errorResponse("The name is missing or too long.", [
        { summary: "Empty name", request: { headers: signedIn, json: { name: "" } }, body: fieldError("bad_request", "name", "name is empty") },
      ]),
      401: unauthorized({ json: { name: "Script" } }),
      403: apiKeyRefused({ json: { name: "Script" } }, KEYS_REFUSED),
      ...idempotencyErrors({ headers: signedIn, json: { name: "Nightly export" } }, { headers: signedIn, json: { name: "Weekly export" } }),
    },
  }),
  defineOperation({
    method: "DELETE",
    path: "/api/api-keys/{id}",
    summary: "Revoke an API key",
    description: "Refused from the next request on.",
    tag: "API keys",
    auth: "key-manager",
    params: z.object({ id: z.uuid().meta({ description: "The key's id." }) }),
    responses: {
      204: { description: "Revoked.", examples: [{ summary: "Revoked", request: { headers: signedIn, params: { id: EXAMPLE.spareApiKeyId } } }] },
      404: errorResponse("No such key, or someone else's.", [
        { summary: "Unknown key", request: { headers: signedIn, params: { id: EXAMPLE.unknownJobId } }, body: errorBody("not_found", "API key not found") },
      ]),
    },
  }),
];

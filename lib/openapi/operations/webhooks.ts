import { rotateSecretRequestSchema } from "../../webhooks/signing-secrets";
import { listDeliveriesQuerySchema, signingSecretListSchema, signingSecretSchema, webhookDeliveryPageSchema } from "../../webhooks/webhook-schemas";
import { defineOperation, type OperationDoc } from "../define-operation";
import { apiKeyRefused, errorBody, errorResponse, fieldError, idempotencyErrors, unauthorized } from "../common-responses";
import { bearerHeader, EXAMPLE } from "../example-values";

const signedIn = bearerHeader(EXAMPLE.loginToken);
const SECRETS_REFUSED = "API keys cannot manage API keys; sign in to do that";

export const webhookOperations: OperationDoc[] = [
  defineOperation({
    method: "GET",
    path: "/api/webhooks/deliveries",
    summary: "Your webhook deliveries, with every attempt",
    description: "Newest first, kept for 30 days. Filter by `job_id` or `status`. Each attempt says when it started, how long it took, what your server answered, or why no answer came.",
    tag: "Webhooks",
    auth: "user",
    query: listDeliveriesQuerySchema,
    responses: {
      200: {
        description: "One page of deliveries.",
        schema: webhookDeliveryPageSchema,
        examples: [
          {
            summary: "A job's delivery",
            request: { headers: bearerHeader(), query: { job_id: EXAMPLE.finishedJobId } },
            body: {
              deliveries: [
                {
                  id: EXAMPLE.deliveryId,
                  job_id: EXAMPLE.finishedJobId,
                  url: EXAMPLE.callbackUrl,
                  event: "job.finished",
                  status: "delivered",
                  api_key_id: EXAMPLE.apiKeyId,
                  attempt_count: 1,
                  created_at: "2026-11-30T09:12:09.480Z",
                  next_attempt_at: null,
                  delivered_at: "2026-11-30T09:12:09.611Z",
                  attempts: [
                    {
                      attempt: 1,
                      url: EXAMPLE.callbackUrl,
                      started_at: "2026-11-30T09:12:09.533Z",
                      duration_ms: 78,
                      response_status: 200,
                      delivered: true,
                      error: null,
                    },
                  ],
                },
              ],
              page: 1,
              page_size: 20,
              total: 1,
            },
            varies: ["deliveries.*.created_at", "deliveries.*.delivered_at", "deliveries.*.attempts.*.started_at", "deliveries.*.attempts.*.duration_ms"],
          },
        ],
      },
      400: errorResponse("A filter is not valid.", [
        {
          summary: "An unknown status",
          request: { headers: bearerHeader(), query: { status: "lost" } },
          body: fieldError("bad_request", "status", 'status must be "pending", "delivered" or "failed"'),
        },
      ]),
      401: unauthorized(),
    },
  }),
  defineOperation({
    method: "GET",
    path: "/api/webhooks/secrets",
    summary: "Your webhook signing secrets",
    description: "The account's secret (for jobs started signed in) and one per API key (for jobs started with it). Each is made the first time it is needed.",
    tag: "Webhooks",
    auth: "key-manager",
    responses: {
      200: {
        description: "The secrets.",
        schema: signingSecretListSchema,
        examples: [
          {
            summary: "Account and one key",
            request: { headers: signedIn },
            body: {
              secrets: [
                { secret: EXAMPLE.webhookSecret, created_at: "2026-11-30T09:12:03.120Z", api_key: null },
                { secret: EXAMPLE.webhookSecret, created_at: "2026-11-30T09:12:03.120Z", api_key: { id: EXAMPLE.apiKeyId, name: "LMS plugin", prefix: EXAMPLE.apiKeyPrefix } },
              ],
            },
            varies: ["secrets"],
          },
        ],
      },
      401: unauthorized(),
      403: apiKeyRefused({}, SECRETS_REFUSED),
    },
  }),
  defineOperation({
    method: "POST",
    path: "/api/webhooks/secrets/rotate",
    summary: "Replace a signing secret",
    description: "Deliveries from now on, retries included, are signed with the new secret; update your receiver at once. Send `{}` for the account's secret.",
    tag: "Webhooks",
    auth: "key-manager",
    body: { schema: rotateSecretRequestSchema },
    isIdempotent: true,
    responses: {
      200: {
        description: "The new secret.",
        schema: signingSecretSchema,
        examples: [
          {
            summary: "An API key's secret",
            request: { headers: signedIn, json: { api_key_id: EXAMPLE.apiKeyId } },
            body: { secret: EXAMPLE.webhookSecret, created_at: "2026-11-30T09:12:03.120Z", api_key: { id: EXAMPLE.apiKeyId, name: "LMS plugin", prefix: EXAMPLE.apiKeyPrefix } },
            varies: ["secret", "created_at"],
          },
        ],
      },
      400: errorResponse("api_key_id is not a key id.", [
        { summary: "Not an id", request: { headers: signedIn, json: { api_key_id: "42" } }, body: fieldError("bad_request", "api_key_id", "api_key_id must be the id of one of your API keys") },
      ]),
      401: unauthorized({ json: {} }),
      403: apiKeyRefused({ json: {} }, SECRETS_REFUSED),
      404: errorResponse("No such key, a revoked one, or someone else's.", [
        { summary: "Unknown key", request: { headers: signedIn, json: { api_key_id: EXAMPLE.unknownJobId } }, body: errorBody("not_found", "API key not found") },
      ]),
      ...idempotencyErrors({ headers: signedIn, json: {} }, { headers: signedIn, json: { api_key_id: EXAMPLE.apiKeyId } }),
    },
  }),
];

import { z } from "zod";

/** GET /api/webhooks/deliveries?page=&page_size=&job_id=&status= */
export const listDeliveriesQuerySchema = z.object({
  page: z.coerce.number({ error: "page must be a number" }).int("page must be a whole number").min(1, "page starts at 1").default(1),
  page_size: z.coerce
    .number({ error: "page_size must be a number" })
    .int("page_size must be a whole number")
    .min(1, "page_size must be at least 1")
    .max(100, "page_size must be at most 100")
    .default(20),
  job_id: z.uuid({ error: "job_id must be a job id" }).optional(),
  status: z.enum(["pending", "delivered", "failed"], { error: 'status must be "pending", "delivered" or "failed"' }).optional(),
});
export type ListDeliveriesQuery = z.output<typeof listDeliveriesQuerySchema>;

export const webhookAttemptSchema = z.object({
  attempt: z.number().int().meta({ description: "1 for the first try; the queue's attempt number." }),
  url: z.string().meta({ description: "The address tried last: the callback_url, or where a 307/308 redirect led." }),
  started_at: z.iso.datetime(),
  duration_ms: z.number().int(),
  response_status: z.number().int().nullable().meta({ description: "The receiver's HTTP status; null when none answered." }),
  delivered: z.boolean(),
  error: z.string().nullable().meta({ description: "Why the attempt did not count as delivered." }),
});

export const webhookDeliverySchema = z.object({
  id: z.uuid().meta({ description: "Also sent in the Bloomery-Delivery header, so a receiver can drop duplicates." }),
  job_id: z.uuid(),
  url: z.string(),
  event: z.enum(["job.finished", "job.failed"]),
  status: z.enum(["pending", "delivered", "failed"]).meta({
    description: "pending: not delivered yet and will be tried again; delivered: a 2xx answer came; failed: given up.",
  }),
  api_key_id: z.uuid().nullable().meta({ description: "The key whose secret signed it; null → the account's secret." }),
  attempt_count: z.number().int(),
  created_at: z.iso.datetime(),
  next_attempt_at: z.iso.datetime().nullable(),
  delivered_at: z.iso.datetime().nullable(),
  attempts: z.array(webhookAttemptSchema),
});
export type WebhookDeliverySummary = z.output<typeof webhookDeliverySchema>;

export const webhookDeliveryPageSchema = z.object({
  deliveries: z.array(webhookDeliverySchema),
  page: z.number().int(),
  page_size: z.number().int(),
  total: z.number().int(),
});
export type WebhookDeliveryPage = z.output<typeof webhookDeliveryPageSchema>;

export const signingSecretSchema = z.object({
  secret: z.string().meta({ description: "The HMAC key: use the whole string, whsec_ prefix included." }),
  created_at: z.iso.datetime(),
  api_key: z
    .object({ id: z.uuid(), name: z.string(), prefix: z.string() })
    .nullable()
    .meta({ description: "The key whose jobs this secret signs; null → jobs started signed in." }),
});

export const signingSecretListSchema = z.object({ secrets: z.array(signingSecretSchema) });

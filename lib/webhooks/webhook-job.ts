import { z } from "zod";
import { getPool, type Queryable } from "../db";
import { env } from "../env";
import { JobFailedError, RetryLaterError } from "../jobs/job-errors";
import { defineJobKind, type JobContext } from "../jobs/types";
import { addressPolicyFromEnv, type AddressPolicy } from "./address-policy";
import { MAX_REDIRECTS, postWebhook } from "./post-webhook";
import { retryDelaySeconds, retryScheduleFromEnv, type RetrySchedule } from "./retry-schedule";
import { SIGNATURE_HEADER, signWebhookBody } from "./signature";
import { getSigningSecret } from "./signing-secrets";

export const webhookPayloadSchema = z.object({ deliveryId: z.uuid() });

/** Every attempt may follow redirects, each hop bounded by WEBHOOK_TIMEOUT_SECONDS; this bounds them all. */
export function webhookJobTimeoutSeconds(): number {
  return env.WEBHOOK_TIMEOUT_SECONDS * (MAX_REDIRECTS + 1) + 10;
}

/**
 * Delivers one webhook: one attempt per run. A failure the receiver may recover from is a
 * RetryLaterError, so the queue runs the job again after the backoff until its attempts (a day's
 * worth) run out; a refused address fails it at once. When the job fails for good, the job-ended
 * hook marks the delivery failed in the same transaction.
 */
export const webhookJob = defineJobKind({
  kind: "webhook",
  payloadSchema: webhookPayloadSchema,
  async handle({ deliveryId }, context) {
    return attemptDelivery(await getPool(), deliveryId, context);
  },
});

interface DeliveryRow {
  id: string;
  user_id: number;
  api_key_id: string | null;
  job_id: string;
  url: string;
  event: string;
  payload: unknown;
  status: "pending" | "delivered" | "failed";
}

export interface DeliverySettings {
  policy: AddressPolicy;
  schedule: RetrySchedule;
  timeoutMs: number;
}

function settingsFromEnv(): DeliverySettings {
  return { policy: addressPolicyFromEnv(), schedule: retryScheduleFromEnv(), timeoutMs: env.WEBHOOK_TIMEOUT_SECONDS * 1000 };
}

/** Makes one attempt and records it; throws to ask the queue for a retry, or to give up. */
export async function attemptDelivery(
  db: Queryable,
  deliveryId: string,
  context: Pick<JobContext, "attempt" | "maxAttempts" | "signal">,
  settings: DeliverySettings = settingsFromEnv(),
): Promise<{ status: string; attempts: number }> {
  const { rows } = await db.query<DeliveryRow>(
    `SELECT id, user_id, api_key_id, job_id, url, event, payload, status FROM webhook_deliveries WHERE id = $1`,
    [deliveryId],
  );
  const delivery = rows[0];
  // Deleted with its user, or settled by an earlier run whose job row did not get the news.
  if (!delivery || delivery.status !== "pending") return { status: delivery?.status ?? "deleted", attempts: 0 };

  const { secret } = await getSigningSecret(db, { userId: delivery.user_id, apiKeyId: delivery.api_key_id });
  const body = JSON.stringify(delivery.payload);
  const startedAt = new Date();
  const outcome = await postWebhook({
    url: delivery.url,
    body,
    headers: {
      "content-type": "application/json",
      "user-agent": "Bloomery-Webhooks/1",
      [SIGNATURE_HEADER]: signWebhookBody(secret, body, Math.floor(startedAt.getTime() / 1000)),
      "Bloomery-Event": delivery.event,
      "Bloomery-Delivery": delivery.id,
      "Bloomery-Job-Id": delivery.job_id,
    },
    policy: settings.policy,
    timeoutMs: settings.timeoutMs,
    signal: context.signal,
  });
  const durationMs = Date.now() - startedAt.getTime();
  const delaySeconds = retryDelaySeconds(context.attempt, settings.schedule);
  const willRetry = !outcome.isDelivered && !outcome.isRefused && context.attempt < context.maxAttempts;
  await db.query(
    `WITH attempt AS (
       INSERT INTO webhook_attempts (delivery_id, attempt, url, started_at, duration_ms, response_status, is_delivered, error)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (delivery_id, attempt) DO NOTHING
     )
     UPDATE webhook_deliveries SET attempt_count = attempt_count + 1,
       status = CASE WHEN $7 THEN 'delivered'::"WebhookDeliveryStatus" ELSE status END,
       delivered_at = CASE WHEN $7 THEN now() ELSE delivered_at END,
       next_attempt_at = CASE WHEN $9 THEN now() + make_interval(secs => $10) ELSE NULL END
     WHERE id = $1`,
    [
      delivery.id,
      context.attempt,
      outcome.url,
      startedAt,
      durationMs,
      outcome.responseStatus,
      outcome.isDelivered,
      outcome.error,
      willRetry,
      delaySeconds,
    ],
  );
  if (outcome.isDelivered) return { status: "delivered", attempts: context.attempt };
  if (outcome.isRefused) throw new JobFailedError(outcome.error ?? "the callback address was refused");
  throw new RetryLaterError(outcome.error ?? "the webhook was not delivered", delaySeconds);
}

import { enqueueJob } from "../jobs/enqueue-job";
import { toJobStatusResponse } from "../jobs/get-job-status";
import type { JobEndedHook } from "../jobs/types";
import { maxDeliveryAttempts, retryScheduleFromEnv } from "./retry-schedule";
import { webhookJob, webhookJobTimeoutSeconds, webhookPayloadSchema } from "./webhook-job";

/** How long the owner can see a delivery in their log. */
export const DELIVERY_LOG_DAYS = 30;

/**
 * When a job with a callback_url ends, records its delivery and queues the `webhook` job that sends
 * it, in the transaction that ended the job: no webhook for a job that did not end, and none lost
 * for one that did. The body is the job-status response at that moment, kept with the delivery so
 * retries send the same bytes even after the job's result has expired.
 */
export const queueWebhookDelivery: JobEndedHook = async (db, job) => {
  if (!job.callbackUrl || job.userId === null) return;
  const payload = toJobStatusResponse({ status: job.status, result: job.result, error: job.error });
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO webhook_deliveries (user_id, api_key_id, job_id, url, event, payload, next_attempt_at)
     VALUES ($1, (SELECT id FROM api_keys WHERE id = $2), $3, $4, $5, $6, now())
     ON CONFLICT (job_id) DO NOTHING
     RETURNING id`,
    [job.userId, job.apiKeyId, job.id, job.callbackUrl, `job.${job.status}`, JSON.stringify(payload)],
  );
  if (!rows[0]) return;
  await enqueueJob(
    db,
    webhookJob,
    { deliveryId: rows[0].id },
    { userId: job.userId, maxAttempts: maxDeliveryAttempts(retryScheduleFromEnv()), timeoutSeconds: webhookJobTimeoutSeconds() },
  );
  // The log is kept for a month; each new delivery clears its owner's older ones, so no timer is needed.
  await db.query(
    `DELETE FROM webhook_deliveries WHERE user_id = $1 AND created_at < now() - make_interval(days => $2)`,
    [job.userId, DELIVERY_LOG_DAYS],
  );
};

/** A `webhook` job that failed for good (attempts used up, address refused, worker lost) fails its delivery. */
export const markDeliveryGivenUp: JobEndedHook = async (db, job) => {
  if (job.kind !== webhookJob.kind || job.status !== "failed") return;
  const parsed = webhookPayloadSchema.safeParse(job.payload);
  if (!parsed.success) return;
  await db.query(
    `UPDATE webhook_deliveries SET status = 'failed', next_attempt_at = NULL WHERE id = $1 AND status = 'pending'`,
    [parsed.data.deliveryId],
  );
};

import { ingestJob } from "../documents/ingest-job";
import { generateJob } from "../generation/generate-job";
import { markDeliveryGivenUp, queueWebhookDelivery } from "../webhooks/queue-webhook-delivery";
import { webhookJob } from "../webhooks/webhook-job";
import type { JobEndedHook, JobKind } from "./types";

/** Every kind of job this version of Bloomery can run. */
export const JOB_KINDS: JobKind<any, any>[] = [generateJob, ingestJob, webhookJob];

/** Run in the transaction that ends any job: a callback_url gets its webhook queued. */
export const JOB_ENDED_HOOKS: JobEndedHook[] = [queueWebhookDelivery, markDeliveryGivenUp];

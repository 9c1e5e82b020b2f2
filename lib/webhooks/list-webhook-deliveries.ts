import type { PrismaClient } from "../generated/prisma/client";
import type { ListDeliveriesQuery, WebhookDeliveryPage } from "./webhook-schemas";

/** The owner's webhook deliveries, newest first, each with every attempt it took. */
export async function listWebhookDeliveries(prisma: PrismaClient, userId: number, query: ListDeliveriesQuery): Promise<WebhookDeliveryPage> {
  const where = { userId, ...(query.job_id ? { jobId: query.job_id } : {}), ...(query.status ? { status: query.status } : {}) };
  const [rows, total] = await Promise.all([
    prisma.webhookDelivery.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (query.page - 1) * query.page_size,
      take: query.page_size,
      include: { attempts: { orderBy: { attempt: "asc" } } },
    }),
    prisma.webhookDelivery.count({ where }),
  ]);
  return {
    deliveries: rows.map((row) => ({
      id: row.id,
      job_id: row.jobId,
      url: row.url,
      event: row.event as "job.finished" | "job.failed",
      status: row.status,
      api_key_id: row.apiKeyId,
      attempt_count: row.attemptCount,
      created_at: row.createdAt.toISOString(),
      next_attempt_at: row.nextAttemptAt?.toISOString() ?? null,
      delivered_at: row.deliveredAt?.toISOString() ?? null,
      attempts: row.attempts.map((attempt) => ({
        attempt: attempt.attempt,
        url: attempt.url,
        started_at: attempt.startedAt.toISOString(),
        duration_ms: attempt.durationMs,
        response_status: attempt.responseStatus,
        delivered: attempt.isDelivered,
        error: attempt.error,
      })),
    })),
    page: query.page,
    page_size: query.page_size,
    total,
  };
}

import { z } from "zod";
import type pg from "pg";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { defineJobKind } from "@/lib/jobs/types";
import { JobWorker } from "@/lib/jobs/worker";
import { percentile } from "./bench-database";

const noop = defineJobKind({ kind: "bench-noop", payloadSchema: z.object({ i: z.number() }), handle: async () => ({ ok: true }) });

/**
 * Enqueue-to-started latency with an idle worker: one job at a time, measured on the database's own
 * clock (started_at − created_at), so client scheduling does not blur it.
 */
export async function measureEnqueueToStarted(pool: pg.Pool, url: string, samples = 200) {
  // Polling is set far apart so the figure is NOTIFY's, the path an idle instance really takes.
  const worker = new JobWorker({ pool, url, kinds: [noop], concurrency: 2, leaseSeconds: 30, ttlSeconds: 3600, pollMs: 10_000 });
  await worker.start();
  const latencies: number[] = [];
  try {
    for (let i = 0; i < samples + 10; i++) {
      const { id } = await enqueueJob(pool, noop, { i });
      for (;;) {
        const { rows } = await pool.query<{ ms: number | null; status: string }>(
          "SELECT status, extract(epoch FROM (started_at - created_at)) * 1000 AS ms FROM jobs WHERE id = $1",
          [id],
        );
        if (rows[0].status === "finished") {
          if (i >= 10) latencies.push(Number(rows[0].ms));
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    }
  } finally {
    await worker.stop(1000);
  }
  latencies.sort((a, b) => a - b);
  return { samples: latencies.length, p50: percentile(latencies, 50), p95: percentile(latencies, 95) };
}

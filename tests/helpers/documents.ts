import type pg from "pg";
import { JOB_KINDS } from "@/lib/jobs/registry";
import { JobWorker } from "@/lib/jobs/worker";
import type { TestDatabase } from "./test-database";

/** A multipart body with `file` (and any text fields), as a browser or `curl -F` sends it. */
export function uploadForm(bytes: Uint8Array, fileName: string, fields: Record<string, string> = {}): FormData {
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(bytes)]), fileName);
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return form;
}

/** The real worker with every registered job kind, polling fast, on the test's database. */
export async function startTestWorker(db: TestDatabase, overrides: Partial<ConstructorParameters<typeof JobWorker>[0]> = {}) {
  const worker = new JobWorker({
    pool: db.pool,
    url: db.url,
    kinds: JOB_KINDS,
    concurrency: 2,
    leaseSeconds: 30,
    ttlSeconds: 3600,
    pollMs: 50,
    ...overrides,
  });
  await worker.start();
  return worker;
}

/** Waits until the job is finished, failed or canceled, and returns its row. */
export async function waitForJob(pool: pg.Pool, jobId: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await pool.query<{ status: string; result: unknown; error: string | null }>(
      `SELECT status, result, error FROM jobs WHERE id = $1`,
      [jobId],
    );
    if (rows[0] && ["finished", "failed", "canceled"].includes(rows[0].status)) return rows[0];
    if (Date.now() > deadline) throw new Error(`job ${jobId} still ${rows[0]?.status ?? "missing"} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

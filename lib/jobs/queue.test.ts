import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";
import { claimJobs } from "./claim-jobs";
import { enqueueJob } from "./enqueue-job";
import { getJobStatus } from "./get-job-status";
import { completeJob, failJob, renewLeases } from "./job-lease";
import { sweepJobs } from "./sweep-jobs";
import { defineJobKind, type JobRow } from "./types";
import { JobWorker } from "./worker";
import { JobFailedError, RetryLaterError } from "./job-errors";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});
beforeEach(async () => {
  await db.pool.query("DELETE FROM jobs");
});

const echoKind = defineJobKind({
  kind: "echo",
  payloadSchema: z.object({ value: z.number() }),
  async handle(payload, context) {
    await context.reportProgress({ done: 1, total: 1 });
    return { doubled: payload.value * 2 };
  },
});

/** Waits for its signal and never finishes on its own: a stand-in for slow work. */
const waitKind = defineJobKind({
  kind: "wait",
  payloadSchema: z.object({}),
  handle: (_payload, context) =>
    new Promise((_resolve, reject) => {
      context.signal.addEventListener("abort", () => reject(context.signal.reason));
    }),
});

/** Ignores its signal entirely; the worker must still enforce the timeout. */
const stubbornKind = defineJobKind({
  kind: "stubborn",
  payloadSchema: z.object({}),
  handle: () => new Promise(() => {}),
});

const failingKind = defineJobKind({
  kind: "failing",
  payloadSchema: z.object({ secret: z.boolean() }),
  async handle(payload) {
    if (payload.secret) throw new Error("ECONNREFUSED 10.0.0.3:6379 at Socket.connect (internal/net.js:1)");
    throw new JobFailedError("The material is too short to ask about.");
  },
});

let retryCalls = 0;
const flakyKind = defineJobKind({
  kind: "flaky",
  payloadSchema: z.object({}),
  async handle() {
    retryCalls += 1;
    if (retryCalls < 3) throw new RetryLaterError("The receiver did not answer", 0);
    return { calls: retryCalls };
  },
});

function createWorker(overrides: Partial<ConstructorParameters<typeof JobWorker>[0]> = {}) {
  return new JobWorker({
    pool: db.pool,
    url: db.url,
    kinds: [echoKind, waitKind, stubbornKind, failingKind, flakyKind],
    concurrency: 2,
    leaseSeconds: 30,
    ttlSeconds: 3600,
    pollMs: 50,
    ...overrides,
  });
}

async function waitForStatus(jobId: string, statuses: string[], timeoutMs = 15_000): Promise<JobRow> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await db.pool.query<JobRow>("SELECT * FROM jobs WHERE id = $1", [jobId]);
    if (rows[0] && statuses.includes(rows[0].status)) return rows[0];
    if (Date.now() > deadline) throw new Error(`job ${jobId} stayed ${rows[0]?.status}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe("claiming", () => {
  it("gives each job to exactly one of many concurrent claimers", async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 200; i++) ids.add((await enqueueJob(db.pool, echoKind, { value: i })).id);
    const claimedBy = new Map<string, string[]>();
    await Promise.all(
      Array.from({ length: 12 }, async (_, claimer) => {
        for (;;) {
          const jobs = await claimJobs(db.pool, `claimer-${claimer}`, ["echo"], 3);
          if (jobs.length === 0) return;
          for (const job of jobs) claimedBy.set(job.id, [...(claimedBy.get(job.id) ?? []), `claimer-${claimer}`]);
        }
      }),
    );
    expect(claimedBy.size).toBe(200);
    expect([...claimedBy.values()].every((claimers) => claimers.length === 1)).toBe(true);
    expect(new Set(claimedBy.keys())).toEqual(ids);
    const { rows } = await db.pool.query("SELECT count(*)::int AS n FROM jobs WHERE status = 'started' AND attempts = 1");
    expect(rows[0].n).toBe(200);
  });

  it("claims only kinds it knows and only jobs whose time has come", async () => {
    await enqueueJob(db.pool, echoKind, { value: 1 }, { runAfter: new Date(Date.now() + 60_000) });
    const { id } = await enqueueJob(db.pool, waitKind, {});
    expect(await claimJobs(db.pool, "w", ["echo"], 5)).toEqual([]);
    const claimed = await claimJobs(db.pool, "w", ["echo", "wait"], 5);
    expect(claimed.map((job) => job.id)).toEqual([id]);
  });

  it("refuses a payload that does not match the kind's schema", async () => {
    await expect(enqueueJob(db.pool, echoKind, { value: "x" } as never)).rejects.toThrow();
  });
});

describe("leases", () => {
  it("gives a job whose worker stopped heartbeating to another worker, which finishes it exactly once", async () => {
    const { id } = await enqueueJob(db.pool, echoKind, { value: 2 });
    const [job] = await claimJobs(db.pool, "dead-worker", ["echo"], 1);
    expect(job.id).toBe(id);
    // The first worker's process died 20 s ago: its heartbeat is that old.
    await db.pool.query("UPDATE jobs SET heartbeat_at = now() - interval '20 seconds' WHERE id = $1", [id]);
    const sweep = await sweepJobs(db.pool, { staleAfterSeconds: 18, ttlSeconds: 3600 });
    expect(sweep.requeued).toEqual([id]);
    const [again] = await claimJobs(db.pool, "live-worker", ["echo"], 1);
    expect(again.id).toBe(id);
    expect(again.attempts).toBe(2);
    // The dead worker coming back late cannot finish or fail what is no longer its job.
    expect(await completeJob(db.pool, "dead-worker", id, { doubled: 999 }, 3600)).toBe(false);
    expect(await failJob(db.pool, "dead-worker", id, "late", 3600)).toBe(false);
    expect(await completeJob(db.pool, "live-worker", id, { doubled: 4 }, 3600)).toBe(true);
    expect(await getJobStatus(db.pool, id)).toEqual({ status: "finished", result: { doubled: 4 } });
  });

  it("leaves jobs with a fresh heartbeat alone", async () => {
    const { id } = await enqueueJob(db.pool, echoKind, { value: 2 });
    await claimJobs(db.pool, "busy-worker", ["echo"], 1);
    await renewLeases(db.pool, "busy-worker", [id]);
    const sweep = await sweepJobs(db.pool, { staleAfterSeconds: 18, ttlSeconds: 3600 });
    expect(sweep.requeued).toEqual([]);
    expect((await getJobStatus(db.pool, id)).status).toBe("started");
  });

  it("fails a job that kept killing its worker after 3 attempts, with a clear error", async () => {
    const { id } = await enqueueJob(db.pool, echoKind, { value: 3 });
    for (let attempt = 1; attempt <= 3; attempt++) {
      const [job] = await claimJobs(db.pool, `victim-${attempt}`, ["echo"], 1);
      expect(job?.attempts).toBe(attempt);
      await db.pool.query("UPDATE jobs SET heartbeat_at = now() - interval '1 minute' WHERE id = $1", [id]);
      await sweepJobs(db.pool, { staleAfterSeconds: 18, ttlSeconds: 3600 });
    }
    expect(await claimJobs(db.pool, "next", ["echo"], 1)).toEqual([]);
    expect(await getJobStatus(db.pool, id)).toEqual({
      status: "failed",
      error: "The job stopped its worker 3 times and was given up.",
    });
  });

  it("lets only one sweeper run at a time", async () => {
    const results = await Promise.all(
      Array.from({ length: 6 }, () => sweepJobs(db.pool, { staleAfterSeconds: 18, ttlSeconds: 3600 })),
    );
    expect(results.some((result) => result.ran)).toBe(true);
  });
});

describe("result lifetime", () => {
  it("answers {status: null} once a result has expired, and the sweeper deletes the row", async () => {
    const { id } = await enqueueJob(db.pool, echoKind, { value: 5 });
    await claimJobs(db.pool, "w", ["echo"], 1);
    await completeJob(db.pool, "w", id, { doubled: 10 }, 3600);
    expect((await getJobStatus(db.pool, id)).status).toBe("finished");
    await db.pool.query("UPDATE jobs SET expires_at = now() - interval '1 second' WHERE id = $1", [id]);
    expect(await getJobStatus(db.pool, id)).toEqual({ status: null });
    const sweep = await sweepJobs(db.pool, { staleAfterSeconds: 18, ttlSeconds: 3600 });
    expect(sweep.deleted).toBe(1);
    const { rowCount } = await db.pool.query("SELECT 1 FROM jobs WHERE id = $1", [id]);
    expect(rowCount).toBe(0);
  });

  it("answers {status: null} for unknown and malformed ids", async () => {
    expect(await getJobStatus(db.pool, "3f1c9a52-8a0e-4f6e-9a57-1d2b3c4d5e6f")).toEqual({ status: null });
    expect(await getJobStatus(db.pool, "not-a-uuid")).toEqual({ status: null });
    expect(await getJobStatus(db.pool, "'; DROP TABLE jobs; --")).toEqual({ status: null });
    expect(await getJobStatus(db.pool, null)).toEqual({ status: null });
  });
});

describe("the worker", () => {
  it("runs a queued job to completion, woken by NOTIFY, and reports its result", async () => {
    const worker = createWorker({ pollMs: 60_000 });
    await worker.start();
    try {
      const { id } = await enqueueJob(db.pool, echoKind, { value: 21 });
      const job = await waitForStatus(id, ["finished"]);
      expect(job.result).toEqual({ doubled: 42 });
      expect(job.expires_at!.getTime() - job.finished_at!.getTime()).toBe(3600_000);
    } finally {
      await worker.stop(1000);
    }
  });

  it("aborts a job at its timeout and fails it with the contract's message, even if the handler ignores the signal", async () => {
    const worker = createWorker();
    await worker.start();
    try {
      const polite = await enqueueJob(db.pool, waitKind, {}, { timeoutSeconds: 1 });
      const stubborn = await enqueueJob(db.pool, stubbornKind, {}, { timeoutSeconds: 1 });
      expect((await waitForStatus(polite.id, ["failed"])).error).toBe("Job timed out after 1 second");
      expect((await waitForStatus(stubborn.id, ["failed"])).error).toBe("Job timed out after 1 second");
    } finally {
      await worker.stop(1000);
    }
  });

  it("stores a handler's own message for users, and a generic one instead of internal details", async () => {
    const worker = createWorker();
    await worker.start();
    try {
      const plain = await enqueueJob(db.pool, failingKind, { secret: false });
      const internal = await enqueueJob(db.pool, failingKind, { secret: true });
      expect(await waitForStatus(plain.id, ["failed"]).then(() => getJobStatus(db.pool, plain.id))).toEqual({
        status: "failed",
        error: "The material is too short to ask about.",
      });
      const failed = await waitForStatus(internal.id, ["failed"]);
      expect(failed.error).toBe("The job failed because of an internal error; please try again.");
      expect(failed.error).not.toMatch(/ECONNREFUSED|at /);
    } finally {
      await worker.stop(1000);
    }
  });

  it("retries a job that asks to be retried later, within its attempts", async () => {
    retryCalls = 0;
    const worker = createWorker();
    await worker.start();
    try {
      const { id } = await enqueueJob(db.pool, flakyKind, {});
      const job = await waitForStatus(id, ["finished", "failed"]);
      expect(job.status).toBe("finished");
      expect(job.attempts).toBe(3);
      expect(job.result).toEqual({ calls: 3 });
    } finally {
      await worker.stop(1000);
    }
  });

  it("runs at most `concurrency` jobs at a time", async () => {
    const worker = createWorker({ concurrency: 2 });
    await worker.start();
    try {
      for (let i = 0; i < 4; i++) await enqueueJob(db.pool, waitKind, {});
      await new Promise((resolve) => setTimeout(resolve, 500));
      const { rows } = await db.pool.query("SELECT status, count(*)::int AS n FROM jobs GROUP BY status ORDER BY status");
      expect(rows).toEqual([
        { status: "queued", n: 2 },
        { status: "started", n: 2 },
      ]);
    } finally {
      await worker.stop(100);
    }
  });

  it("on shutdown stops claiming, lets quick jobs finish and hands the rest back unharmed", async () => {
    const worker = createWorker({ concurrency: 1 });
    await worker.start();
    const { id } = await enqueueJob(db.pool, waitKind, {});
    await waitForStatus(id, ["started"]);
    const waiting = await enqueueJob(db.pool, echoKind, { value: 1 });
    await worker.stop(200);
    const handedBack = await waitForStatus(id, ["queued"]);
    expect(handedBack.locked_by).toBeNull();
    expect(handedBack.attempts).toBe(0);
    expect((await waitForStatus(waiting.id, ["queued"])).attempts).toBe(0);
    // Another instance picks it up straight away.
    const [claimed] = await claimJobs(db.pool, "successor", ["wait"], 1);
    expect(claimed.id).toBe(id);
  });
});

import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { POST as createKeyRoute } from "@/app/api/api-keys/route";
import { POST as generateRoute } from "@/app/api/generate/route";
import { GET as jobStatusRoute } from "@/app/api/job_status/route";
import { GET as deliveriesRoute } from "@/app/api/webhooks/deliveries/route";
import { GET as secretsRoute } from "@/app/api/webhooks/secrets/route";
import { POST as rotateRoute } from "@/app/api/webhooks/secrets/rotate/route";
import { AppError } from "@/lib/errors";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { JobFailedError } from "@/lib/jobs/job-errors";
import { JOB_ENDED_HOOKS, JOB_KINDS } from "@/lib/jobs/registry";
import { sweepJobs } from "@/lib/jobs/sweep-jobs";
import { defineJobKind } from "@/lib/jobs/types";
import { JobWorker } from "@/lib/jobs/worker";
import { bearer, createTestAccount, type TestAccount } from "@/tests/helpers/accounts";
import { callRoute } from "@/tests/helpers/call-route";
import { useTestDatabase } from "@/tests/helpers/use-test-database";
import { prepareCallback } from "./callback-url";
import { verifyWebhookSignature } from "./signature";
import { startWebhookReceiver, type WebhookReceiver } from "./test-receiver";

// Loopback is allowed by this file's configuration (the receivers live there); every other private
// network stays refused. Retries wait 0.2 s, then 0.4 s, for a 1 s window: four attempts in all.
const savedEnv = vi.hoisted(() => {
  const names = ["WEBHOOK_ALLOWED_NETWORKS", "WEBHOOK_RETRY_BASE_SECONDS", "WEBHOOK_RETRY_MAX_DELAY_SECONDS", "WEBHOOK_RETRY_WINDOW_SECONDS", "WEBHOOK_TIMEOUT_SECONDS"];
  const saved = Object.fromEntries(names.map((name) => [name, process.env[name]]));
  Object.assign(process.env, {
    WEBHOOK_ALLOWED_NETWORKS: "127.0.0.0/8",
    WEBHOOK_RETRY_BASE_SECONDS: "0.2",
    WEBHOOK_RETRY_MAX_DELAY_SECONDS: "0.4",
    WEBHOOK_RETRY_WINDOW_SECONDS: "1",
    WEBHOOK_TIMEOUT_SECONDS: "2",
  });
  return saved;
});

/** Finishes at once with a fixed result, or fails when asked: jobs whose end is the point. */
const quickKind = defineJobKind({
  kind: "quick",
  payloadSchema: z.object({ fail: z.boolean().default(false) }),
  async handle(payload) {
    if (payload.fail) throw new JobFailedError("The material is too short to ask about.");
    return { mcqs: [] };
  },
});

const db = useTestDatabase();
let worker: JobWorker;
let alice: TestAccount;
let aliceKey: { id: string; key: string };
const receivers: WebhookReceiver[] = [];

beforeAll(async () => {
  alice = await createTestAccount("alice");
  const created = await callRoute(createKeyRoute, { method: "POST", path: "/api/api-keys", json: { name: "LMS" }, headers: bearer(alice.token) });
  aliceKey = created.body;
  worker = new JobWorker({
    pool: db.pool,
    url: db.url,
    kinds: [...JOB_KINDS, quickKind],
    concurrency: 4,
    leaseSeconds: 30,
    ttlSeconds: 3600,
    pollMs: 50,
    onJobEnded: JOB_ENDED_HOOKS,
  });
  await worker.start();
});
afterAll(async () => {
  await worker?.stop(1000);
  await Promise.all(receivers.map((receiver) => receiver.close()));
  for (const [name, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

async function receiver(reply?: Parameters<typeof startWebhookReceiver>[0]): Promise<WebhookReceiver> {
  const started = await startWebhookReceiver(reply);
  receivers.push(started);
  return started;
}

async function secretFor(apiKeyId: string | null): Promise<string> {
  const { body } = await callRoute(secretsRoute, { path: "/api/webhooks/secrets", headers: bearer(alice.token) });
  return body.secrets.find((entry: { api_key: { id: string } | null }) => (entry.api_key?.id ?? null) === apiKeyId).secret;
}

async function deliveryOf(jobId: string, { settled = true } = {}) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const { body } = await callRoute(deliveriesRoute, { path: `/api/webhooks/deliveries?job_id=${jobId}`, headers: bearer(alice.token) });
    const delivery = body.deliveries[0];
    if (delivery && (!settled || delivery.status !== "pending")) return delivery;
    if (Date.now() > deadline) throw new Error(`no settled delivery for job ${jobId}: ${JSON.stringify(body)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const quickJob = (callbackUrl: string, { fail = false, viaKey = true } = {}) =>
  enqueueJob(db.pool, quickKind, { fail }, { userId: alice.id, callbackUrl, apiKeyId: viaKey ? aliceKey.id : undefined });

const material = [
  "The heart pumps blood through the body.",
  "Arteries carry blood away from the heart to the organs.",
  "Veins return blood to the heart after it has delivered oxygen.",
  "The lungs add oxygen to the blood and remove carbon dioxide.",
].join(" ");

describe("webhooks", () => {
  it("POSTs the job_status body to callback_url when a generation finishes, signed with the API key's secret", async () => {
    const hook = await receiver();
    const started = await callRoute(generateRoute, {
      method: "POST",
      path: "/api/generate",
      json: { text: material, blooms: { remember: 2 }, callback_url: `${hook.url}/bloomery?source=lms` },
      headers: bearer(aliceKey.key),
    });
    expect(started.status).toBe(202);
    const [sent] = await hook.waitFor(1, 60_000);
    const status = await callRoute(jobStatusRoute, { path: `/api/job_status?job_id=${started.body.job_id}` });
    expect(status.body.status).toBe("finished");
    expect(JSON.parse(sent.body)).toEqual(status.body);
    expect(sent.path).toBe("/bloomery?source=lms");
    expect(sent.headers["content-type"]).toBe("application/json");
    expect(sent.headers["bloomery-event"]).toBe("job.finished");
    expect(sent.headers["bloomery-job-id"]).toBe(started.body.job_id);
    expect(verifyWebhookSignature(await secretFor(aliceKey.id), sent.headers["bloomery-signature"] as string, sent.body)).toBe(true);
    expect(verifyWebhookSignature(await secretFor(null), sent.headers["bloomery-signature"] as string, sent.body)).toBe(false);

    const delivery = await deliveryOf(started.body.job_id);
    expect(delivery).toMatchObject({
      id: sent.headers["bloomery-delivery"],
      status: "delivered",
      event: "job.finished",
      api_key_id: aliceKey.id,
      attempt_count: 1,
      next_attempt_at: null,
      attempts: [{ attempt: 1, response_status: 200, delivered: true, error: null, duration_ms: expect.any(Number) }],
    });
  });

  it("signs a signed-in user's jobs with the account's secret, and a rotated secret from then on", async () => {
    const hook = await receiver();
    const before = await secretFor(null);
    const first = await quickJob(`${hook.url}/a`, { viaKey: false });
    const [sent] = await hook.waitFor(1);
    expect(verifyWebhookSignature(before, sent.headers["bloomery-signature"] as string, sent.body)).toBe(true);
    expect((await deliveryOf(first.id)).api_key_id).toBeNull();

    const rotated = await callRoute(rotateRoute, { method: "POST", path: "/api/webhooks/secrets/rotate", json: {}, headers: bearer(alice.token) });
    expect(rotated.status).toBe(200);
    expect(rotated.body).toMatchObject({ api_key: null, secret: expect.stringMatching(/^whsec_/) });
    expect(rotated.body.secret).not.toBe(before);
    await quickJob(`${hook.url}/b`, { viaKey: false });
    const [, second] = await hook.waitFor(2);
    expect(verifyWebhookSignature(rotated.body.secret, second.headers["bloomery-signature"] as string, second.body)).toBe(true);
    expect(verifyWebhookSignature(before, second.headers["bloomery-signature"] as string, second.body)).toBe(false);
  });

  it("sends failed jobs too, as job_status shows them", async () => {
    const hook = await receiver();
    const job = await quickJob(hook.url, { fail: true });
    const [sent] = await hook.waitFor(1);
    expect(JSON.parse(sent.body)).toEqual({ status: "failed", error: "The material is too short to ask about." });
    expect(sent.headers["bloomery-event"]).toBe("job.failed");
    expect((await deliveryOf(job.id)).status).toBe("delivered");
  });

  it("retries a receiver that answers 500 twice, then 200: three attempts, each recorded", async () => {
    const hook = await receiver((turn) => ({ status: turn < 2 ? 500 : 200 }));
    const job = await quickJob(hook.url);
    const sent = await hook.waitFor(3);
    const delivery = await deliveryOf(job.id);
    expect(delivery.status).toBe("delivered");
    expect(delivery.attempts).toEqual([
      expect.objectContaining({ attempt: 1, response_status: 500, delivered: false, error: "the receiver answered 500" }),
      expect.objectContaining({ attempt: 2, response_status: 500, delivered: false, error: "the receiver answered 500" }),
      expect.objectContaining({ attempt: 3, response_status: 200, delivered: true, error: null }),
    ]);
    // Backoff: the second retry waited longer than the first, and every attempt sent the same body.
    const [first, second, third] = delivery.attempts.map((attempt: { started_at: string }) => Date.parse(attempt.started_at));
    expect(second - first).toBeGreaterThanOrEqual(200);
    expect(third - second).toBeGreaterThanOrEqual(400);
    expect(new Set(sent.map((request) => request.body)).size).toBe(1);
    expect(new Set(sent.map((request) => request.headers["bloomery-delivery"])).size).toBe(1);
    expect(sent.length).toBe(3);
  });

  it("gives up when the retry window is used up, and says so", async () => {
    const hook = await receiver(() => ({ status: 503 }));
    const job = await quickJob(hook.url);
    const delivery = await deliveryOf(job.id);
    expect(delivery).toMatchObject({ status: "failed", attempt_count: 4, next_attempt_at: null, delivered_at: null });
    expect(hook.received).toHaveLength(4);
  });

  it("records a receiver that cannot be reached as a failed attempt with the reason", async () => {
    const hook = await receiver();
    await hook.close();
    const job = await quickJob(hook.url);
    const delivery = await deliveryOf(job.id);
    expect(delivery.status).toBe("failed");
    expect(delivery.attempts[0]).toMatchObject({ response_status: null, delivered: false, error: "connection refused" });
  });

  it("refuses a redirect to a private address without following it", async () => {
    const hook = await receiver(() => ({ status: 307, headers: { location: "http://169.254.169.254/latest/meta-data/" } }));
    const job = await quickJob(hook.url);
    const delivery = await deliveryOf(job.id);
    expect(delivery.status).toBe("failed");
    expect(delivery.attempts).toHaveLength(1);
    expect(delivery.attempts[0]).toMatchObject({
      url: "http://169.254.169.254/latest/meta-data/",
      delivered: false,
      response_status: null,
      error: "redirect refused: 169.254.169.254 is not a public address (link-local)",
    });
    expect(hook.received).toHaveLength(1);
  });

  it("follows a 307 to an allowed address, checking that hop too; other redirects are not followed", async () => {
    const target = await receiver();
    const hop = await receiver(() => ({ status: 307, headers: { location: `${target.url}/final` } }));
    const followed = await quickJob(hop.url);
    const [arrived] = await target.waitFor(1);
    expect(arrived.path).toBe("/final");
    expect(await deliveryOf(followed.id)).toMatchObject({ status: "delivered", attempts: [{ url: `${target.url}/final`, response_status: 200 }] });

    const moved = await receiver(() => ({ status: 302, headers: { location: `${target.url}/elsewhere` } }));
    const notFollowed = await quickJob(moved.url);
    const delivery = await deliveryOf(notFollowed.id);
    expect(delivery.attempts[0]).toMatchObject({ response_status: 302, error: expect.stringContaining("redirect (302) not followed") });
    expect(target.received.map((request) => request.path)).toEqual(["/final"]);
  });

  it("queues the webhook of a job the sweeper gives up on, in the sweep's transaction", async () => {
    const hook = await receiver();
    const { id } = await quickJob(hook.url);
    // As if its worker died holding it on its last attempt.
    await db.pool.query(
      `UPDATE jobs SET status = 'started', locked_by = 'dead', attempts = max_attempts, heartbeat_at = now() - interval '1 hour' WHERE id = $1`,
      [id],
    );
    await sweepJobs(db.pool, { staleAfterSeconds: 60, ttlSeconds: 3600, onJobEnded: JOB_ENDED_HOOKS });
    const [sent] = await hook.waitFor(1);
    expect(JSON.parse(sent.body)).toMatchObject({ status: "failed", error: expect.stringContaining("given up") });
  });
});

describe("callback_url at request time", () => {
  it("refuses private, loopback and link-local addresses by default, after resolving the name", async () => {
    const strict = { policy: { allowPrivate: false, allowedNetworks: [] } };
    const auth = { user: { id: alice.id, name: alice.name, email: alice.email }, via: "bearer" as const };
    for (const url of [
      "http://127.0.0.1:8080/hook",
      "http://localhost/hook",
      "http://10.0.0.5/hook",
      "http://[::1]/hook",
      "http://[::ffff:169.254.169.254]/",
      "http://100.64.1.1/",
      "http://0.0.0.0/",
    ]) {
      const refused = await prepareCallback(url, auth, strict).then(
        () => null,
        (error: unknown) => error,
      );
      expect(refused, url).toBeInstanceOf(AppError);
      expect((refused as AppError).status).toBe(400);
      expect((refused as AppError).message).toMatch(/^callback_url is refused: .*not a public address/);
    }
    const lookupHost = async () => [{ address: "93.184.216.34", family: 4 as const }];
    expect(await prepareCallback("https://hooks.example.org/x", auth, { ...strict, lookupHost })).toEqual({
      callbackUrl: "https://hooks.example.org/x",
      apiKeyId: undefined,
    });
  });

  it("answers 400 naming callback_url for a refused or malformed address, and 401 for an anonymous caller", async () => {
    const generate = (json: unknown, headers: Record<string, string> = bearer(aliceKey.key)) =>
      callRoute(generateRoute, { method: "POST", path: "/api/generate", json, headers });
    const privateAddress = await generate({ text: material, callback_url: "http://10.1.2.3/hook" });
    expect(privateAddress.status).toBe(400);
    expect(privateAddress.body.error.issues).toEqual([
      { path: "callback_url", message: "callback_url is refused: 10.1.2.3 is not a public address (private)" },
    ]);
    const malformed = await generate({ text: material, callback_url: "ftp://example.org/x" });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.issues).toEqual([{ path: "callback_url", message: "callback_url must be an absolute http:// or https:// URL" }]);
    const withPassword = await generate({ text: material, callback_url: "https://user:pw@example.org/x" });
    expect(withPassword.body.error.issues[0].message).toMatch(/user name or password/);
    const anonymous = await generate({ text: material, callback_url: "https://example.org/x" }, {});
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.detail).toMatch(/callback_url needs an API key or a signed-in user/);
    const { rows } = await db.pool.query(`SELECT count(*)::int AS n FROM jobs WHERE callback_url IS NOT NULL AND kind = 'generate'`);
    expect(rows[0].n).toBe(1);
  });
});

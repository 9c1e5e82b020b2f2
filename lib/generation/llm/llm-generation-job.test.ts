import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { apiError, startFakeOpenAiServer, type FakeOpenAiServer } from "@/tests/helpers/fake-openai-server";
import { callRoute } from "@/tests/helpers/call-route";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";
import { MATERIAL, answerAsModel, readTask, replyWith, writeQuestions } from "./test-fixtures";

// End to end: POST /api/generate → the real "generate" job kind on the real worker → the fake
// server as the model → GET /api/job_status, with the language model configured as a user would.
const KEY = "sk-e2e-right-key-0123456789abcdef";
const JOB_TIMEOUT_SECONDS = 4;

let server: FakeOpenAiServer;
let db: TestDatabase;
let stopWorker: () => Promise<void>;
let closeDatabase: () => Promise<void>;
let POST: (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
let GET: typeof POST;

beforeAll(async () => {
  server = await startFakeOpenAiServer({ apiKey: KEY, models: ["fake-model"] });
  // lib/env reads the environment once, when first imported: set it, then load fresh modules.
  vi.stubEnv("LLM_BASE_URL", server.baseUrl);
  vi.stubEnv("LLM_MODEL", "fake-model");
  vi.stubEnv("LLM_API_KEY", KEY);
  vi.stubEnv("LLM_TIMEOUT_SECONDS", "30");
  vi.stubEnv("JOB_TIMEOUT_SECONDS", String(JOB_TIMEOUT_SECONDS));
  vi.resetModules();
  db = await createTestDatabase();
  const dbModule = await import("@/lib/db");
  await dbModule.useDatabase(db.url);
  closeDatabase = dbModule.closeDatabase;
  ({ POST } = await import("@/app/api/generate/route"));
  ({ GET } = await import("@/app/api/job_status/route"));
  const { JobWorker } = await import("@/lib/jobs/worker");
  const { generateJob } = await import("@/lib/generation/generate-job");
  const worker = new JobWorker({ pool: db.pool, url: db.url, kinds: [generateJob], concurrency: 2, leaseSeconds: 30, ttlSeconds: 3600, pollMs: 50 });
  await worker.start();
  stopWorker = () => worker.stop(2_000);
});
afterAll(async () => {
  await stopWorker?.();
  await closeDatabase?.();
  await db?.drop();
  await server?.close();
  vi.unstubAllEnvs();
});
beforeEach(() => {
  server.requests.length = 0;
  server.onChat(answerAsModel);
});

async function startJob(body: Record<string, unknown>): Promise<string> {
  const response = await callRoute(POST, { method: "POST", path: "/api/generate", json: { text: MATERIAL, ...body } });
  expect(response.status).toBe(202);
  return response.body.job_id;
}

/** Polls GET /api/job_status as a client would, until the job ends. */
async function waitForEnd(jobId: string): Promise<any> {
  for (;;) {
    const { body } = await callRoute(GET, { path: `/api/job_status?job_id=${jobId}` });
    if (body.status === "finished" || body.status === "failed") return body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function rowOf(jobId: string) {
  const { rows } = await db.pool.query("SELECT payload, usage, error FROM jobs WHERE id = $1", [jobId]);
  return rows[0];
}

describe("a generation job on the language model", () => {
  it("uses the configured model by default and finishes with exactly the counts asked for, usage recorded", async () => {
    const jobId = await startJob({ blooms: "2 remember, 1 apply" });
    const status = await waitForEnd(jobId);
    expect(status.status).toBe("finished");
    expect(status.result.mcqs.map((mcq: { bloom_level: string }) => mcq.bloom_level)).toEqual(["remember", "remember", "apply"]);
    expect(status.result.mcqs.every((mcq: { generator: string }) => mcq.generator === "llm")).toBe(true);
    expect(status.result.warnings).toBeUndefined();
    const row = await rowOf(jobId);
    expect(row.payload.generator).toBe("llm");
    expect(row.usage).toEqual({ model: "fake-model", calls: 2, prompt_tokens: 200, completion_tokens: 100 });
  });

  it("finishes with a warning, not a silent shortfall, when the model cannot deliver a level", async () => {
    server.onChat((request) => {
      const task = readTask(request);
      const items = writeQuestions(task);
      return replyWith(task.level === "create" ? items.map((item) => ({ ...item, correct_answer: "None of these" })) : items);
    });
    const status = await waitForEnd(await startJob({ blooms: { remember: 1, create: 1 } }));
    expect(status.status).toBe("finished");
    expect(status.result.mcqs).toHaveLength(1);
    expect(status.result.warnings).toEqual([
      expect.objectContaining({ code: "level_short", bloom_level: "create", requested: 1, delivered: 0, message: expect.stringMatching(/"None of these" is not one of the options/) }),
    ]);
  });

  it("fails with the documented sentence when the server rejects the key, leaking neither key nor stack", async () => {
    server.onChat((request) => apiError(401, `Incorrect API key provided: ${request.headers.authorization?.slice(7)}.`, { code: "invalid_api_key" }));
    const jobId = await startJob({ blooms: "1 remember" });
    const status = await waitForEnd(jobId);
    expect(status).toEqual({ status: "failed", error: "The language model server rejected the API key." });
    expect(JSON.stringify(await rowOf(jobId))).not.toContain(KEY);
  });

  it("is cut off by the job's deadline, cancelling the call in flight", async () => {
    server.onChat((request) => ({ ...answerAsModel(request), delayMs: 60_000 }));
    const status = await waitForEnd(await startJob({ blooms: "1 remember" }));
    expect(status).toEqual({ status: "failed", error: `Job timed out after ${JOB_TIMEOUT_SECONDS} seconds` });
    // The server saw the client hang up: nobody is left waiting for a reply that will never be used.
    await vi.waitFor(() => expect(server.chatRequests()[0].abandonedAt).toBeDefined());
  });

  it("still uses the built-in generator when the request asks for it", async () => {
    const jobId = await startJob({ blooms: "1 remember", generator: "builtin" });
    const status = await waitForEnd(jobId);
    expect(status.status).toBe("finished");
    expect(status.result.mcqs[0].generator).toBe("builtin");
    expect(server.chatRequests()).toHaveLength(0);
    expect((await rowOf(jobId)).usage).toBeNull();
  });
});

import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { callRoute } from "@/tests/helpers/call-route";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";
import { MATERIAL } from "./test-fixtures";

// Without LLM_BASE_URL and LLM_MODEL the built-in generator is the only one, and asking for the
// model is refused when the request arrives rather than failing as a job later.
let db: TestDatabase;
let closeDatabase: () => Promise<void>;
let POST: (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

beforeAll(async () => {
  vi.stubEnv("LLM_BASE_URL", "");
  vi.stubEnv("LLM_MODEL", "");
  vi.resetModules();
  db = await createTestDatabase();
  const dbModule = await import("@/lib/db");
  await dbModule.useDatabase(db.url);
  closeDatabase = dbModule.closeDatabase;
  ({ POST } = await import("@/app/api/generate/route"));
});
afterAll(async () => {
  await closeDatabase?.();
  await db?.drop();
  vi.unstubAllEnvs();
});

async function countJobs(): Promise<number> {
  return (await db.pool.query("SELECT count(*)::int AS n FROM jobs")).rows[0].n;
}

describe("choosing the generator when no language model is configured", () => {
  it("queues the built-in generator by default", async () => {
    const response = await callRoute(POST, { method: "POST", path: "/api/generate", json: { text: MATERIAL, blooms: "1 remember" } });
    expect(response.status).toBe(202);
    const { rows } = await db.pool.query("SELECT payload FROM jobs WHERE id = $1", [response.body.job_id]);
    expect(rows[0].payload.generator).toBe("builtin");
  });

  it('refuses generator "llm" with a 400 naming the problem, queueing nothing', async () => {
    const before = await countJobs();
    const response = await callRoute(POST, { method: "POST", path: "/api/generate", json: { text: MATERIAL, generator: "llm" } });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({
      code: "bad_request",
      message: 'generator "llm" is not available: no language model is configured on this server',
      issues: [{ path: "generator", message: expect.any(String) }],
    });
    expect(await countJobs()).toBe(before);
  });

  it("refuses an unknown generator name", async () => {
    const response = await callRoute(POST, { method: "POST", path: "/api/generate", json: { text: MATERIAL, generator: "gpt-4" } });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe('generator: generator must be "builtin" or "llm"');
  });
});

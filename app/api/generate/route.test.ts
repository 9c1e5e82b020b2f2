import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/helpers/use-test-database";
import { callRoute } from "@/tests/helpers/call-route";
import { POST } from "./route";

const db = useTestDatabase();

const material = "Photosynthesis converts light energy into chemical energy. Chlorophyll absorbs light.";

async function payloadOf(jobId: string) {
  const { rows } = await db.pool.query("SELECT kind, status, payload, timeout_seconds FROM jobs WHERE id = $1", [jobId]);
  return rows[0];
}

describe("POST /api/generate", () => {
  it("queues a job and answers 202 with its id, defaulting to EduMate's 5/3/4/3/2/3", async () => {
    const { status, body } = await callRoute(POST, { method: "POST", path: "/api/generate", json: { text: material } });
    expect(status).toBe(202);
    expect(body).toEqual({ status: "queued", job_id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    const job = await payloadOf(body.job_id);
    expect(job).toMatchObject({ kind: "generate", status: "queued", timeout_seconds: 600 });
    expect(job.payload.counts).toEqual({ remember: 5, understand: 3, apply: 4, analyze: 3, evaluate: 2, create: 3 });
  });

  it("accepts the EduMate requirement string and an object of counts", async () => {
    const asString = await callRoute(POST, {
      method: "POST",
      path: "/api/generate",
      json: { text: material, title: "Plants", blooms: "2 Remember, 1 analyse" },
    });
    expect(asString.status).toBe(202);
    expect((await payloadOf(asString.body.job_id)).payload).toMatchObject({
      title: "Plants",
      counts: { remember: 2, understand: 0, apply: 0, analyze: 1, evaluate: 0, create: 0 },
    });
    const asObject = await callRoute(POST, { method: "POST", path: "/api/generate", json: { text: material, blooms: { apply: 3 } } });
    expect(asObject.status).toBe(202);
    expect((await payloadOf(asObject.body.job_id)).payload.counts.apply).toBe(3);
  });

  it.each([
    ["malformed JSON", { body: '{"text": "abc', headers: { "content-type": "application/json" } }, 400, /not valid JSON/],
    ["a missing text", { json: { blooms: "5 remember" } }, 400, /text is required/],
    ["an empty text", { json: { text: "   " } }, 400, /text is empty/],
    ["a text that is not a string", { json: { text: 42 } }, 400, /text/],
    ["an unknown Bloom level", { json: { text: material, blooms: "3 memorise" } }, 400, /Unknown Bloom level "memorise"/],
    ["zero questions", { json: { text: material, blooms: { remember: 0 } } }, 400, /at least 1 question/],
    ["500 questions", { json: { text: material, blooms: "500 remember" } }, 400, /at most 100/],
    ["a body that is not an object", { json: ["text"] }, 400, /expected object/i],
    ["a form-encoded body", { body: "text=abc", headers: { "content-type": "application/x-www-form-urlencoded" } }, 415, /Content-Type: application\/json/],
    ["no content type", { body: JSON.stringify({ text: material }) }, 415, /application\/json/],
  ])("refuses %s with a JSON error naming the problem", async (_name, call, status, message) => {
    const response = await callRoute(POST, { method: "POST", path: "/api/generate", ...call });
    expect(response.status).toBe(status);
    expect(response.body.error.message).toMatch(message);
    expect(response.body.detail).toBe(response.body.error.message);
    expect(JSON.stringify(response.body)).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  it("refuses a 3 MB body with 413 without queueing anything", async () => {
    const before = (await db.pool.query("SELECT count(*)::int AS n FROM jobs")).rows[0].n;
    const response = await callRoute(POST, {
      method: "POST",
      path: "/api/generate",
      json: { text: "Plants grow. ".repeat(Math.ceil((3 * 1024 * 1024) / 13)) },
    });
    expect(response.status).toBe(413);
    expect(response.body.error.message).toMatch(/larger than 2 MB/);
    expect((await db.pool.query("SELECT count(*)::int AS n FROM jobs")).rows[0].n).toBe(before);
  });

  it("refuses a body far beyond the limit before reading all of it", async () => {
    const response = await callRoute(POST, {
      method: "POST",
      path: "/api/generate",
      body: "x".repeat(5 * 1024 * 1024),
      headers: { "content-type": "application/json" },
    });
    expect(response.status).toBe(413);
    expect(response.body.error.code).toBe("payload_too_large");
  });
});

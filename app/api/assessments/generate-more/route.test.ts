import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as generateRoute } from "@/app/api/generate/route";
import { JOB_KINDS } from "@/lib/jobs/registry";
import { JobWorker } from "@/lib/jobs/worker";
import { bearer, createTestAccount, type TestAccount } from "@/tests/helpers/accounts";
import { saveTestAssessment } from "@/tests/helpers/assessments";
import { callRoute } from "@/tests/helpers/call-route";
import { useTestDatabase } from "@/tests/helpers/use-test-database";
import { POST as saveFromJobRoute } from "../route";
import { POST } from "./route";

const photosynthesis = readFileSync(path.resolve("tests", "fixtures", "photosynthesis.txt"), "utf8");

const db = useTestDatabase();
let worker: JobWorker;
let teacher: TestAccount;
beforeAll(async () => {
  teacher = await createTestAccount("more");
  worker = new JobWorker({ pool: db.pool, url: db.url, kinds: JOB_KINDS, concurrency: 1, leaseSeconds: 30, ttlSeconds: 3600, pollMs: 100 });
  await worker.start();
});
afterAll(async () => {
  await worker.stop(5_000);
});

const ip = { "x-forwarded-for": "10.40.0.1" };

async function waitForJob(jobId: string): Promise<{ mcqs: { question: string; bloom_level: string }[] }> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const { rows } = await db.pool.query(`SELECT status, result FROM jobs WHERE id = $1`, [jobId]);
    if (rows[0].status === "finished") return rows[0].result;
    if (rows[0].status === "failed" || Date.now() > deadline) throw new Error(`job ended ${rows[0].status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function generate(token?: string): Promise<string> {
  const { body } = await callRoute(generateRoute, {
    method: "POST",
    path: "/api/generate",
    json: { text: photosynthesis, title: "Photosynthesis", blooms: { remember: 2, understand: 1 } },
    headers: { ...(token ? bearer(token) : {}), ...ip },
  });
  await waitForJob(body.job_id);
  return body.job_id;
}

const more = (json: unknown, token?: string) =>
  callRoute(POST, { method: "POST", path: "/api/assessments/generate-more", json, headers: { ...(token ? bearer(token) : {}), ...ip } });

const payloadOf = async (jobId: string) => (await db.pool.query(`SELECT payload, user_id FROM jobs WHERE id = $1`, [jobId])).rows[0];

describe("POST /api/assessments/generate-more from an unsaved result", () => {
  it("queues a job over the same text with a new seed, avoiding the result's stems and the client's", async () => {
    const jobId = await generate();
    const original = await waitForJob(jobId);
    const { status, body } = await more({ job_id: jobId, blooms: { remember: 1 }, exclude: ["A stem the teacher wrote"] });
    expect(status).toBe(202);
    expect(body).toEqual({ status: "queued", job_id: expect.any(String) });
    const { payload } = await payloadOf(body.job_id);
    expect(payload.text).toBe(photosynthesis);
    expect(payload.title).toBe("Photosynthesis");
    expect(payload.counts).toEqual({ remember: 1, understand: 0, apply: 0, analyze: 0, evaluate: 0, create: 0 });
    expect(payload.seed).not.toBe(0);
    expect(payload.exclude).toEqual(expect.arrayContaining(["A stem the teacher wrote", ...original.mcqs.map((mcq) => mcq.question)]));
    const added = await waitForJob(body.job_id);
    expect(added.mcqs.length).toBeLessThanOrEqual(1);
    for (const mcq of added.mcqs) {
      expect(mcq.bloom_level).toBe("remember");
      expect(original.mcqs.map((old) => old.question)).not.toContain(mcq.question);
    }
  });

  it("refuses another user's job and an unknown one as not found", async () => {
    const other = await createTestAccount("other-more");
    const jobId = await generate(other.token);
    for (const id of [jobId, "00000000-0000-4000-8000-000000000000"]) {
      const { status, body } = await more({ job_id: id, blooms: { apply: 1 } }, teacher.token);
      expect(status).toBe(404);
      expect(body.detail).toMatch(/^Job not found/);
    }
  });
});

describe("POST /api/assessments/generate-more for a saved assessment", () => {
  it("uses the material kept at save time, after the source job has gone, and avoids every saved stem", async () => {
    const jobId = await generate(teacher.token);
    const saved = await callRoute(saveFromJobRoute, { method: "POST", path: "/api/assessments", json: { job_id: jobId }, headers: bearer(teacher.token) });
    expect(saved.status).toBe(201);
    const stems = (await db.pool.query(`SELECT question FROM questions WHERE assessment_id = $1`, [saved.body.id])).rows.map((row) => row.question);
    await db.pool.query(`DELETE FROM jobs WHERE id = $1`, [jobId]);

    const { status, body } = await more({ assessment_id: saved.body.id, blooms: { understand: 1 }, seed: 77 }, teacher.token);
    expect(status).toBe(202);
    const { payload, user_id } = await payloadOf(body.job_id);
    expect(user_id).toBe(teacher.id);
    expect(payload).toMatchObject({ text: photosynthesis, title: "Photosynthesis", seed: 77 });
    expect(payload.exclude).toEqual(expect.arrayContaining(stems));
  });

  it("answers 409 for an assessment that keeps no material (saved through EduMate's route)", async () => {
    const id = await saveTestAssessment(teacher.token);
    const { status, body } = await more({ assessment_id: id, blooms: { apply: 1 } }, teacher.token);
    expect(status).toBe(409);
    expect(body.detail).toMatch(/keeps no material/);
  });

  it("answers 404 for someone else's assessment and 401 without signing in", async () => {
    const other = await createTestAccount("stranger-more");
    const id = await saveTestAssessment(other.token);
    expect((await more({ assessment_id: id, blooms: { apply: 1 } }, teacher.token)).status).toBe(404);
    expect((await more({ assessment_id: id, blooms: { apply: 1 } })).status).toBe(401);
  });
});

describe("POST /api/assessments/generate-more validation", () => {
  it.each([
    ["neither source", { blooms: { apply: 1 } }, /give either assessment_id or job_id/],
    ["both sources", { assessment_id: 1, job_id: "00000000-0000-4000-8000-000000000000", blooms: { apply: 1 } }, /give either assessment_id or job_id/],
    ["no counts", { assessment_id: 1 }, /at least 1 question/],
    ["an unknown level", { assessment_id: 1, blooms: { memorise: 1 } }, /Unknown Bloom level "memorise"/],
  ])("refuses %s with 400", async (_name, json, message) => {
    const { status, body } = await more(json, teacher.token);
    expect(status).toBe(400);
    expect(body.detail).toMatch(message);
  });
});

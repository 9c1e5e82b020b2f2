import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as generateRoute } from "@/app/api/generate/route";
import { JOB_KINDS } from "@/lib/jobs/registry";
import { JobWorker } from "@/lib/jobs/worker";
import { bearer, createTestAccount, type TestAccount } from "@/tests/helpers/accounts";
import { saveTestAssessment } from "@/tests/helpers/assessments";
import { useTestDatabase } from "@/tests/helpers/use-test-database";
import { callRoute } from "@/tests/helpers/call-route";
import { GET as detailRoute } from "./[id]/route";
import { GET, POST } from "./route";

const photosynthesis = readFileSync(path.resolve("tests", "fixtures", "photosynthesis.txt"), "utf8");

const db = useTestDatabase();
let worker: JobWorker;
let teacher: TestAccount;
beforeAll(async () => {
  teacher = await createTestAccount("library");
  worker = new JobWorker({ pool: db.pool, url: db.url, kinds: JOB_KINDS, concurrency: 1, leaseSeconds: 30, ttlSeconds: 3600, pollMs: 100 });
  await worker.start();
});
afterAll(async () => {
  await worker.stop(5_000);
});

/** Starts a real generation and waits for the worker to finish it. */
async function generateFinishedJob(token?: string): Promise<string> {
  const { body } = await callRoute(generateRoute, {
    method: "POST",
    path: "/api/generate",
    json: { text: photosynthesis, title: "Photosynthesis", blooms: { remember: 2, understand: 1 } },
    headers: { ...(token ? bearer(token) : {}), "x-forwarded-for": "10.30.0.1" },
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    const { rows } = await db.pool.query(`SELECT status FROM jobs WHERE id = $1`, [body.job_id]);
    if (rows[0].status === "finished") return body.job_id;
    if (rows[0].status === "failed" || Date.now() > deadline) throw new Error(`job ended ${rows[0].status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const saveFromJob = (token: string, json: unknown) => callRoute(POST, { method: "POST", path: "/api/assessments", json, headers: bearer(token) });

describe("POST /api/assessments (save a finished job)", () => {
  it("saves the job's questions under its title and the Bloom counts asked for, without the client sending them back", async () => {
    const jobId = await generateFinishedJob(teacher.token);
    const { status, body } = await saveFromJob(teacher.token, { job_id: jobId });
    expect(status).toBe(201);
    expect(body).toEqual({ status: "saved", id: expect.any(Number), title: "Photosynthesis", question_count: 3, created: true });
    const { rows } = await db.pool.query(`SELECT bloom_factors, source_job_id FROM assessments WHERE id = $1`, [body.id]);
    expect(rows[0]).toEqual({
      bloom_factors: { remember: 2, understand: 1, apply: 0, analyze: 0, evaluate: 0, create: 0 },
      source_job_id: jobId,
    });
    const jobResult = (await db.pool.query(`SELECT result FROM jobs WHERE id = $1`, [jobId])).rows[0].result;
    const saved = await callRoute(detailRoute as unknown as Parameters<typeof callRoute>[0], {
      path: `/api/assessments/${body.id}`,
      params: { id: String(body.id) },
      headers: bearer(teacher.token),
    });
    expect(saved.body.content.mcqs.map(({ id: _id, ...mcq }: { id: string }) => mcq)).toEqual(jobResult.mcqs);
  });

  it("returns the first save when the same job is saved again, even twice at once", async () => {
    const jobId = await generateFinishedJob(teacher.token);
    const results = await Promise.all([1, 2, 3].map(() => saveFromJob(teacher.token, { job_id: jobId, title: "Mine" })));
    const ids = new Set(results.map((result) => result.body.id));
    expect(ids.size).toBe(1);
    expect(results.map((result) => result.status).sort()).toEqual([200, 200, 201]);
    expect((await db.pool.query(`SELECT count(*)::int AS n FROM assessments WHERE source_job_id = $1`, [jobId])).rows[0].n).toBe(1);
  });

  it("lets a user save a job they started before signing in, under the title they choose", async () => {
    const jobId = await generateFinishedJob();
    const { status, body } = await saveFromJob(teacher.token, { job_id: jobId, title: "Saved after signing up" });
    expect(status).toBe(201);
    expect(body.title).toBe("Saved after signing up");
  });

  it("refuses a job another user started, as if it did not exist", async () => {
    const other = await createTestAccount("other");
    const jobId = await generateFinishedJob(other.token);
    for (const id of [jobId, "00000000-0000-4000-8000-000000000000"]) {
      const { status, body } = await saveFromJob(teacher.token, { job_id: id });
      expect(status).toBe(404);
      expect(body.detail).toMatch(/^Job not found/);
    }
  });

  it("refuses a job that has not finished, failed or expired", async () => {
    const jobId = await generateFinishedJob(teacher.token);
    await db.pool.query(`UPDATE jobs SET status = 'started' WHERE id = $1`, [jobId]);
    const running = await saveFromJob(teacher.token, { job_id: jobId });
    expect(running.status).toBe(409);
    expect(running.body.detail).toBe("The job has not finished yet (status: started); save it once it has");
    await db.pool.query(`UPDATE jobs SET status = 'failed', error = 'boom' WHERE id = $1`, [jobId]);
    expect((await saveFromJob(teacher.token, { job_id: jobId })).body.detail).toBe("The job failed; there is nothing to save");
    await db.pool.query(`UPDATE jobs SET status = 'finished', expires_at = now() - interval '1 second' WHERE id = $1`, [jobId]);
    expect((await saveFromJob(teacher.token, { job_id: jobId })).status).toBe(404);
  });

  it.each([
    ["no job_id", {}, /job_id must be the id/],
    ["a job_id that is not a job id", { job_id: "42" }, /job_id must be the id/],
    ["an empty title", { job_id: "00000000-0000-4000-8000-000000000000", title: "" }, /title is empty/],
  ])("refuses %s with 400", async (_name, json, message) => {
    const { status, body } = await saveFromJob(teacher.token, json);
    expect(status).toBe(400);
    expect(body.detail).toMatch(message);
  });

  it("keeps the teacher's edits of the result when they are sent, and the job's material for generating more", async () => {
    const jobId = await generateFinishedJob(teacher.token);
    const jobResult = (await db.pool.query(`SELECT result FROM jobs WHERE id = $1`, [jobId])).rows[0].result;
    const edited = [{ ...jobResult.mcqs[0], question: "Edited before saving?" }, jobResult.mcqs[2]];
    const { status, body } = await saveFromJob(teacher.token, { job_id: jobId, mcqs: edited });
    expect(status).toBe(201);
    expect(body.question_count).toBe(2);
    const { rows } = await db.pool.query(`SELECT question FROM questions WHERE assessment_id = $1 ORDER BY position`, [body.id]);
    expect(rows.map((row) => row.question)).toEqual(["Edited before saving?", jobResult.mcqs[2].question]);
    const material = (await db.pool.query(`SELECT material FROM assessments WHERE id = $1`, [body.id])).rows[0].material;
    expect(material).toEqual({ text: photosynthesis });
  });

  it("needs a signed-in user", async () => {
    const { status } = await callRoute(POST, { method: "POST", path: "/api/assessments", json: { job_id: "00000000-0000-4000-8000-000000000000" } });
    expect(status).toBe(401);
  });
});

describe("GET /api/assessments (paged history with search)", () => {
  let reader: TestAccount;
  beforeAll(async () => {
    reader = await createTestAccount("reader");
    for (let i = 1; i <= 23; i++) await saveTestAssessment(reader.token, `Unit ${String(i).padStart(2, "0")}: ${i % 5 === 0 ? "Cell Biology" : "Ecology"}`);
    await saveTestAssessment(reader.token, "100% pure_chemistry");
  });
  const list = (query: string, token = reader.token) => callRoute(GET, { path: `/api/assessments${query}`, headers: bearer(token) });

  it("pages the caller's assessments newest first", async () => {
    const first = await list("?page_size=10");
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ page: 1, page_size: 10, total: 24, total_pages: 3 });
    expect(first.body.items).toHaveLength(10);
    expect(first.body.items[0]).toEqual({
      id: expect.any(Number),
      title: "100% pure_chemistry",
      question_count: 3,
      bloom_factors: { remember: 1, understand: 1, apply: 1, analyze: 0, evaluate: 0, create: 0 },
      bloom_counts: { remember: 1, understand: 1, apply: 1, analyze: 0, evaluate: 0, create: 0 },
      created_at: expect.any(String),
      updated_at: expect.any(String),
    });
    const third = await list("?page=3&page_size=10");
    expect(third.body.items.map((item: { title: string }) => item.title)).toEqual(["Unit 04: Ecology", "Unit 03: Ecology", "Unit 02: Ecology", "Unit 01: Ecology"]);
    expect((await list("?page=4&page_size=10")).body.items).toEqual([]);
  });

  it("finds titles containing the search, in any case, taking % and _ literally", async () => {
    const cells = await list("?q=cell%20BIOLOGY");
    expect(cells.body.total).toBe(4);
    expect(cells.body.items.every((item: { title: string }) => item.title.endsWith("Cell Biology"))).toBe(true);
    expect((await list("?q=100%25")).body.items.map((item: { title: string }) => item.title)).toEqual(["100% pure_chemistry"]);
    expect((await list("?q=%25")).body.total).toBe(1);
    expect((await list("?q=e_c")).body.total).toBe(1);
  });

  it("sorts by title either way, or oldest first", async () => {
    const byTitle = await list("?sort=title&page_size=3");
    expect(byTitle.body.items.map((item: { title: string }) => item.title)).toEqual(["100% pure_chemistry", "Unit 01: Ecology", "Unit 02: Ecology"]);
    const byTitleDesc = await list("?sort=title_desc&page_size=2");
    expect(byTitleDesc.body.items.map((item: { title: string }) => item.title)).toEqual(["Unit 23: Ecology", "Unit 22: Ecology"]);
    const oldest = await list("?sort=oldest&page_size=2");
    expect(oldest.body.items.map((item: { title: string }) => item.title)).toEqual(["Unit 01: Ecology", "Unit 02: Ecology"]);
    expect((await list("?sort=size")).status).toBe(400);
  });

  it("shows nobody else's assessments", async () => {
    const stranger = await createTestAccount("stranger");
    expect((await list("", stranger.token)).body).toMatchObject({ items: [], total: 0, total_pages: 1 });
  });

  it.each([
    ["?page=0", /page starts at 1/],
    ["?page=two", /page must be a number/],
    ["?page_size=101", /page_size must be at most 100/],
  ])("refuses %s with 400", async (query, message) => {
    const { status, body } = await list(query);
    expect(status).toBe(400);
    expect(body.detail).toMatch(message);
  });
});

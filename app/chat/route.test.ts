import { beforeAll, describe, expect, it } from "vitest";
import { GET as jobStatus } from "@/app/job_status/route";
import { POST as chunking } from "@/app/chunking/route";
import { makeLessonPdf, WATER_CYCLE_PAGES } from "@/lib/documents/test-fixtures";
import { callRoute } from "@/tests/helpers/call-route";
import { startTestWorker, uploadForm, waitForJob } from "@/tests/helpers/documents";
import { useTestDatabase } from "@/tests/helpers/use-test-database";
import { POST } from "./route";

const db = useTestDatabase();
let collectionName: string;
beforeAll(async () => {
  const uploaded = await callRoute(chunking, { method: "POST", path: "/chunking", body: uploadForm(await makeLessonPdf(), "water-cycle.pdf") });
  collectionName = uploaded.body.collection_name;
  await runQueuedJobs([uploaded.body.job_id]);
});

async function runQueuedJobs(jobIds: string[]) {
  const worker = await startTestWorker(db);
  try {
    return await Promise.all(jobIds.map((jobId) => waitForJob(db.pool, jobId, 120_000)));
  } finally {
    await worker.stop(1000);
  }
}

function chat(params: Record<string, string>) {
  return callRoute(POST, { method: "POST", path: `/chat?${new URLSearchParams(params)}`, headers: { "x-forwarded-for": "10.9.9.9" } });
}

async function countJobs(): Promise<number> {
  return (await db.pool.query(`SELECT count(*)::int AS n FROM jobs WHERE kind = 'generate'`)).rows[0].n;
}

describe("POST /chat", () => {
  it("queues a generation over the collection and answers EduMate's {status, job_id}", async () => {
    const response = await chat({ query: "The water cycle", collection_name: collectionName, blooms_requirements: "2 remember, 1 understand" });
    expect(response.status).toBe(200);
    expect(Object.keys(response.body).sort()).toEqual(["job_id", "status"]);
    expect(response.body.status).toBe("queued");
    const { rows } = await db.pool.query(`SELECT kind, payload FROM jobs WHERE id = $1`, [response.body.job_id]);
    expect(rows[0].kind).toBe("generate");
    expect(rows[0].payload).toMatchObject({
      title: "The water cycle",
      counts: { remember: 2, understand: 1, apply: 0, analyze: 0, evaluate: 0, create: 0 },
      documents: { collectionName, query: "The water cycle" },
    });
    expect(rows[0].payload).not.toHaveProperty("text");
  });

  it("defaults to EduMate's 5/3/4/3/2/3 when blooms_requirements is left out", async () => {
    const response = await chat({ query: "Clouds", collection_name: collectionName });
    const { rows } = await db.pool.query(`SELECT payload FROM jobs WHERE id = $1`, [response.body.job_id]);
    expect(rows[0].payload.counts).toEqual({ remember: 5, understand: 3, apply: 4, analyze: 3, evaluate: 2, create: 3 });
  });

  it("answers an unknown collection with 404 at request time, queueing nothing", async () => {
    const before = await countJobs();
    const response = await chat({ query: "Clouds", collection_name: "edu_mate_ffffffffffffffffffffffffffffffff" });
    expect(response.status).toBe(404);
    expect(response.body.detail).toBe("Collection not found: edu_mate_ffffffffffffffffffffffffffffffff");
    expect(await countJobs()).toBe(before);
  });

  it("answers a collection whose only document is still being read with 409", async () => {
    const uploaded = await callRoute(chunking, {
      method: "POST",
      path: "/chunking",
      body: uploadForm(new TextEncoder().encode("Not read yet."), "pending.txt"),
    });
    const response = await chat({ query: "Anything", collection_name: uploaded.body.collection_name });
    expect(response.status).toBe(409);
    expect(response.body.detail).toMatch(/has been read yet/);
  });

  it.each([
    ["no query", { collection_name: "edu_mate_x" }, /query is required/],
    ["an empty query", { query: "  ", collection_name: "edu_mate_x" }, /query is empty/],
    ["no collection_name", { query: "Clouds" }, /collection_name is required/],
    ["an unknown Bloom level", { query: "Clouds", collection_name: "edu_mate_x", blooms_requirements: "3 memorise" }, /Unknown Bloom level "memorise"/],
  ])("answers %s with FastAPI's 422", async (_name, params, message) => {
    const response = await chat(params as Record<string, string>);
    expect(response.status).toBe(422);
    expect(response.body.detail).toMatch(message);
  });

  it("produces the /api/generate result shape at /job_status, each question naming the document and page", async () => {
    const response = await chat({ query: "evaporation condensation precipitation", collection_name: collectionName, blooms_requirements: "3 remember" });
    await runQueuedJobs([response.body.job_id]);
    const finished = await callRoute(jobStatus, { path: `/job_status?job_id=${response.body.job_id}` });
    expect(finished.body.status).toBe("finished");
    const { result } = finished.body;
    expect(Object.keys(result).every((key) => ["mcqs", "warnings"].includes(key))).toBe(true);
    expect(result.mcqs.length).toBeGreaterThan(0);
    for (const mcq of result.mcqs) {
      expect(mcq.options).toHaveLength(4);
      expect(mcq.options).toContain(mcq.correct_answer);
      expect(mcq.source.document).toBe("water-cycle.pdf");
      // The quoted sentence is on the page the question cites (the three short pages share one chunk).
      const page = WATER_CYCLE_PAGES[mcq.source.page - 1];
      expect(page.paragraphs.join(" ")).toContain(mcq.source.quote);
      expect(mcq.source.heading).toBe(page.heading);
    }
  });
});

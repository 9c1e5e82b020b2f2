import { describe, expect, it } from "vitest";
import { z } from "zod";
import { claimJobs } from "@/lib/jobs/claim-jobs";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { completeJob, failJob, saveProgress } from "@/lib/jobs/job-lease";
import { defineJobKind } from "@/lib/jobs/types";
import { useTestDatabase } from "@/tests/helpers/use-test-database";
import { callRoute } from "@/tests/helpers/call-route";
import { GET } from "./route";
import { GET as edumateGET } from "../../job_status/route";

const db = useTestDatabase();

const kind = defineJobKind({ kind: "generate", payloadSchema: z.object({}).passthrough(), handle: async () => null });
const mcqs = [
  {
    question: "What does chlorophyll absorb?",
    options: ["Light", "Water", "Oxygen", "Glucose"],
    correct_answer: "Light",
    bloom_level: "remember",
    explanation: "The text says chlorophyll absorbs light.",
  },
];

async function status(jobId: string) {
  const viaApi = await callRoute(GET, { path: `/api/job_status?job_id=${encodeURIComponent(jobId)}` });
  const viaEdumatePath = await callRoute(edumateGET, { path: `/job_status?job_id=${encodeURIComponent(jobId)}` });
  expect(viaEdumatePath.body).toEqual(viaApi.body);
  expect(viaApi.status).toBe(200);
  expect(viaApi.headers.get("cache-control")).toBe("no-store");
  return viaApi.body;
}

async function startedJob() {
  const { id } = await enqueueJob(db.pool, kind, {});
  await db.pool.query("UPDATE jobs SET created_at = now() - interval '1 hour', run_after = now() - interval '1 hour' WHERE id = $1", [id]);
  const [claimed] = await claimJobs(db.pool, "w", ["generate"], 1);
  expect(claimed.id).toBe(id);
  return id;
}

describe("GET /job_status and /api/job_status", () => {
  it("answers {status: null} for unknown, malformed and missing ids", async () => {
    expect(await status("3f1c9a52-8a0e-4f6e-9a57-1d2b3c4d5e6f")).toEqual({ status: null });
    expect(await status("abc123-def456-ghi789")).toEqual({ status: null });
    expect((await callRoute(GET, { path: "/api/job_status" })).body).toEqual({ status: null });
  });

  it("answers queued, then started with progress, then finished with the result", async () => {
    const { id } = await enqueueJob(db.pool, kind, {});
    expect(await status(id)).toEqual({ status: "queued" });
    await db.pool.query("UPDATE jobs SET run_after = now() - interval '1 day', created_at = now() - interval '1 day' WHERE id = $1", [id]);
    await claimJobs(db.pool, "w", ["generate"], 1);
    expect(await status(id)).toEqual({ status: "started" });
    await saveProgress(db.pool, "w", id, { done: 3, total: 20, stage: "writing question 4 of 20" });
    expect(await status(id)).toEqual({ status: "started", progress: { done: 3, total: 20, stage: "writing question 4 of 20" } });
    await completeJob(db.pool, "w", id, { mcqs }, 3600);
    expect(await status(id)).toEqual({ status: "finished", result: { mcqs } });
  });

  it("answers failed with the stored sentence", async () => {
    const id = await startedJob();
    await failJob(db.pool, "w", id, "Job timed out after 600 seconds", 3600);
    expect(await status(id)).toEqual({ status: "failed", error: "Job timed out after 600 seconds" });
  });

  it("answers {status: null} once the result's lifetime has passed", async () => {
    const id = await startedJob();
    await completeJob(db.pool, "w", id, { mcqs }, 3600);
    await db.pool.query("UPDATE jobs SET expires_at = now() - interval '1 second' WHERE id = $1", [id]);
    expect(await status(id)).toEqual({ status: null });
  });
});

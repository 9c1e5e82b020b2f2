import { beforeAll, describe, expect, it } from "vitest";
import { GET as jobStatus } from "@/app/api/job_status/route";
import { createDocumentUpload } from "@/lib/documents/create-document-upload";
import { makeLessonPdf, WATER_CYCLE_PAGES } from "@/lib/documents/test-fixtures";
import { bearer, createTestAccount, type TestAccount } from "@/tests/helpers/accounts";
import { callRoute } from "@/tests/helpers/call-route";
import { startTestWorker, waitForJob } from "@/tests/helpers/documents";
import { useTestDatabase } from "@/tests/helpers/use-test-database";
import { POST } from "./route";

const db = useTestDatabase();
let teacher: TestAccount;
let lesson: { documentId: string; collectionName: string };
let pending: { documentId: string; collectionName: string };

async function runJobs(jobIds: string[]) {
  const worker = await startTestWorker(db);
  try {
    return await Promise.all(jobIds.map((jobId) => waitForJob(db.pool, jobId, 120_000)));
  } finally {
    await worker.stop(1000);
  }
}

beforeAll(async () => {
  teacher = await createTestAccount("generate-docs");
  const upload = await createDocumentUpload(db.pool, { fileName: "water-cycle.pdf", bytes: await makeLessonPdf() }, { ownerId: teacher.id });
  await runJobs([upload.jobId]);
  lesson = upload;
  pending = await createDocumentUpload(db.pool, { fileName: "later.txt", bytes: new TextEncoder().encode("Read later.") });
});

function generate(json: unknown, headers: Record<string, string> = {}) {
  return callRoute(POST, { method: "POST", path: "/api/generate", json, headers: { "x-forwarded-for": "10.7.7.7", ...headers } });
}

async function payloadOf(jobId: string) {
  return (await db.pool.query(`SELECT payload FROM jobs WHERE id = $1`, [jobId])).rows[0].payload;
}

describe("POST /api/generate from uploaded documents", () => {
  it("takes a collection_name and a query, and resolves the collection when the request arrives", async () => {
    const response = await generate({ collection_name: lesson.collectionName, query: "clouds and dew", blooms: "2 remember" });
    expect(response.status).toBe(202);
    const payload = await payloadOf(response.body.job_id);
    expect(payload.documents).toEqual({ collectionId: expect.any(Number), collectionName: lesson.collectionName, query: "clouds and dew" });
    expect(payload).not.toHaveProperty("text");
  });

  it("takes one document by id for its owner", async () => {
    const response = await generate({ document_id: lesson.documentId, blooms: { remember: 1 } }, bearer(teacher.token));
    expect(response.status).toBe(202);
    expect((await payloadOf(response.body.job_id)).documents).toMatchObject({ documentId: lesson.documentId, query: "" });
  });

  it.each([
    ["text and a collection together", () => ({ text: "Plants grow.", collection_name: lesson.collectionName }), 400, /either text or collection_name/],
    ["a query without documents", () => ({ text: "Plants grow.", query: "plants" }), 400, /query applies to collection_name or document_id only/],
    ["nothing to ask about", () => ({ blooms: "1 remember" }), 400, /text is required/],
    ["a document id that is not an id", () => ({ document_id: "42" }), 400, /document_id must be/],
    ["an unknown collection", () => ({ collection_name: "edu_mate_0123456789abcdef0123456789abcdef" }), 404, /Collection not found/],
    ["another user's document (anonymous here)", () => ({ document_id: lesson.documentId }), 404, /Document not found/],
    ["a document still being read", () => ({ document_id: pending.documentId }), 409, /not ready to generate from \(its status is "queued"\)/],
    ["a collection with nothing read yet", () => ({ collection_name: pending.collectionName }), 409, /has been read yet/],
  ])("refuses %s", async (_name, body, status, message) => {
    const response = await generate(body());
    expect(response.status).toBe(status);
    expect(response.body.detail).toMatch(message);
  });

  it("generates questions that name the document, the page and its heading", async () => {
    const response = await generate({ document_id: lesson.documentId, query: "condensation", blooms: "3 remember, 1 understand" }, bearer(teacher.token));
    const [job] = await runJobs([response.body.job_id]);
    expect(job.status).toBe("finished");
    const status = await callRoute(jobStatus, { path: `/api/job_status?job_id=${response.body.job_id}` });
    const mcqs = status.body.result.mcqs;
    expect(mcqs.length).toBeGreaterThan(0);
    for (const mcq of mcqs) {
      const page = WATER_CYCLE_PAGES[mcq.source.page - 1];
      expect(mcq.source).toMatchObject({ document: "water-cycle.pdf", heading: page.heading });
      expect(page.paragraphs.join(" ")).toContain(mcq.source.quote);
    }
  });
});

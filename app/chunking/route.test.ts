import { beforeAll, describe, expect, it } from "vitest";
import { createGenerationJob } from "@/lib/generation/create-generation-job";
import { makeRandomBytes, makeTextPdf } from "@/lib/ingest/test-fixtures";
import { createTestAccount, bearer, type TestAccount } from "@/tests/helpers/accounts";
import { callRoute } from "@/tests/helpers/call-route";
import { startTestWorker, uploadForm, waitForJob } from "@/tests/helpers/documents";
import { useTestDatabase } from "@/tests/helpers/use-test-database";
import { POST } from "./route";
import { GET as status } from "./status/route";

const db = useTestDatabase();
let teacher: TestAccount;
beforeAll(async () => {
  teacher = await createTestAccount("chunking");
});

const MB = 1024 * 1024;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const COLLECTION = /^edu_mate_[0-9a-f]{32}$/;

async function upload(bytes: Uint8Array, fileName: string, fields: Record<string, string> = {}, headers: Record<string, string> = {}) {
  return callRoute(POST, { method: "POST", path: "/chunking", body: uploadForm(bytes, fileName, fields), headers });
}

async function statusOf(jobId: string) {
  return callRoute(status, { path: `/chunking/status?job_id=${encodeURIComponent(jobId)}` });
}

async function countRows(table: string): Promise<number> {
  return (await db.pool.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n;
}

async function runQueuedJobs(jobIds: string[]) {
  const worker = await startTestWorker(db);
  try {
    for (const jobId of jobIds) await waitForJob(db.pool, jobId);
  } finally {
    await worker.stop(1000);
  }
}

describe("POST /chunking and GET /chunking/status, EduMate's shapes field by field", () => {
  it("queues an upload, then reports queued, started and chunked with EduMate's result", async () => {
    const pdf = await makeTextPdf([
      { heading: "Tides", paragraphs: ["The Moon's gravity raises two bulges of water on opposite sides of the Earth."] },
      { paragraphs: ["Spring tides happen when the Sun and the Moon line up."] },
    ]);
    const queued = await upload(pdf, "tides.pdf");
    expect(queued.status).toBe(200);
    expect(Object.keys(queued.body).sort()).toEqual(["collection_name", "job_id", "status"]);
    expect(queued.body.status).toBe("queued");
    expect(queued.body.job_id).toMatch(UUID);
    expect(queued.body.collection_name).toMatch(COLLECTION);

    expect(await statusOf(queued.body.job_id)).toMatchObject({ status: 200, body: { status: "queued" } });
    expect((await statusOf(queued.body.job_id)).body).toEqual({ status: "queued" });

    await db.pool.query(`UPDATE jobs SET status = 'started', locked_by = 'test', heartbeat_at = now(), progress = '{"done":0,"total":2}' WHERE id = $1`, [
      queued.body.job_id,
    ]);
    expect((await statusOf(queued.body.job_id)).body).toEqual({ status: "started" });
    await db.pool.query(`UPDATE jobs SET status = 'queued', locked_by = NULL, heartbeat_at = NULL WHERE id = $1`, [queued.body.job_id]);

    await runQueuedJobs([queued.body.job_id]);
    const chunked = await statusOf(queued.body.job_id);
    expect(chunked.status).toBe(200);
    expect(chunked.headers.get("cache-control")).toBe("no-store");
    expect(Object.keys(chunked.body).sort()).toEqual(["result", "status"]);
    expect(chunked.body.status).toBe("chunked");
    const { result } = chunked.body;
    expect(result.stored).toBe(true);
    expect(result.chunks).toBe(1);
    expect(result.chunks_created).toBe(1);
    expect(result.source).toBe("tides.pdf");
    expect(result.collection_name).toBe(queued.body.collection_name);
    expect(result.document_id).toMatch(UUID);
    expect(result.page_count).toBe(2);
    expect(Object.keys(result).sort()).toEqual(["chunks", "chunks_created", "collection_name", "document_id", "page_count", "source", "stored"]);
  });

  it("reports a file that cannot be read as failed with the teacher's sentence, never a traceback", async () => {
    const queued = await upload(makeRandomBytes(2048, 3), "notes.pdf");
    await runQueuedJobs([queued.body.job_id]);
    expect((await statusOf(queued.body.job_id)).body).toEqual({
      status: "failed",
      error: "This file is not a PDF, Word document or text file",
    });
  });

  it("answers {status: null} for an unknown id, a malformed id and a generation job's id", async () => {
    const { jobId } = await createGenerationJob(db.pool, { text: "Plants need light.", blooms: { remember: 1, understand: 0, apply: 0, analyze: 0, evaluate: 0, create: 0 } });
    for (const id of ["7a0c2d5e-9f57-4a65-8c8e-0d8d0b5c6f11", "not-a-job", "", jobId]) {
      expect(await statusOf(id)).toMatchObject({ status: 200, body: { status: null } });
    }
  });

  it("answers a missing job_id with 422, as FastAPI did", async () => {
    const response = await callRoute(status, { path: "/chunking/status" });
    expect(response.status).toBe(422);
    expect(response.body.detail).toBe("job_id is required");
  });

  it("adds a second file to a collection by its name", async () => {
    const first = await upload(new TextEncoder().encode("Rivers carve valleys over thousands of years."), "rivers.txt");
    const second = await upload(new TextEncoder().encode("Glaciers carve U-shaped valleys."), "glaciers.txt", { collection_name: first.body.collection_name });
    expect(second.status).toBe(200);
    expect(second.body.collection_name).toBe(first.body.collection_name);
    const viaQuery = await callRoute(POST, {
      method: "POST",
      path: `/chunking?collection_name=${first.body.collection_name}`,
      body: uploadForm(new TextEncoder().encode("Wind shapes dunes."), "dunes.txt"),
    });
    expect(viaQuery.body.collection_name).toBe(first.body.collection_name);
    const { rows } = await db.pool.query(
      `SELECT count(*)::int AS n FROM documents d JOIN collections c ON c.id = d.collection_id WHERE c.name = $1`,
      [first.body.collection_name],
    );
    expect(rows[0].n).toBe(3);
  });

  it("refuses to add to a collection that does not exist, or that another user owns, with 404", async () => {
    const unknown = await upload(new TextEncoder().encode("Text."), "a.txt", { collection_name: "edu_mate_00000000000000000000000000000000" });
    expect(unknown.status).toBe(404);
    expect(unknown.body.detail).toMatch(/Collection not found/);

    const owned = await upload(new TextEncoder().encode("Private notes."), "mine.txt", {}, bearer(teacher.token));
    const stranger = await createTestAccount("stranger");
    for (const headers of [{}, bearer(stranger.token)]) {
      const response = await upload(new TextEncoder().encode("Intruding."), "b.txt", { collection_name: owned.body.collection_name }, headers);
      expect(response.status).toBe(404);
    }
    const byOwner = await upload(new TextEncoder().encode("More notes."), "more.txt", { collection_name: owned.body.collection_name }, bearer(teacher.token));
    expect(byOwner.status).toBe(200);
  });

  it("records who uploaded when signed in", async () => {
    const queued = await upload(new TextEncoder().encode("Atoms bond to form molecules."), "atoms.txt", {}, bearer(teacher.token));
    const { rows } = await db.pool.query(
      `SELECT d.owner_id AS document_owner, c.owner_id AS collection_owner, j.user_id AS job_user
       FROM documents d JOIN collections c ON c.id = d.collection_id JOIN jobs j ON j.id = d.job_id WHERE d.job_id = $1`,
      [queued.body.job_id],
    );
    expect(rows[0]).toEqual({ document_owner: teacher.id, collection_owner: teacher.id, job_user: teacher.id });
  });
});

describe("POST /chunking refuses what it cannot take with a clear 4xx", () => {
  it.each([
    ["no body at all", { body: undefined }, 400, /No file was uploaded/],
    ["a form without a file", { body: (() => { const form = new FormData(); form.append("collection_name", "x"); return form; })() }, 400, /No file was uploaded/],
    ["text in place of the file", { body: (() => { const form = new FormData(); form.append("file", "just text"); return form; })() }, 400, /must be a file/],
    ["EduMate's legacy doc_path in the query", { path: "/chunking?doc_path=/etc/passwd" }, 400, /doc_path is not supported/],
    ["doc_path in a JSON body, as EduMate's docs show", { body: JSON.stringify({ doc_path: "/srv/pdfs" }), headers: { "content-type": "application/json" } }, 400, /doc_path is not supported/],
    ["an empty JSON body", { body: "{}", headers: { "content-type": "application/json" } }, 400, /No file was uploaded/],
    ["a broken multipart body", { body: "--x\r\nnonsense", headers: { "content-type": "multipart/form-data; boundary=x" } }, 400, /not a valid multipart/],
  ])("%s", async (_name, call, code, message) => {
    const before = await countRows("documents");
    const response = await callRoute(POST, { method: "POST", path: "/chunking", ...call });
    expect(response.status).toBe(code);
    expect(response.body.detail).toMatch(message);
    expect(response.body.error.message).toBe(response.body.detail);
    expect(await countRows("documents")).toBe(before);
  });

  it("refuses a 25 MB file with 413, storing nothing", async () => {
    const before = await countRows("document_uploads");
    const response = await upload(new Uint8Array(25 * MB).fill(0x41), "big.txt");
    expect(response.status).toBe(413);
    expect(response.body.detail).toBe("This file is larger than the 20 MB limit");
    expect(await countRows("document_uploads")).toBe(before);
  });

  it("refuses by Content-Length before reading the body", async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(MB));
      },
    });
    const request = new Request("http://localhost:3000/chunking", {
      method: "POST",
      body,
      headers: { "content-type": "multipart/form-data; boundary=x", "content-length": String(25 * MB) },
      duplex: "half",
    } as RequestInit);
    const response = await POST(request, { params: Promise.resolve({}) });
    expect(response.status).toBe(413);
    expect(pulled).toBeLessThanOrEqual(1);
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { POST as saveAssessment } from "@/app/api/assessments/route";
import { GET as getAssessmentRoute } from "@/app/api/assessments/[id]/route";
import { POST as generate } from "@/app/api/generate/route";
import { makeLessonPdf, WATER_CYCLE_PAGES } from "@/lib/documents/test-fixtures";
import { makeImageOnlyPdf } from "@/lib/ingest/test-fixtures";
import { bearer, createTestAccount, type TestAccount } from "@/tests/helpers/accounts";
import { callRoute } from "@/tests/helpers/call-route";
import { startTestWorker, uploadForm, waitForJob } from "@/tests/helpers/documents";
import { useTestDatabase } from "@/tests/helpers/use-test-database";
import { DELETE, GET as getOne, PATCH } from "./[id]/route";
import { GET as list, POST as upload } from "./route";

const db = useTestDatabase();
let teacher: TestAccount;
let colleague: TestAccount;
beforeAll(async () => {
  teacher = await createTestAccount("documents");
  colleague = await createTestAccount("colleague");
});

async function uploadAndRead(bytes: Uint8Array, fileName: string, headers: Record<string, string> = {}) {
  const response = await callRoute(upload, { method: "POST", path: "/api/documents", body: uploadForm(bytes, fileName), headers });
  expect(response.status).toBe(202);
  const worker = await startTestWorker(db);
  try {
    await waitForJob(db.pool, response.body.job_id);
  } finally {
    await worker.stop(1000);
  }
  return response.body as { document_id: string; job_id: string; collection_name: string };
}

function getDocument(id: string, headers: Record<string, string> = {}) {
  return callRoute(getOne, { path: `/api/documents/${id}`, params: { id }, headers });
}

describe("POST /api/documents", () => {
  it("queues an upload and answers 202 with the document, job and collection", async () => {
    const response = await callRoute(upload, {
      method: "POST",
      path: "/api/documents",
      body: uploadForm(new TextEncoder().encode("Magnets attract iron."), "magnets.txt"),
      headers: bearer(teacher.token),
    });
    expect(response.status).toBe(202);
    expect(response.body).toEqual({
      status: "queued",
      document_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      job_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      collection_name: expect.stringMatching(/^edu_mate_[0-9a-f]{32}$/),
    });
    const shown = await getDocument(response.body.document_id, bearer(teacher.token));
    expect(shown.body).toMatchObject({ status: "queued", file_name: "magnets.txt", byte_size: 21, page_count: null, preview: [] });
  });

  it("refuses a 25 MB file with 413 and no file with 400", async () => {
    const big = await callRoute(upload, {
      method: "POST",
      path: "/api/documents",
      body: uploadForm(new Uint8Array(25 * 1024 * 1024), "big.pdf"),
    });
    expect(big.status).toBe(413);
    expect(big.body.detail).toBe("This file is larger than the 20 MB limit");
    const none = await callRoute(upload, { method: "POST", path: "/api/documents", body: new FormData() });
    expect(none.status).toBe(400);
  });
});

describe("GET /api/documents and GET /api/documents/{id}", () => {
  it("lists only the caller's documents, newest first, with status, pages and chunks", async () => {
    const lesson = await uploadAndRead(await makeLessonPdf(), "water-cycle.pdf", bearer(teacher.token));
    const scan = await uploadAndRead(await makeImageOnlyPdf(1), "scan.pdf", bearer(teacher.token));
    await uploadAndRead(new TextEncoder().encode("Someone else's notes."), "other.txt", bearer(colleague.token));

    const response = await callRoute(list, { path: "/api/documents", headers: bearer(teacher.token) });
    expect(response.status).toBe(200);
    const documents = response.body.documents;
    expect(documents.map((document: { file_name: string }) => document.file_name)).toEqual(["scan.pdf", "water-cycle.pdf", "magnets.txt"]);
    expect(documents[0]).toMatchObject({ id: scan.document_id, status: "failed", error: "This PDF has no extractable text — it may be a scan", chunk_count: 0 });
    expect(documents[1]).toEqual({
      id: lesson.document_id,
      file_name: "water-cycle.pdf",
      kind: "pdf",
      status: "ready",
      error: null,
      page_count: 3,
      chunk_count: 1,
      byte_size: expect.any(Number),
      collection_name: lesson.collection_name,
      job_id: lesson.job_id,
      created_at: expect.any(String),
      indexed_at: expect.any(String),
    });
  });

  it("shows a preview of the extracted text, page by page", async () => {
    const lesson = await uploadAndRead(await makeLessonPdf(), "lesson.pdf", bearer(teacher.token));
    const response = await getDocument(lesson.document_id, bearer(teacher.token));
    expect(response.status).toBe(200);
    expect(response.body.preview).toEqual(
      WATER_CYCLE_PAGES.map((page, index) => ({ page: index + 1, heading: page.heading, text: page.paragraphs.join("\n\n") })),
    );
  });

  it("answers 404 for another user's document, for an anonymous caller and for an id that cannot exist", async () => {
    const lesson = await uploadAndRead(await makeLessonPdf(), "private.pdf", bearer(teacher.token));
    expect((await getDocument(lesson.document_id, bearer(colleague.token))).status).toBe(404);
    expect((await getDocument(lesson.document_id)).status).toBe(404);
    const malformed = await getDocument("../../etc/passwd");
    expect(malformed.status).toBe(404);
    expect(malformed.body.detail).toBe("Document not found");
  });

  it("lets whoever holds an anonymous upload's id read it, as EduMate's collection names allow", async () => {
    const anonymous = await uploadAndRead(new TextEncoder().encode("Sound travels as a wave."), "sound.txt");
    expect((await getDocument(anonymous.document_id)).body).toMatchObject({ status: "ready", file_name: "sound.txt" });
    expect((await getDocument(anonymous.document_id, bearer(colleague.token))).status).toBe(200);
  });

  it("asks an anonymous caller to sign in for the list", async () => {
    const response = await callRoute(list, { path: "/api/documents" });
    expect(response.status).toBe(401);
    expect(response.body.detail).toBe("Not authenticated");
  });
});

describe("PATCH and DELETE /api/documents/{id}", () => {
  it("renames a document", async () => {
    const notes = await uploadAndRead(new TextEncoder().encode("Light travels fast."), "light.txt", bearer(teacher.token));
    const renamed = await callRoute(PATCH, {
      method: "PATCH",
      path: `/api/documents/${notes.document_id}`,
      params: { id: notes.document_id },
      json: { file_name: "  Light, chapter 2.txt " },
      headers: bearer(teacher.token),
    });
    expect(renamed).toMatchObject({ status: 200, body: { id: notes.document_id, file_name: "Light, chapter 2.txt" } });
    expect((await getDocument(notes.document_id, bearer(teacher.token))).body.file_name).toBe("Light, chapter 2.txt");
  });

  it.each([
    ["an empty name", { file_name: " " }, 400, /file_name is empty/],
    ["a path", { file_name: "../secret.txt" }, 400, /slashes/],
    ["no name", {}, 400, /file_name is required/],
  ])("refuses %s", async (_name, json, status, message) => {
    const notes = await uploadAndRead(new TextEncoder().encode("Heat flows from hot to cold."), "heat.txt", bearer(teacher.token));
    const response = await callRoute(PATCH, {
      method: "PATCH",
      path: `/api/documents/${notes.document_id}`,
      params: { id: notes.document_id },
      json,
      headers: bearer(teacher.token),
    });
    expect(response.status).toBe(status);
    expect(response.body.detail).toMatch(message);
  });

  it("does not let another user rename or delete a document", async () => {
    const notes = await uploadAndRead(new TextEncoder().encode("Ice floats on water."), "ice.txt", bearer(teacher.token));
    const call = { path: `/api/documents/${notes.document_id}`, params: { id: notes.document_id }, headers: bearer(colleague.token) };
    expect((await callRoute(PATCH, { ...call, method: "PATCH", json: { file_name: "mine.txt" } })).status).toBe(404);
    expect((await callRoute(DELETE, { ...call, method: "DELETE" })).status).toBe(404);
    expect((await getDocument(notes.document_id, bearer(teacher.token))).body.file_name).toBe("ice.txt");
  });

  it("deletes a document and its chunks, while an assessment generated from it stays", async () => {
    const lesson = await uploadAndRead(await makeLessonPdf(), "to-delete.pdf", bearer(teacher.token));
    const queued = await callRoute(generate, {
      method: "POST",
      path: "/api/generate",
      json: { document_id: lesson.document_id, blooms: "2 remember" },
      headers: bearer(teacher.token),
    });
    expect(queued.status).toBe(202);
    const worker = await startTestWorker(db);
    try {
      await waitForJob(db.pool, queued.body.job_id, 120_000);
    } finally {
      await worker.stop(1000);
    }
    const saved = await callRoute(saveAssessment, { method: "POST", path: "/api/assessments", json: { job_id: queued.body.job_id }, headers: bearer(teacher.token) });
    expect(saved.status).toBe(201);

    const deleted = await callRoute(DELETE, {
      method: "DELETE",
      path: `/api/documents/${lesson.document_id}`,
      params: { id: lesson.document_id },
      headers: bearer(teacher.token),
    });
    expect(deleted.status).toBe(204);
    expect((await getDocument(lesson.document_id, bearer(teacher.token))).status).toBe(404);
    const { rows } = await db.pool.query(
      `SELECT (SELECT count(*)::int FROM chunks WHERE document_id = $1) AS chunks,
              (SELECT count(*)::int FROM collections WHERE name = $2) AS collections`,
      [lesson.document_id, lesson.collection_name],
    );
    expect(rows[0]).toEqual({ chunks: 0, collections: 0 });

    const assessment = await callRoute(getAssessmentRoute, {
      path: `/api/assessments/${saved.body.id}`,
      params: { id: String(saved.body.id) },
      headers: bearer(teacher.token),
    });
    expect(assessment.status).toBe(200);
    expect(assessment.body.content.mcqs.length).toBeGreaterThan(0);
  });
});

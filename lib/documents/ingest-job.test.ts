import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  makeDocxWithTableAndList,
  makeEncryptedPdf,
  makeImageOnlyPdf,
  makeRandomBytes,
  makeTextPdf,
  makeZipBombDocx,
} from "@/lib/ingest/test-fixtures";
import type { JobWorker } from "@/lib/jobs/worker";
import { startTestWorker, waitForJob } from "@/tests/helpers/documents";
import { useTestDatabase } from "@/tests/helpers/use-test-database";
import { JobTimeoutError, WorkerShutdownError } from "@/lib/jobs/job-errors";
import { createDocumentUpload } from "./create-document-upload";
import { failAbandonedDocuments } from "./fail-abandoned-documents";
import { getDocument } from "./get-document";
import { indexDocument } from "./index-document";

const MB = 1024 * 1024;

const db = useTestDatabase();
let worker: JobWorker;
beforeAll(async () => {
  worker = await startTestWorker(db);
});
afterAll(async () => {
  await worker.stop(1000);
});

/** Uploads a file and lets the real worker read it, as POST /chunking does. */
async function ingest(bytes: Uint8Array, fileName: string) {
  const upload = await createDocumentUpload(db.pool, { fileName, bytes });
  const job = await waitForJob(db.pool, upload.jobId);
  const document = await getDocument(db.pool, upload.documentId, undefined);
  const { rows: chunks } = await db.pool.query(
    `SELECT ordinal, text, heading, page, last_page FROM chunks WHERE document_id = $1 ORDER BY ordinal`,
    [upload.documentId],
  );
  const { rows: pending } = await db.pool.query(`SELECT 1 FROM document_uploads WHERE document_id = $1`, [upload.documentId]);
  return { upload, job, document, chunks, hasBytesLeft: pending.length > 0 };
}

const biologyPages = [
  {
    heading: "Photosynthesis",
    paragraphs: [
      "Plants turn light into chemical energy. The process takes place in the chloroplasts of leaf cells.",
      "Chlorophyll absorbs red and blue light and reflects green light, which is why leaves look green.",
    ],
  },
  { paragraphs: ["Carbon dioxide enters the leaf through small pores called stomata."] },
  { heading: "Respiration", paragraphs: ["Cells release the energy stored in glucose by respiration, which uses oxygen."] },
];

describe("the ingest job, through the real queue and worker", () => {
  it("indexes a multi-page PDF with headings: ready, its pages counted, chunks keeping page and heading", async () => {
    const { upload, job, document, chunks, hasBytesLeft } = await ingest(await makeTextPdf(biologyPages), "biology.pdf");

    expect(job.status).toBe("finished");
    expect(job.result).toEqual({
      stored: true,
      chunks: chunks.length,
      chunks_created: chunks.length,
      source: "biology.pdf",
      collection_name: upload.collectionName,
      document_id: upload.documentId,
      page_count: 3,
    });
    expect(document).toMatchObject({ status: "ready", error: null, kind: "pdf", page_count: 3, chunk_count: chunks.length });
    expect(document.indexed_at).not.toBeNull();
    expect(chunks.length).toBeGreaterThanOrEqual(1);
    // The sentences are short, so they run on into one chunk from page 1 to page 3.
    expect(chunks[0]).toMatchObject({ ordinal: 0, heading: "Photosynthesis", page: 1 });
    expect(chunks.at(-1)!.last_page).toBe(3);
    expect(chunks.map((chunk) => chunk.text).join(" ")).toContain("small pores called stomata");
    expect(document.preview).toEqual([
      {
        page: 1,
        heading: "Photosynthesis",
        text: biologyPages[0].paragraphs.join("\n\n"),
      },
      { page: 2, heading: "Photosynthesis", text: biologyPages[1].paragraphs[0] },
      { page: 3, heading: "Respiration", text: biologyPages[2].paragraphs[0] },
    ]);
    // The uploaded bytes were only kept until they were read.
    expect(hasBytesLeft).toBe(false);
  });

  it("makes every chunk findable by a full-text search of its words", async () => {
    const { upload } = await ingest(await makeTextPdf(biologyPages), "biology-2.pdf");
    const { rows } = await db.pool.query(
      `SELECT count(*)::int AS n FROM chunks WHERE document_id = $1 AND search_vector @@ plainto_tsquery('english', 'stomata')`,
      [upload.documentId],
    );
    expect(rows[0].n).toBeGreaterThan(0);
  });

  it("indexes a DOCX with a table and a list, keeping its headings", async () => {
    const { job, document, chunks } = await ingest(await makeDocxWithTableAndList(), "cells.docx");
    expect(job.status).toBe("finished");
    expect(document).toMatchObject({ status: "ready", kind: "docx", page_count: null });
    const text = chunks.map((chunk) => chunk.text).join("\n");
    expect(text).toContain("Ribosome | 25 nm");
    expect(text).toContain("- Mitochondria release energy");
    expect(chunks[0].heading).toBe("Cell biology");
  });

  it("indexes Markdown with its headings", async () => {
    const markdown = "# Volcanoes\n\nMagma rises through the crust and erupts as lava.\n\n## Types\n\nShield volcanoes have gentle slopes.";
    const { document, chunks } = await ingest(new TextEncoder().encode(markdown), "volcanoes.md");
    expect(document).toMatchObject({ status: "ready", kind: "markdown" });
    expect(chunks[0]).toMatchObject({ heading: "Volcanoes", page: null });
  });

  it.each([
    ["an image-only PDF", () => makeImageOnlyPdf(2), "scan.pdf", "This PDF has no extractable text — it may be a scan"],
    ["an encrypted PDF", () => makeEncryptedPdf("The exam answers are in the appendix.", "letmein"), "exam.pdf", "This PDF is password-protected"],
    ["a zero-byte file", () => new Uint8Array(0), "empty.pdf", "The file is empty"],
    ["random bytes named .pdf", () => makeRandomBytes(4096, 7), "notes.pdf", "This file is not a PDF, Word document or text file"],
    [
      "a DOCX zip bomb",
      () => makeZipBombDocx({ expandedBytes: 110 * MB, isSizeDeclared: false }),
      "bomb.docx",
      "This Word document expands to more than 100 MB — it may be corrupt or malicious",
    ],
  ])("fails %s with the sentence a teacher understands", async (_name, makeFile, fileName, sentence) => {
    const { job, document, chunks, hasBytesLeft } = await ingest(await makeFile(), fileName);
    expect(job).toMatchObject({ status: "failed", error: sentence });
    expect(document).toMatchObject({ status: "failed", error: sentence, chunk_count: 0, preview: [] });
    expect(chunks).toEqual([]);
    expect(hasBytesLeft).toBe(false);
  });

  it("fails the job of a document deleted before it was read, and indexes nothing", async () => {
    await worker.stop(1000);
    const upload = await createDocumentUpload(db.pool, { fileName: "gone.md", bytes: new TextEncoder().encode("# Gone\n\nSoon deleted.") });
    await db.pool.query(`DELETE FROM documents WHERE id = $1`, [upload.documentId]);
    worker = await startTestWorker(db);
    const job = await waitForJob(db.pool, upload.jobId);
    expect(job).toMatchObject({ status: "failed", error: "This document was deleted before it could be read" });
    const { rows } = await db.pool.query(`SELECT count(*)::int AS n FROM chunks WHERE document_id = $1`, [upload.documentId]);
    expect(rows[0].n).toBe(0);
  });
});

describe("indexDocument when a job ends early or runs twice", () => {
  // These call indexDocument themselves, as a worker elsewhere would; this file's worker must not race them.
  beforeAll(async () => {
    await worker.stop(1000);
  });

  const markdown = new TextEncoder().encode("# Tides\n\nThe Moon's gravity raises two bulges of water on opposite sides of the Earth.");

  /** An upload no worker will touch: its job is marked started, as if claimed elsewhere. */
  async function uploadHeldByAnotherWorker() {
    const upload = await createDocumentUpload(db.pool, { fileName: "tides.md", bytes: markdown });
    await db.pool.query(`UPDATE jobs SET status = 'started', locked_by = 'elsewhere', heartbeat_at = now() WHERE id = $1`, [upload.jobId]);
    return upload;
  }

  it("puts the document back in the queue, bytes kept, when the instance shuts down", async () => {
    const upload = await uploadHeldByAnotherWorker();
    const controller = new AbortController();
    controller.abort(new WorkerShutdownError());
    await expect(indexDocument(db.pool, upload.documentId, { signal: controller.signal })).rejects.toBeInstanceOf(WorkerShutdownError);
    expect((await getDocument(db.pool, upload.documentId, undefined)).status).toBe("queued");
    const { rows } = await db.pool.query(`SELECT 1 FROM document_uploads WHERE document_id = $1`, [upload.documentId]);
    expect(rows).toHaveLength(1);
  });

  it("fails the document with the too-long sentence when the job times out", async () => {
    const upload = await uploadHeldByAnotherWorker();
    const controller = new AbortController();
    controller.abort(new JobTimeoutError(600));
    await expect(indexDocument(db.pool, upload.documentId, { signal: controller.signal })).rejects.toBeInstanceOf(JobTimeoutError);
    expect(await getDocument(db.pool, upload.documentId, undefined)).toMatchObject({
      status: "failed",
      error: "Reading this file took too long — it may be damaged or too complex",
    });
  });

  it("returns the same result without reading again when run after its index was committed", async () => {
    const upload = await uploadHeldByAnotherWorker();
    const signal = new AbortController().signal;
    const first = await indexDocument(db.pool, upload.documentId, { signal });
    const second = await indexDocument(db.pool, upload.documentId, { signal });
    expect(second).toEqual(first);
    expect(first).toMatchObject({ stored: true, chunks: 1, source: "tides.md" });
  });

  it("shows a document whose job was given up as failed, and then marks it so and drops its bytes", async () => {
    const upload = await uploadHeldByAnotherWorker();
    await db.pool.query(`UPDATE documents SET status = 'indexing' WHERE id = $1`, [upload.documentId]);
    const givenUp = "The job stopped its worker 3 times and was given up.";
    await db.pool.query(`UPDATE jobs SET status = 'failed', error = $2 WHERE id = $1`, [upload.jobId, givenUp]);

    expect(await getDocument(db.pool, upload.documentId, undefined)).toMatchObject({ status: "failed", error: givenUp });
    expect(await failAbandonedDocuments(db.pool)).toBeGreaterThanOrEqual(1);
    const { rows } = await db.pool.query(
      `SELECT d.status, d.error, (SELECT count(*)::int FROM document_uploads u WHERE u.document_id = d.id) AS uploads
       FROM documents d WHERE d.id = $1`,
      [upload.documentId],
    );
    expect(rows[0]).toEqual({ status: "failed", error: givenUp, uploads: 0 });
  });
});

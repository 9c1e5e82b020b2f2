import type pg from "pg";
import { chunkDocument, type DocumentChunk } from "../ingest/chunk-document";
import { extractDocument } from "../ingest/extract-document";
import type { ExtractedDocument } from "../ingest/extracted-document";
import { IngestError } from "../ingest/ingest-error";
import { describeError, log } from "../log";
import { describeJobFailure, JobFailedError, JobTimeoutError, WorkerShutdownError } from "../jobs/job-errors";
import type { JobProgress } from "../jobs/types";
import { buildPreview, stripNul } from "./build-preview";
import { findPageBreaks } from "./find-page-breaks";
import { toIngestResult, type IngestResult } from "./ingest-result";

export interface IndexingContext {
  signal: AbortSignal;
  reportProgress?: (progress: JobProgress) => Promise<void>;
}

interface PendingDocument {
  id: string;
  file_name: string;
  status: string;
  chunk_count: number;
  page_count: number | null;
  collection_id: number;
  collection_name: string;
  bytes: Buffer | null;
}

export const DELETED_BEFORE_READ = "This document was deleted before it could be read";

/**
 * Reads an uploaded document, splits it into chunks and indexes them: the chunks, the document's
 * `ready` status and the removal of the uploaded bytes are one transaction, so a document is
 * either fully searchable or not at all. Running it again after that commit (a retried job)
 * returns the same result without reading anything. A file that cannot be read ends `failed`
 * with the sentence a teacher understands, and the error is rethrown for the job.
 */
export async function indexDocument(pool: pg.Pool, documentId: string, context: IndexingContext): Promise<IngestResult> {
  const { rows } = await pool.query<PendingDocument>(
    `SELECT d.id, d.file_name, d.status, d.chunk_count, d.page_count, d.collection_id, c.name AS collection_name, u.bytes
     FROM documents d
     JOIN collections c ON c.id = d.collection_id
     LEFT JOIN document_uploads u ON u.document_id = d.id
     WHERE d.id = $1`,
    [documentId],
  );
  const document = rows[0];
  if (!document) throw new JobFailedError(DELETED_BEFORE_READ);
  if (document.bytes === null) {
    if (document.status === "ready") return resultOf(document);
    throw new JobFailedError("The uploaded file is no longer available; please upload it again");
  }
  await pool.query(`UPDATE documents SET status = 'indexing', error = NULL, updated_at = now() WHERE id = $1`, [documentId]);
  try {
    await context.reportProgress?.({ done: 0, total: 2, stage: "reading the file" });
    const extracted = await extractDocument(new Uint8Array(document.bytes), document.file_name, { signal: context.signal });
    const chunks = chunkDocument(extracted);
    await context.reportProgress?.({ done: 1, total: 2, stage: "indexing" });
    await storeIndex(pool, document, extracted, chunks, context.signal);
    return resultOf({ ...document, chunk_count: chunks.length, page_count: extracted.pageCount });
  } catch (error) {
    await recordFailure(pool, documentId, context.signal.aborted ? context.signal.reason : error).catch((writeError) =>
      log.warn("could not record a document's failure", { document: documentId, ...describeError(writeError) }),
    );
    throw error;
  }
}

async function storeIndex(
  pool: pg.Pool,
  document: PendingDocument,
  extracted: ExtractedDocument,
  chunks: DocumentChunk[],
  signal: AbortSignal,
): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    // Locks the row against a concurrent delete; a document deleted meanwhile gets no chunks.
    const locked = await client.query(`SELECT 1 FROM documents WHERE id = $1 FOR UPDATE`, [document.id]);
    if (locked.rowCount === 0) throw new JobFailedError(DELETED_BEFORE_READ);
    // A retry after a lost lease may find chunks of the earlier attempt.
    await client.query(`DELETE FROM chunks WHERE document_id = $1`, [document.id]);
    const stored = chunks.map((chunk) => ({ ...chunk, text: stripNul(chunk.text), heading: chunk.heading === null ? null : stripNul(chunk.heading) }));
    await client.query(
      `INSERT INTO chunks (document_id, collection_id, ordinal, text, heading, page, last_page, page_breaks)
       SELECT $1, $2, ordinal, text, heading, page, last_page, page_breaks
       FROM unnest($3::int[], $4::text[], $5::text[], $6::int[], $7::int[], $8::jsonb[])
         AS t(ordinal, text, heading, page, last_page, page_breaks)`,
      [
        document.id,
        document.collection_id,
        stored.map((chunk) => chunk.ordinal),
        stored.map((chunk) => chunk.text),
        stored.map((chunk) => chunk.heading),
        stored.map((chunk) => chunk.page),
        stored.map((chunk) => chunk.lastPage),
        stored.map((chunk) => {
          const breaks = findPageBreaks(chunk, extracted);
          return breaks.length > 0 ? JSON.stringify(breaks) : null;
        }),
      ],
    );
    await client.query(
      `UPDATE documents SET status = 'ready', error = NULL, kind = $2, page_count = $3, chunk_count = $4, preview = $5,
         indexed_at = now(), updated_at = now()
       WHERE id = $1`,
      [document.id, extracted.kind, extracted.pageCount, chunks.length, JSON.stringify(buildPreview(extracted))],
    );
    await client.query(`DELETE FROM document_uploads WHERE document_id = $1`, [document.id]);
    // A job that timed out or is being handed back must not commit after the fact.
    signal.throwIfAborted();
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/**
 * Leaves the document as the job ended: back to `queued` (bytes kept) when the instance is
 * shutting down and the job will run elsewhere; otherwise `failed` with a sentence for the teacher,
 * and the bytes, no longer needed, deleted.
 */
async function recordFailure(pool: pg.Pool, documentId: string, reason: unknown): Promise<void> {
  if (reason instanceof WorkerShutdownError) {
    await pool.query(`UPDATE documents SET status = 'queued', updated_at = now() WHERE id = $1`, [documentId]);
    return;
  }
  const message = reason instanceof JobTimeoutError ? new IngestError("timed-out").userMessage : describeJobFailure(reason);
  await pool.query(
    `WITH failed AS (
       UPDATE documents SET status = 'failed', error = $2, updated_at = now() WHERE id = $1 RETURNING id
     )
     DELETE FROM document_uploads WHERE document_id IN (SELECT id FROM failed)`,
    [documentId, message],
  );
}

function resultOf(document: Pick<PendingDocument, "id" | "file_name" | "collection_name" | "chunk_count" | "page_count">): IngestResult {
  return toIngestResult({
    id: document.id,
    fileName: document.file_name,
    collectionName: document.collection_name,
    chunkCount: document.chunk_count,
    pageCount: document.page_count,
  });
}

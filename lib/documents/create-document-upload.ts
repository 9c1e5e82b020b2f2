import { randomUUID } from "node:crypto";
import type pg from "pg";
import { enqueueJob } from "../jobs/enqueue-job";
import { collectionNotFound } from "./collection-not-found";
import { createCollectionName } from "./collection-name";
import { ingestJob } from "./ingest-job";
import type { UploadForm } from "./read-upload-form";

export interface CreatedUpload {
  documentId: string;
  jobId: string;
  collectionName: string;
}

/**
 * Stores an upload and queues its ingest job in one transaction: a new collection (or the named
 * one), the document row, its bytes, the job. Adding to a collection someone else owns answers as
 * if it did not exist; an anonymous collection's name is enough to add to it, as in EduMate.
 */
export async function createDocumentUpload(
  pool: pg.Pool,
  upload: UploadForm,
  { ownerId }: { ownerId?: number } = {},
): Promise<CreatedUpload> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const collection = upload.collectionName
      ? await findWritableCollection(client, upload.collectionName, ownerId)
      : await createCollection(client, upload.fileName, ownerId);
    const documentId = randomUUID();
    const { id: jobId } = await enqueueJob(client, ingestJob, { documentId }, { userId: ownerId });
    await client.query(
      `INSERT INTO documents (id, collection_id, owner_id, file_name, byte_size, job_id, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, now())`,
      [documentId, collection.id, ownerId ?? null, upload.fileName, upload.bytes.byteLength, jobId],
    );
    await client.query(`INSERT INTO document_uploads (document_id, bytes) VALUES ($1, $2)`, [documentId, Buffer.from(upload.bytes)]);
    await client.query("COMMIT");
    return { documentId, jobId, collectionName: collection.name };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

async function findWritableCollection(client: pg.PoolClient, name: string, ownerId: number | undefined) {
  const { rows } = await client.query<{ id: number; name: string; owner_id: number | null }>(
    `SELECT id, name, owner_id FROM collections WHERE name = $1 FOR SHARE`,
    [name],
  );
  const collection = rows[0];
  if (!collection || (collection.owner_id !== null && collection.owner_id !== ownerId)) throw collectionNotFound(name);
  return collection;
}

async function createCollection(client: pg.PoolClient, title: string, ownerId: number | undefined) {
  const { rows } = await client.query<{ id: number; name: string }>(
    `INSERT INTO collections (name, title, owner_id) VALUES ($1, $2, $3) RETURNING id, name`,
    [createCollectionName(), title, ownerId ?? null],
  );
  return rows[0];
}

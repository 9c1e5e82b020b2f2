import { z } from "zod";
import { getPool, type Queryable } from "../db";
import { AppError } from "../errors";
import type { SourcePassage } from "../generation/generator";
import { JobFailedError } from "../jobs/job-errors";
import { collectionNotFound, documentNotFound } from "./collection-not-found";
import { retrieveChunks, toSourcePassages } from "./retrieve-passages";

/** In a generation job's payload: the documents to retrieve passages from, resolved when it was queued. */
export const documentSourceSchema = z.object({
  collectionId: z.number().int().positive(),
  collectionName: z.string(),
  documentId: z.uuid().optional(),
  query: z.string().max(1000).default(""),
});
export type DocumentSource = z.output<typeof documentSourceSchema>;

/**
 * Resolves `collection_name` and/or `document_id` of a generation request when it arrives, so an
 * unknown one is a 404 now rather than a failed job later, and material still being read is a 409.
 * A collection's name is the capability to generate from it, as in EduMate; a document id must be
 * the caller's own document or an anonymous upload.
 */
export async function resolveDocumentSource(
  db: Queryable,
  request: { collection_name?: string; document_id?: string; query?: string },
  callerId: number | undefined,
): Promise<DocumentSource> {
  const query = request.query ?? "";
  if (request.document_id) {
    const { rows } = await db.query<{ collection_id: number; collection_name: string; status: string }>(
      `SELECT c.id AS collection_id, c.name AS collection_name, d.status
       FROM documents d JOIN collections c ON c.id = d.collection_id
       WHERE d.id = $1 AND (d.owner_id IS NULL OR d.owner_id = $2) AND ($3::text IS NULL OR c.name = $3)`,
      [request.document_id, callerId ?? null, request.collection_name ?? null],
    );
    const document = rows[0];
    if (!document) throw documentNotFound();
    if (document.status !== "ready") {
      throw new AppError("conflict", `This document is not ready to generate from (its status is "${document.status}")`);
    }
    return { collectionId: document.collection_id, collectionName: document.collection_name, documentId: request.document_id, query };
  }
  const name = request.collection_name ?? "";
  const { rows } = await db.query<{ id: number; name: string; ready: number }>(
    `SELECT c.id, c.name, (SELECT count(*) FROM documents d WHERE d.collection_id = c.id AND d.status = 'ready')::int AS ready
     FROM collections c WHERE c.name = $1`,
    [name],
  );
  const collection = rows[0];
  if (!collection) throw collectionNotFound(name);
  if (collection.ready === 0) {
    throw new AppError("conflict", "No document in this collection has been read yet; wait until /chunking/status says chunked");
  }
  return { collectionId: collection.id, collectionName: collection.name, query };
}

/** Run by the generation job: the passages retrieval chooses for this many questions. */
export async function retrieveForGeneration(source: DocumentSource, questionCount: number): Promise<SourcePassage[]> {
  const chunks = await retrieveChunks(
    await getPool(),
    { collectionId: source.collectionId, documentId: source.documentId },
    { query: source.query, questionCount },
  );
  if (chunks.length === 0) {
    throw new JobFailedError("The documents to ask about were deleted, or have no text left to ask about");
  }
  return toSourcePassages(chunks);
}

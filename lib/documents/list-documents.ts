import type { Queryable } from "../db";
import { DOCUMENT_ROW_COLUMNS, DOCUMENT_ROW_FROM, toDocumentSummary, type DocumentRow, type DocumentSummary } from "./document-summary";

// A teacher's library, not a search index: one page of the newest is the whole list in practice.
export const MAX_LISTED_DOCUMENTS = 500;

/** The owner's documents, newest first, with status, pages and chunk count. */
export async function listDocuments(db: Queryable, ownerId: number): Promise<DocumentSummary[]> {
  const { rows } = await db.query<DocumentRow>(
    `SELECT ${DOCUMENT_ROW_COLUMNS} FROM ${DOCUMENT_ROW_FROM}
     WHERE d.owner_id = $1 ORDER BY d.created_at DESC, d.id LIMIT $2`,
    [ownerId, MAX_LISTED_DOCUMENTS],
  );
  return rows.map(toDocumentSummary);
}

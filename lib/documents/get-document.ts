import type { Queryable } from "../db";
import type { PreviewSection } from "./build-preview";
import { documentNotFound } from "./collection-not-found";
import {
  DOCUMENT_ROW_COLUMNS,
  DOCUMENT_ROW_FROM,
  toDocumentSummary,
  type DocumentDetail,
  type DocumentRow,
} from "./document-summary";

/**
 * One document with a preview of its extracted text. The caller must own it, or it must be an
 * anonymous upload, whose unguessable id is the capability; anything else is a 404.
 */
export async function getDocument(db: Queryable, documentId: string, callerId: number | undefined): Promise<DocumentDetail> {
  const { rows } = await db.query<DocumentRow & { preview: PreviewSection[] | null }>(
    `SELECT ${DOCUMENT_ROW_COLUMNS}, d.preview FROM ${DOCUMENT_ROW_FROM}
     WHERE d.id = $1 AND (d.owner_id IS NULL OR d.owner_id = $2)`,
    [documentId, callerId ?? null],
  );
  const row = rows[0];
  if (!row) throw documentNotFound();
  return { ...toDocumentSummary(row), preview: row.preview ?? [] };
}

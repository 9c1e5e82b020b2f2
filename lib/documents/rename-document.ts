import type { Queryable } from "../db";
import { documentNotFound } from "./collection-not-found";

/** Renames a document the caller owns (or an anonymous one, by its id). */
export async function renameDocument(db: Queryable, documentId: string, callerId: number | undefined, fileName: string): Promise<void> {
  const { rowCount } = await db.query(
    `UPDATE documents SET file_name = $3, updated_at = now() WHERE id = $1 AND (owner_id IS NULL OR owner_id = $2)`,
    [documentId, callerId ?? null, fileName],
  );
  if (rowCount === 0) throw documentNotFound();
}

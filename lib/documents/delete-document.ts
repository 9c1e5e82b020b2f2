import type pg from "pg";
import { documentNotFound } from "./collection-not-found";

/**
 * Deletes a document the caller owns (or an anonymous one, by its id), its chunks and any bytes
 * still waiting, and its collection when no document is left in it. Assessments generated from it
 * keep their questions: they hold copies, not references.
 */
export async function deleteDocument(pool: pg.Pool, documentId: string, callerId: number | undefined): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const { rows } = await client.query<{ collection_id: number }>(
      `SELECT collection_id FROM documents WHERE id = $1 AND (owner_id IS NULL OR owner_id = $2)`,
      [documentId, callerId ?? null],
    );
    if (rows.length === 0) throw documentNotFound();
    const collectionId = rows[0].collection_id;
    // An upload adding to this collection holds it FOR SHARE: wait for it, then count what is left.
    await client.query(`SELECT 1 FROM collections WHERE id = $1 FOR UPDATE`, [collectionId]);
    const deleted = await client.query(`DELETE FROM documents WHERE id = $1`, [documentId]);
    if (deleted.rowCount === 0) throw documentNotFound();
    await client.query(
      `DELETE FROM collections c WHERE c.id = $1 AND NOT EXISTS (SELECT 1 FROM documents d WHERE d.collection_id = c.id)`,
      [collectionId],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

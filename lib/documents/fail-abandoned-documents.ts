import type { Queryable } from "../db";

export const INTERRUPTED = "Reading this file was interrupted; please upload it again";

/**
 * A document still `queued` or `indexing` whose job is no longer waiting or running (the sweeper
 * gave it up after its worker died repeatedly, or it expired) would never change again: mark it
 * failed with the job's sentence, and delete uploaded bytes nobody will read. Cheap; run by every
 * ingest job before it starts.
 */
export async function failAbandonedDocuments(db: Queryable): Promise<number> {
  const { rowCount } = await db.query(
    `UPDATE documents d SET status = 'failed', updated_at = now(),
       error = COALESCE((SELECT j.error FROM jobs j WHERE j.id = d.job_id AND j.status = 'failed'), $1)
     WHERE d.status IN ('queued', 'indexing')
       AND NOT EXISTS (SELECT 1 FROM jobs j WHERE j.id = d.job_id AND j.status IN ('queued', 'started'))`,
    [INTERRUPTED],
  );
  await db.query(
    `DELETE FROM document_uploads u USING documents d WHERE d.id = u.document_id AND d.status IN ('ready', 'failed')`,
  );
  return rowCount ?? 0;
}

import type { Queryable } from "../db";

/** A response kept for replay. */
export interface StoredResponse {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
}

export type ClaimResult =
  /** This request holds the key: it does the work, then stores or releases. `token` guards both. */
  | { kind: "owner"; token: Date }
  | { kind: "replay"; response: StoredResponse }
  | { kind: "mismatch" }
  | { kind: "in_progress" };

/**
 * Takes the key for this request, unless another request holds it. The primary key (scope, key)
 * makes the insert the arbiter: of two concurrent identical requests exactly one inserts and
 * runs; the other sees the row. An expired row, or a claim abandoned for `lockSeconds` (its
 * instance died mid-request), is taken over.
 */
export async function claimIdempotencyKey(
  db: Queryable,
  { scope, key, fingerprint, ttlSeconds, lockSeconds }: { scope: string; key: string; fingerprint: string; ttlSeconds: number; lockSeconds: number },
): Promise<ClaimResult> {
  const claimed = await db.query<{ locked_at: Date }>(
    `INSERT INTO idempotency_keys (scope, key, fingerprint, locked_at, expires_at)
     VALUES ($1, $2, $3, clock_timestamp(), now() + make_interval(secs => $4))
     ON CONFLICT (scope, key) DO UPDATE SET
       fingerprint = EXCLUDED.fingerprint, locked_at = EXCLUDED.locked_at, expires_at = EXCLUDED.expires_at,
       created_at = now(), response_status = NULL, response_headers = NULL, response_body = NULL
     WHERE idempotency_keys.expires_at <= now()
        OR (idempotency_keys.response_status IS NULL AND idempotency_keys.locked_at < now() - make_interval(secs => $5))
     RETURNING locked_at`,
    [scope, key, fingerprint, ttlSeconds, lockSeconds],
  );
  if (claimed.rows[0]) return { kind: "owner", token: claimed.rows[0].locked_at };
  const { rows } = await db.query<{
    fingerprint: string;
    response_status: number | null;
    response_headers: Record<string, string> | null;
    response_body: Buffer | null;
  }>(`SELECT fingerprint, response_status, response_headers, response_body FROM idempotency_keys WHERE scope = $1 AND key = $2`, [
    scope,
    key,
  ]);
  const row = rows[0];
  // Released between the two statements (the first request failed): the caller tries again.
  if (!row) return { kind: "in_progress" };
  if (row.fingerprint !== fingerprint) return { kind: "mismatch" };
  if (row.response_status === null) return { kind: "in_progress" };
  return {
    kind: "replay",
    response: { status: row.response_status, headers: row.response_headers ?? {}, body: row.response_body ?? new Uint8Array() },
  };
}

/** Keeps the owner's answer for replay. */
export async function storeIdempotentResponse(db: Queryable, scope: string, key: string, token: Date, response: StoredResponse): Promise<void> {
  await db.query(
    `UPDATE idempotency_keys SET response_status = $4, response_headers = $5, response_body = $6
     WHERE scope = $1 AND key = $2 AND locked_at = $3`,
    [scope, key, token, response.status, JSON.stringify(response.headers), Buffer.from(response.body)],
  );
}

/** Gives the key up when the request failed, so a retry with it can do the work. */
export async function releaseIdempotencyKey(db: Queryable, scope: string, key: string, token: Date): Promise<void> {
  await db.query(`DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2 AND locked_at = $3 AND response_status IS NULL`, [
    scope,
    key,
    token,
  ]);
}

export async function sweepIdempotencyKeys(db: Queryable): Promise<void> {
  await db.query(
    `DELETE FROM idempotency_keys WHERE (scope, key) IN (SELECT scope, key FROM idempotency_keys WHERE expires_at < now() LIMIT 1000)`,
  );
}

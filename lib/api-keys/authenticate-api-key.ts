import type { Queryable } from "../db";
import { hashApiKey } from "./api-key-format";

export interface ApiKeyOwner {
  apiKeyId: string;
  user: { id: number; name: string; email: string };
}

/**
 * The owner of an unrevoked key, or null. Looked up by hash, so the key itself is never compared or
 * stored. last_used_at is touched at most once a minute to keep busy keys from writing on every call.
 */
export async function authenticateApiKey(db: Queryable, key: string): Promise<ApiKeyOwner | null> {
  const { rows } = await db.query<{ id: string; user_id: number; name: string; email: string }>(
    `WITH found AS (
       SELECT k.id, k.user_id FROM api_keys k WHERE k.key_hash = $1 AND k.revoked_at IS NULL
     ), touched AS (
       UPDATE api_keys SET last_used_at = now()
       WHERE id = (SELECT id FROM found) AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')
     )
     SELECT found.id, found.user_id, u.name, u.email FROM found JOIN users u ON u.id = found.user_id`,
    [hashApiKey(key)],
  );
  const row = rows[0];
  return row ? { apiKeyId: row.id, user: { id: row.user_id, name: row.name, email: row.email } } : null;
}

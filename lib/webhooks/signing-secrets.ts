import { z } from "zod";
import type { Queryable } from "../db";
import { AppError } from "../errors";
import { generateSigningSecret } from "./signature";
import { signingSecretSchema } from "./webhook-schemas";

// Stored as they are, not hashed: signing needs the secret itself, and the owner may read it again
// in settings at any time (as Stripe and GitHub show theirs).

/** Whose secret signs a delivery: the API key that started the job, else the user's own. */
export interface SecretOwner {
  userId: number;
  apiKeyId: string | null;
}

export interface SigningSecret {
  secret: string;
  created_at: string;
}

interface SecretRow {
  secret: string;
  created_at: Date;
}

const toSigningSecret = (row: SecretRow): SigningSecret => ({ secret: row.secret, created_at: row.created_at.toISOString() });

/** The owner's secret, made on first use (a write only then: reading it is a plain select). */
export async function getSigningSecret(db: Queryable, owner: SecretOwner): Promise<SigningSecret> {
  if (owner.apiKeyId) {
    await db.query(
      `UPDATE api_keys SET webhook_secret = $3, webhook_secret_created_at = now()
       WHERE id = $1 AND user_id = $2 AND webhook_secret IS NULL`,
      [owner.apiKeyId, owner.userId, generateSigningSecret()],
    );
    const { rows } = await db.query<SecretRow>(
      `SELECT webhook_secret AS secret, webhook_secret_created_at AS created_at FROM api_keys WHERE id = $1 AND user_id = $2`,
      [owner.apiKeyId, owner.userId],
    );
    // A key that is gone (its user deleted) signs nothing more; fall back to the account's secret.
    if (rows[0]) return toSigningSecret(rows[0]);
  }
  await db.query(`INSERT INTO user_webhook_secrets (user_id, secret) VALUES ($1, $2) ON CONFLICT (user_id) DO NOTHING`, [
    owner.userId,
    generateSigningSecret(),
  ]);
  const { rows } = await db.query<SecretRow>(`SELECT secret, created_at FROM user_webhook_secrets WHERE user_id = $1`, [owner.userId]);
  return toSigningSecret(rows[0]);
}

/** A secret as settings list it, with the key it belongs to (null: the account's own). */
export type SigningSecretSummary = z.output<typeof signingSecretSchema>;

/** The account's secret and one per unrevoked API key, each made if it did not exist yet. */
export async function listSigningSecrets(db: Queryable, userId: number): Promise<SigningSecretSummary[]> {
  const account = await getSigningSecret(db, { userId, apiKeyId: null });
  const { rows: keys } = await db.query<{ id: string; name: string; prefix: string }>(
    `SELECT id, name, prefix FROM api_keys WHERE user_id = $1 AND revoked_at IS NULL ORDER BY created_at DESC`,
    [userId],
  );
  const summaries: SigningSecretSummary[] = [{ ...account, api_key: null }];
  for (const key of keys) summaries.push({ ...(await getSigningSecret(db, { userId, apiKeyId: key.id })), api_key: key });
  return summaries;
}

/** POST /api/webhooks/secrets/rotate: which secret to replace. */
export const rotateSecretRequestSchema = z.object({
  api_key_id: z
    .uuid({ error: "api_key_id must be the id of one of your API keys" })
    .nullable()
    .optional()
    .meta({ description: "The API key whose secret to replace; absent or null → the account's own secret." }),
});
export type RotateSecretRequest = z.output<typeof rotateSecretRequestSchema>;

/**
 * Replaces a secret at once: deliveries from now on, retries included, are signed with the new one.
 * Someone else's key, a revoked one or an unknown one is the same 404.
 */
export async function rotateSigningSecret(db: Queryable, userId: number, request: RotateSecretRequest): Promise<SigningSecretSummary> {
  const secret = generateSigningSecret();
  if (request.api_key_id) {
    const { rows } = await db.query<SecretRow & { id: string; name: string; prefix: string }>(
      `UPDATE api_keys SET webhook_secret = $3, webhook_secret_created_at = now()
       WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL
       RETURNING id, name, prefix, webhook_secret AS secret, webhook_secret_created_at AS created_at`,
      [request.api_key_id, userId, secret],
    );
    if (!rows[0]) throw new AppError("not_found", "API key not found");
    const { id, name, prefix } = rows[0];
    return { ...toSigningSecret(rows[0]), api_key: { id, name, prefix } };
  }
  const { rows } = await db.query<SecretRow>(
    `INSERT INTO user_webhook_secrets (user_id, secret) VALUES ($1, $2)
     ON CONFLICT (user_id) DO UPDATE SET secret = EXCLUDED.secret, created_at = now()
     RETURNING secret, created_at`,
    [userId, secret],
  );
  return { ...toSigningSecret(rows[0]), api_key: null };
}

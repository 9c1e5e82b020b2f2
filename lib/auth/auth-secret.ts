import { randomBytes } from "node:crypto";
import type { Queryable } from "../db";
import { env } from "../env";

const SECRET_KEY = "auth_secret";

/**
 * BETTER_AUTH_SECRET when set; otherwise a secret generated on first start and kept in
 * `app_settings`. Insert-if-absent then read, so instances starting together all end up with the
 * first one's secret and sign and verify the same cookies.
 */
export async function getAuthSecret(db: Queryable): Promise<string> {
  if (env.BETTER_AUTH_SECRET) return env.BETTER_AUTH_SECRET;
  await db.query(`INSERT INTO app_settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING`, [
    SECRET_KEY,
    randomBytes(32).toString("base64url"),
  ]);
  const { rows } = await db.query<{ value: string }>(`SELECT value FROM app_settings WHERE key = $1`, [SECRET_KEY]);
  return rows[0].value;
}

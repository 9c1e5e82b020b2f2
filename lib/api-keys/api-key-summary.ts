/** An API key as lists show it: never the key, only its first characters. */
export interface ApiKeySummary {
  id: string;
  name: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
}

export function toApiKeySummary(row: { id: string; name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null }): ApiKeySummary {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    created_at: row.createdAt.toISOString(),
    last_used_at: row.lastUsedAt?.toISOString() ?? null,
  };
}

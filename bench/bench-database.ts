import { chmodSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import path from "node:path";
import { createPool } from "@/lib/db";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { applyMigrations } from "@/lib/db/migrate";

/** A throwaway embedded Postgres for one benchmark run, migrated, removed afterwards. */
export async function startBenchDatabase() {
  mkdirSync(".test-data", { recursive: true });
  const dir = mkdtempSync(path.resolve(".test-data", "bench-"));
  chmodSync(dir, 0o755);
  const server = await startEmbeddedPostgres(dir);
  const pool = createPool(server.url, 20);
  await applyMigrations(pool);
  return {
    url: server.url,
    pool,
    async stop() {
      await pool.end();
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

import { chmodSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "./embedded-postgres";

const root = path.resolve(".test-data");
mkdirSync(root, { recursive: true });
const dataDir = mkdtempSync(path.join(root, "embedded-"));
chmodSync(dataDir, 0o755);

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function query(url: string, sql: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}

describe("the embedded PostgreSQL", () => {
  it("initialises under the data dir, keeps data across restarts, and lets a second instance reuse it", async () => {
    const first = await startEmbeddedPostgres(dataDir);
    expect(first.isOwner).toBe(true);
    expect(first.url).toMatch(/^postgresql:\/\/bloomery:.+@127\.0\.0\.1:\d+\/bloomery$/);
    await query(first.url, "CREATE TABLE notes (body text)");
    await query(first.url, "INSERT INTO notes VALUES ($1)", ["kept"]);

    // A second instance on the same data dir must not start another server on the same files.
    const second = await startEmbeddedPostgres(dataDir);
    expect(second.isOwner).toBe(false);
    expect(second.url).toBe(first.url);
    expect(await query(second.url, "SELECT body FROM notes")).toEqual([{ body: "kept" }]);
    await second.stop();
    expect(await query(first.url, "SELECT count(*)::int AS n FROM notes")).toEqual([{ n: 1 }]);

    await first.stop();
    await expect(query(first.url, "SELECT 1")).rejects.toThrow();

    const restarted = await startEmbeddedPostgres(dataDir);
    try {
      expect(restarted.isOwner).toBe(true);
      expect(await query(restarted.url, "SELECT body FROM notes")).toEqual([{ body: "kept" }]);
    } finally {
      await restarted.stop();
    }
  });

  it("lets two instances that start at the same moment share one server", async () => {
    const dir = path.join(dataDir, "race");
    mkdirSync(dir);
    const [a, b] = await Promise.all([startEmbeddedPostgres(dir), startEmbeddedPostgres(dir)]);
    try {
      expect([a.isOwner, b.isOwner].sort()).toEqual([false, true]);
      expect(a.url).toBe(b.url);
      expect(await query(a.url, "SELECT 1 AS ok")).toEqual([{ ok: 1 }]);
    } finally {
      await a.stop();
      await b.stop();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./helpers/test-database";
import { ensureProductionBuild, startAppProcess, type AppProcess } from "./helpers/app-process";

// Three real app instances share one Postgres: every job must finish, and finish exactly once, even
// when one instance is killed mid-run and its jobs have to be recovered by the others.
let db: TestDatabase;
const apps: AppProcess[] = [];

beforeAll(async () => {
  ensureProductionBuild();
  db = await createTestDatabase();
  // Every completion write is recorded, so a job finished twice would show up as two rows.
  await db.pool.query(`
    CREATE TABLE completions (job_id uuid NOT NULL, worker text, at timestamptz NOT NULL DEFAULT clock_timestamp());
    CREATE FUNCTION record_completion() RETURNS trigger AS $$
    BEGIN INSERT INTO completions (job_id, worker) VALUES (NEW.id, NEW.locked_by); RETURN NEW; END $$ LANGUAGE plpgsql;
    CREATE TRIGGER record_completion AFTER UPDATE ON jobs FOR EACH ROW
      WHEN (NEW.status = 'finished' AND NEW.finished_at IS DISTINCT FROM OLD.finished_at) EXECUTE FUNCTION record_completion();
  `);
  // 200 anonymous generations from one address: lift the per-IP limit that would otherwise stop them.
  const env = {
    DATABASE_URL: db.url,
    WORKER_CONCURRENCY: "2",
    JOB_LEASE_SECONDS: "3",
    WORKER_POLL_MS: "500",
    RATE_LIMIT_GENERATE_ANONYMOUS: "1000",
  };
  apps.push(...(await Promise.all([startAppProcess(env), startAppProcess(env), startAppProcess(env)])));
}, 240_000);

afterAll(async () => {
  await Promise.all(apps.map((app) => app.stop("SIGKILL")));
  await db?.drop();
});

const material = [
  "The heart pumps blood through the body.",
  "Arteries carry blood away from the heart to the organs.",
  "Veins return blood to the heart after it has delivered oxygen.",
  "The lungs add oxygen to the blood and remove carbon dioxide.",
  "Capillaries are tiny vessels where oxygen passes into the tissues.",
  "Red blood cells contain haemoglobin, which binds oxygen.",
].join(" ");

describe("three app processes on one database", () => {
  it("finish 200 jobs, each exactly once, even when one instance dies mid-run", async () => {
    const jobIds: string[] = [];
    for (let i = 0; i < 200; i++) {
      const app = apps[i % 3];
      const response = await fetch(`${app.url}/api/generate`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ text: material, blooms: { remember: 1 }, seed: i }),
      });
      expect(response.status).toBe(202);
      jobIds.push(((await response.json()) as { job_id: string }).job_id);
    }
    // Kill one instance outright (no shutdown, no hand-back) while it holds jobs.
    const victim = apps[0];
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      const { rows } = await db.pool.query("SELECT count(*)::int AS n FROM jobs WHERE status = 'started' AND locked_by LIKE $1", [
        `%:${victim.process.pid}:%`,
      ]);
      if (rows[0].n > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await victim.stop("SIGKILL");

    const finishDeadline = Date.now() + 150_000;
    for (;;) {
      const { rows } = await db.pool.query("SELECT count(*)::int AS n FROM jobs WHERE status IN ('finished', 'failed')");
      if (rows[0].n === 200 || Date.now() > finishDeadline) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const { rows: jobs } = await db.pool.query<{ id: string; status: string; error: string | null }>(
      "SELECT id, status, error FROM jobs WHERE id = ANY($1)",
      [jobIds],
    );
    expect(jobs.filter((job) => job.status !== "finished")).toEqual([]);
    expect(jobs).toHaveLength(200);
    const { rows: completions } = await db.pool.query<{ job_id: string; worker: string }>("SELECT job_id, worker FROM completions");
    expect(completions).toHaveLength(200);
    expect(new Set(completions.map((row) => row.job_id)).size).toBe(200);
    // Work was shared: the survivors each finished some jobs.
    const finishers = new Set(completions.map((row) => row.worker.split(":")[1]));
    expect(finishers.has(String(apps[1].process.pid))).toBe(true);
    expect(finishers.has(String(apps[2].process.pid))).toBe(true);
  }, 240_000);
});

import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ensureProductionBuild, startAppProcess } from "./helpers/app-process";

// The README's promise: with no configuration the app runs on an embedded Postgres under
// BLOOMERY_DATA_DIR, keeps its data across restarts and stops the database cleanly on SIGTERM.
mkdirSync(".test-data", { recursive: true });
const dataDir = mkdtempSync(path.resolve(".test-data", "lifecycle-"));
chmodSync(dataDir, 0o755);
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function waitForFinished(url: string, jobId: string) {
  for (let i = 0; i < 600; i++) {
    const body = (await (await fetch(`${url}/api/job_status?job_id=${jobId}`)).json()) as { status: string };
    if (body.status !== "queued" && body.status !== "started") return body;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("job did not end");
}

describe("a zero-configuration instance", () => {
  it("starts its own database, survives a restart with its data, and stops cleanly on SIGTERM", async () => {
    ensureProductionBuild();
    const env = { BLOOMERY_DATA_DIR: dataDir, DATABASE_URL: "" };
    const first = await startAppProcess(env);
    const response = await fetch(`${first.url}/api/generate`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        text: [
          "Mercury is the planet closest to the Sun.",
          "Venus is the hottest planet in the solar system because its thick atmosphere traps heat.",
          "Mars is called the red planet because iron oxide covers its surface.",
          "Jupiter is the largest planet and is made mostly of hydrogen and helium.",
          "Saturn is known for its bright rings of ice and rock.",
        ].join(" "),
        blooms: { remember: 1 },
      }),
    });
    const { job_id: jobId } = (await response.json()) as { job_id: string };
    const finished = await waitForFinished(first.url, jobId);
    expect(finished.status).toBe("finished");

    expect(existsSync(path.join(dataDir, "postgres", "postmaster.pid"))).toBe(true);
    expect(await first.stop("SIGTERM")).toBe(0);
    // PostgreSQL removes its pid file only on a clean shutdown.
    expect(existsSync(path.join(dataDir, "postgres", "postmaster.pid"))).toBe(false);

    const second = await startAppProcess(env);
    try {
      const again = (await (await fetch(`${second.url}/api/job_status?job_id=${jobId}`)).json()) as { status: string };
      expect(again).toEqual(finished);
    } finally {
      expect(await second.stop("SIGTERM")).toBe(0);
    }
  }, 300_000);
});

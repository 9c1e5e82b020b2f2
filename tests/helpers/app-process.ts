import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { findFreePort } from "@/lib/db/embedded-postgres";

export interface AppProcess {
  url: string;
  process: ChildProcess;
  log: string[];
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Builds the production app once if there is no build (under the same lock the e2e script uses). */
export function ensureProductionBuild() {
  if (existsSync(".next/BUILD_ID")) return;
  // Checked again under the lock: another test file may have built while this one waited.
  const build = spawnSync("flock", ["/tmp/bloomery-build.lock", "sh", "-c", "test -f .next/BUILD_ID || npx next build"], {
    stdio: "inherit",
  });
  if (build.status !== 0) throw new Error("next build failed");
}

/** Starts one real Bloomery instance (`next start`) with the given environment and waits until it is healthy. */
export async function startAppProcess(env: Record<string, string>): Promise<AppProcess> {
  const port = await findFreePort();
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, NODE_ENV: "production", NEXT_MANUAL_SIG_HANDLE: "true", LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const log: string[] = [];
  child.stdout!.on("data", (chunk) => log.push(String(chunk)));
  child.stderr!.on("data", (chunk) => log.push(String(chunk)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`app exited early:\n${log.join("")}`);
    const healthy = await fetch(`${url}/api/health`).then((response) => response.ok, () => false);
    if (healthy) break;
    if (Date.now() > deadline) throw new Error(`app did not become healthy:\n${log.join("")}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    process: child,
    log,
    stop: (signal = "SIGTERM") =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
        child.once("exit", (code) => resolve(code));
        child.kill(signal);
      }),
  };
}

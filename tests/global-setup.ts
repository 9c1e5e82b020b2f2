import { chmodSync, mkdtempSync, rmSync, mkdirSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../lib/db/embedded-postgres";

// One embedded PostgreSQL for the whole run; each test file gets a database of its own on it.
export default async function setup(project: TestProject) {
  const root = path.resolve(".test-data");
  mkdirSync(root, { recursive: true });
  const dataDir = mkdtempSync(path.join(root, "vitest-"));
  // PostgreSQL runs as an unprivileged user when we are root; it must be able to enter the folder.
  chmodSync(dataDir, 0o755);
  const server = await startEmbeddedPostgres(dataDir, "postgres");
  project.provide("adminDatabaseUrl", server.url);
  return async () => {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
  }
}

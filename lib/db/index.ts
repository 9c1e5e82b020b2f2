import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client";
import { env } from "../env";
import { log } from "../log";
import { startEmbeddedPostgres, type EmbeddedServer } from "./embedded-postgres";
import { applyMigrations } from "./migrate";

export interface Database {
  url: string;
  /** Raw SQL for the queue's hot paths; Prisma shares the same pool. */
  pool: pg.Pool;
  prisma: PrismaClient;
  embedded: EmbeddedServer | null;
}

// Cached on globalThis so Next's hot reload and its separately bundled instrumentation share one pool.
const globalForDb = globalThis as unknown as { __bloomeryDatabase?: Promise<Database> };

/** Connects once per process: starts the embedded server when DATABASE_URL is unset, then migrates. */
export function connectDatabase(): Promise<Database> {
  globalForDb.__bloomeryDatabase ??= openDatabase().catch((error) => {
    globalForDb.__bloomeryDatabase = undefined;
    throw error;
  });
  return globalForDb.__bloomeryDatabase;
}

/** Points this process at a given database instead of the configured one (tests and scripts). */
export function useDatabase(url: string): Promise<Database> {
  globalForDb.__bloomeryDatabase = openDatabase(url);
  return globalForDb.__bloomeryDatabase;
}

async function openDatabase(givenUrl?: string): Promise<Database> {
  const configuredUrl = givenUrl ?? env.DATABASE_URL;
  const embedded = configuredUrl ? null : await startEmbeddedPostgres(env.BLOOMERY_DATA_DIR);
  const url = configuredUrl ?? embedded!.url;
  const pool = createPool(url, env.DATABASE_POOL_SIZE);
  await applyMigrations(pool);
  return { url, pool, prisma: createPrisma(pool), embedded };
}

export function createPool(url: string, max: number): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on("error", (error) => log.warn("database pool error", { error: error.message }));
  return pool;
}

export function createPrisma(pool: pg.Pool): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg(pool) });
}

export async function getPool(): Promise<pg.Pool> {
  return (await connectDatabase()).pool;
}

export async function getPrisma(): Promise<PrismaClient> {
  return (await connectDatabase()).prisma;
}

/** Closes the pool and, if this process started it, the embedded server. */
export async function closeDatabase(): Promise<void> {
  const pending = globalForDb.__bloomeryDatabase;
  if (!pending) return;
  globalForDb.__bloomeryDatabase = undefined;
  const database = await pending.catch(() => null);
  if (!database) return;
  await database.prisma.$disconnect().catch(() => {});
  await database.pool.end().catch(() => {});
  await database.embedded?.stop();
}

export type Queryable = Pick<pg.Pool, "query">;

import { connectDatabase, closeDatabase } from "../db";
import { env } from "../env";
import { describeError, log } from "../log";
import { JOB_ENDED_HOOKS, JOB_KINDS } from "../jobs/registry";
import { JobWorker } from "../jobs/worker";

const globalForApp = globalThis as unknown as { __bloomeryApp?: Promise<void>; __bloomeryWorker?: JobWorker };

/**
 * Called once per server process from instrumentation.ts: connect (starting the embedded database
 * if needed), migrate, start this instance's worker, and stop all of it in order on SIGTERM/SIGINT.
 */
export function startApp(): Promise<void> {
  globalForApp.__bloomeryApp ??= (async () => {
    const database = await connectDatabase();
    if (env.WORKER_ENABLED) {
      const worker = new JobWorker({
        pool: database.pool,
        url: database.url,
        kinds: JOB_KINDS,
        concurrency: env.WORKER_CONCURRENCY,
        leaseSeconds: env.JOB_LEASE_SECONDS,
        ttlSeconds: env.JOB_RESULT_TTL_SECONDS,
        pollMs: env.WORKER_POLL_MS,
        onJobEnded: JOB_ENDED_HOOKS,
      });
      await worker.start();
      globalForApp.__bloomeryWorker = worker;
    }
    installShutdownHandlers();
  })();
  return globalForApp.__bloomeryApp;
}

let isShuttingDown = false;

function installShutdownHandlers() {
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => void shutDown(signal));
  }
}

async function shutDown(signal: string) {
  if (isShuttingDown) return;
  isShuttingDown = true;
  log.info("shutting down", { signal });
  try {
    await globalForApp.__bloomeryWorker?.stop(env.SHUTDOWN_GRACE_SECONDS * 1000);
    await closeDatabase();
  } catch (error) {
    log.error("error during shutdown", describeError(error));
  }
  process.exit(0);
}

import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { describeError, log } from "../log";
import { claimJobs } from "./claim-jobs";
import { JOBS_CHANNEL } from "./enqueue-job";
import { describeJobFailure, JobTimeoutError, RetryLaterError, WorkerShutdownError } from "./job-errors";
import { endJobWithHooks } from "./job-ended-hooks";
import { completeJob, failJob, handBackJob, renewLeases, retryJobLater, saveProgress } from "./job-lease";
import { sweepJobs } from "./sweep-jobs";
import type { JobContext, JobEndedHook, JobKind, JobProgress, JobRow } from "./types";

export interface WorkerOptions {
  pool: pg.Pool;
  /** Connection string for the dedicated LISTEN connection. */
  url: string;
  kinds: JobKind<any, any>[];
  concurrency: number;
  /** Recovery bound: a job whose instance died runs again elsewhere within this many seconds. */
  leaseSeconds: number;
  ttlSeconds: number;
  pollMs: number;
  /** Run in the transaction that finishes or fails a job, e.g. to queue its webhook. */
  onJobEnded?: JobEndedHook[];
  id?: string;
}

interface RunningJob {
  id: string;
  controller: AbortController;
  done: Promise<void>;
}

// How often progress may be written per job: a chatty handler must not flood the database.
const PROGRESS_INTERVAL_MS = 250;

/**
 * Claims and runs jobs inside this process. NOTIFY wakes it as soon as work arrives; polling every
 * `pollMs` guarantees progress if a notification is lost. Heartbeats keep its leases; a sweeper
 * (one instance at a time) recovers jobs of instances that died.
 */
export class JobWorker {
  readonly id: string;
  private readonly kinds: Map<string, JobKind<any, any>>;
  private readonly running = new Map<string, RunningJob>();
  private isStopping = false;
  private loopDone: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private pendingWake = false;
  private listener: pg.Client | null = null;
  private timers: NodeJS.Timeout[] = [];

  constructor(private readonly options: WorkerOptions) {
    this.id = options.id ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.kinds = new Map(options.kinds.map((kind) => [kind.kind, kind]));
  }

  private get tickMs(): number {
    return Math.max(50, (this.options.leaseSeconds * 1000) / 6);
  }

  private get staleAfterSeconds(): number {
    return this.options.leaseSeconds * 0.6;
  }

  async start(): Promise<void> {
    await this.listen();
    this.timers.push(setInterval(() => void this.heartbeat(), this.tickMs));
    this.timers.push(setInterval(() => void this.sweep(), this.tickMs));
    this.loopDone = this.loop();
    log.info("job worker started", { worker: this.id, concurrency: this.options.concurrency });
  }

  /** Wakes the claim loop (a NOTIFY arrived, or a slot became free). */
  poke(): void {
    if (this.wake) this.wake();
    else this.pendingWake = true;
  }

  get runningJobIds(): string[] {
    return [...this.running.keys()];
  }

  /**
   * Stops claiming, lets running jobs finish for up to `graceMs`, then aborts the rest and hands
   * them back to the queue for another instance.
   */
  async stop(graceMs: number): Promise<void> {
    if (this.isStopping) return;
    this.isStopping = true;
    this.poke();
    await this.loopDone;
    const deadline = new Promise((resolve) => setTimeout(resolve, graceMs).unref());
    await Promise.race([Promise.all([...this.running.values()].map((job) => job.done)), deadline]);
    for (const job of this.running.values()) job.controller.abort(new WorkerShutdownError());
    await Promise.all([...this.running.values()].map((job) => job.done));
    for (const timer of this.timers) clearInterval(timer);
    await this.listener?.end().catch(() => {});
    this.listener = null;
    log.info("job worker stopped", { worker: this.id });
  }

  private async loop(): Promise<void> {
    while (!this.isStopping) {
      const free = this.options.concurrency - this.running.size;
      let claimed = 0;
      if (free > 0) {
        try {
          const jobs = await claimJobs(this.options.pool, this.id, [...this.kinds.keys()], free);
          claimed = jobs.length;
          for (const job of jobs) this.run(job);
        } catch (error) {
          log.warn("claiming jobs failed; will retry", describeError(error));
        }
      }
      // A full claim means more may be waiting: go round again as soon as a slot frees.
      if (claimed > 0 && claimed === free && this.running.size < this.options.concurrency) continue;
      await this.sleep(this.options.pollMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    if (this.pendingWake) {
      this.pendingWake = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      const self = this;
      function done() {
        clearTimeout(timer);
        self.wake = null;
        resolve();
      }
      this.wake = done;
    });
  }

  private run(job: JobRow): void {
    const controller = new AbortController();
    const entry: RunningJob = { id: job.id, controller, done: Promise.resolve() };
    this.running.set(job.id, entry);
    entry.done = this.execute(job, controller).finally(() => {
      this.running.delete(job.id);
      this.poke();
    });
  }

  private async execute(job: JobRow, controller: AbortController): Promise<void> {
    const { ttlSeconds } = this.options;
    const timeout = setTimeout(() => controller.abort(new JobTimeoutError(job.timeout_seconds)), job.timeout_seconds * 1000);
    const aborted = new Promise<never>((_, reject) => {
      controller.signal.addEventListener("abort", () => reject(controller.signal.reason), { once: true });
    });
    aborted.catch(() => {});
    try {
      const kind = this.kinds.get(job.kind)!;
      const payload = kind.payloadSchema.parse(job.payload);
      const context = this.createContext(job, controller.signal);
      // The race makes a timeout end the job even if a handler ignores its signal.
      const result = await Promise.race([kind.handle(payload, context), aborted]);
      await this.endJob(job.id, (db) => completeJob(db, this.id, job.id, result, ttlSeconds));
    } catch (error) {
      await this.settleFailure(job, error);
    } finally {
      clearTimeout(timeout);
    }
  }

  private async settleFailure(job: JobRow, error: unknown): Promise<void> {
    const { pool, ttlSeconds } = this.options;
    try {
      if (error instanceof WorkerShutdownError) {
        await handBackJob(pool, this.id, job.id);
        log.info("job handed back on shutdown", { job: job.id });
      } else if (error instanceof JobTimeoutError) {
        await this.endJob(job.id, (db) => failJob(db, this.id, job.id, error.message, ttlSeconds));
        log.warn("job timed out", { job: job.id, kind: job.kind, seconds: error.seconds });
      } else if (error instanceof RetryLaterError && job.attempts < job.max_attempts) {
        await retryJobLater(pool, this.id, job.id, error.userMessage, error.delaySeconds);
      } else {
        await this.endJob(job.id, (db) => failJob(db, this.id, job.id, describeJobFailure(error), ttlSeconds));
        log.warn("job failed", { job: job.id, kind: job.kind, ...describeError(error) });
      }
    } catch (writeError) {
      // The lease will lapse and the sweeper will retry or fail the job.
      log.error("could not record a job's failure", { job: job.id, ...describeError(writeError) });
    }
  }

  private endJob(jobId: string, end: Parameters<typeof endJobWithHooks>[3]): Promise<boolean> {
    return endJobWithHooks(this.options.pool, jobId, this.options.onJobEnded ?? [], end);
  }

  private createContext(job: JobRow, signal: AbortSignal): JobContext {
    let lastWrite = 0;
    let latest: JobProgress | null = null;
    return {
      jobId: job.id,
      attempt: job.attempts,
      maxAttempts: job.max_attempts,
      signal,
      reportProgress: async (progress) => {
        latest = progress;
        const now = Date.now();
        if (now - lastWrite < PROGRESS_INTERVAL_MS && progress.done < progress.total) return;
        lastWrite = now;
        await saveProgress(this.options.pool, this.id, job.id, latest).catch((error) =>
          log.warn("could not save progress", { job: job.id, ...describeError(error) }),
        );
      },
    };
  }

  private async heartbeat(): Promise<void> {
    try {
      await renewLeases(this.options.pool, this.id, this.runningJobIds);
    } catch (error) {
      log.warn("heartbeat failed", describeError(error));
    }
  }

  private async sweep(): Promise<void> {
    if (this.isStopping) return;
    try {
      const result = await sweepJobs(this.options.pool, {
        staleAfterSeconds: this.staleAfterSeconds,
        ttlSeconds: this.options.ttlSeconds,
        onJobEnded: this.options.onJobEnded,
      });
      if (result.requeued.length || result.failed.length) {
        log.warn("recovered jobs of a lost worker", { requeued: result.requeued, failed: result.failed });
      }
    } catch (error) {
      log.warn("sweep failed", describeError(error));
    }
  }

  private async listen(): Promise<void> {
    if (this.isStopping) return;
    const client = new pg.Client({ connectionString: this.options.url });
    client.on("notification", () => this.poke());
    client.on("error", (error) => {
      log.warn("job listener lost its connection; polling until it is back", { error: error.message });
      this.listener = null;
      client.end().catch(() => {});
      const retry = setTimeout(() => void this.listen().catch(() => {}), 1000);
      this.timers.push(retry);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${JOBS_CHANNEL}`);
      this.listener = client;
    } catch (error) {
      log.warn("could not LISTEN for jobs; polling only", describeError(error));
      await client.end().catch(() => {});
    }
  }
}

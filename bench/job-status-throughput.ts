import autocannon from "autocannon";
import { ensureProductionBuild, startAppProcess } from "@/tests/helpers/app-process";

async function hammer(url: string, seconds: number): Promise<{ rps: number; p99: number; errors: number }> {
  const result = await autocannon({ url, connections: 32, duration: seconds, pipelining: 1 });
  return { rps: result.requests.average, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

/**
 * GET /api/job_status for a finished job against a trivial route of the same app, same run: the
 * ratio says what the status lookup costs over Next's own floor on this machine.
 */
export async function measureJobStatusThroughput(databaseUrl: string, seconds = 8) {
  ensureProductionBuild();
  const app = await startAppProcess({ DATABASE_URL: databaseUrl, WORKER_CONCURRENCY: "2" });
  try {
    const response = await fetch(`${app.url}/api/generate`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: "Water boils at 100 degrees Celsius at sea level. Ice melts at 0 degrees Celsius.", blooms: { remember: 1 } }),
    });
    const { job_id: jobId } = (await response.json()) as { job_id: string };
    for (;;) {
      const status = (await (await fetch(`${app.url}/api/job_status?job_id=${jobId}`)).json()) as { status: string };
      if (status.status === "finished" || status.status === "failed") break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // Warm both routes so neither pays for first-request compilation or connection set-up.
    await hammer(`${app.url}/api/health/live`, 2);
    await hammer(`${app.url}/api/job_status?job_id=${jobId}`, 2);
    const trivial = await hammer(`${app.url}/api/health/live`, seconds);
    const jobStatus = await hammer(`${app.url}/api/job_status?job_id=${jobId}`, seconds);
    return { trivial, jobStatus, ratio: jobStatus.rps / trivial.rps };
  } finally {
    await app.stop("SIGTERM");
  }
}

// `npm run bench`: the foundation's figures, printed as a table. Speed is measured here, never in tests.
import { startBenchDatabase } from "./bench-database";
import { buildLongText, measureGeneration, peakRssMb, readSamples } from "./generation-speed";
import { measureIngestIndexInChild } from "./ingest-index";
import { measureJobStatusThroughput } from "./job-status-throughput";
import { measureEnqueueToStarted } from "./queue-latency";
import { measureRetrievalLatency } from "./retrieval-latency";

const rows: [string, string, string][] = [];
const fmt = (n: number, digits = 1) => n.toFixed(digits);

const database = await startBenchDatabase();
try {
  const latency = await measureEnqueueToStarted(database.pool, database.url);
  rows.push(["enqueue → started, idle worker (p50)", `${fmt(latency.p50)} ms`, `${latency.samples} jobs`]);
  rows.push(["enqueue → started, idle worker (p95)", `${fmt(latency.p95)} ms`, ""]);

  const throughput = await measureJobStatusThroughput(database.url);
  rows.push(["GET /api/health/live (trivial route)", `${fmt(throughput.trivial.rps, 0)} req/s`, `p99 ${throughput.trivial.p99} ms`]);
  rows.push(["GET /api/job_status (finished job)", `${fmt(throughput.jobStatus.rps, 0)} req/s`, `p99 ${throughput.jobStatus.p99} ms`]);
  rows.push(["job_status ÷ trivial", fmt(throughput.ratio, 2), "goal ≥ 0.70"]);

  const ingest = measureIngestIndexInChild(database.url, 300);
  rows.push([
    `300-page PDF: extract + chunk + index (${ingest.chunks} chunks)`,
    `${fmt(ingest.totalMs / 1000, 2)} s`,
    `goal ≤ 20 s; read+chunk ${fmt(ingest.extractAndChunkMs / 1000, 2)} s, index ${fmt(ingest.indexMs / 1000, 2)} s`,
  ]);
  rows.push(["300-page PDF: peak RSS while ingesting", `${ingest.peakRssDuringMb} MB`, "goal ≤ 500 MB; own process, extraction thread included"]);
  const retrieval = await measureRetrievalLatency(database.pool);
  rows.push([`retrieval, ${retrieval.chunks} chunks, 20 questions (p50)`, `${fmt(retrieval.p50)} ms`, `${retrieval.samples} queries`]);
  rows.push([`retrieval, ${retrieval.chunks} chunks, 20 questions (p95)`, `${fmt(retrieval.p95)} ms`, "goal ≤ 50 ms"]);
} finally {
  await database.stop();
}

const photosynthesis = readSamples().find((sample) => sample.name === "photosynthesis.txt")!;
const short = await measureGeneration(photosynthesis.text);
rows.push([`built-in, 20 questions, photosynthesis.txt (${short.words} words)`, `${fmt(short.medianMs)} ms`, `goal ≤ 300 ms; ${short.delivered} delivered`]);
const long = await measureGeneration(buildLongText(50_000), 3);
rows.push([`built-in, 20 questions, ${long.words} words`, `${fmt(long.medianMs)} ms`, `goal ≤ 3000 ms; ${long.delivered} delivered`]);
rows.push(["peak RSS of the benchmark process", `${peakRssMb()} MB`, "includes Postgres client, NLP model"]);

const widths = [0, 1, 2].map((i) => Math.max(...rows.map((row) => row[i].length), 6));
const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(" | ")} |`;
console.log(line(["measure", "result", "note"]));
console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
for (const row of rows) console.log(line(row));
process.exit(0);

// Extraction + chunking + indexing of a generated 300-page PDF, issue 4's goal: ≤ 20 s and peak
// RSS ≤ 500 MB. Runs in a child process of its own (see measureIngestIndexInChild) so its peak RSS
// is the ingest's, not the benchmark run's. Run alone: npx tsx bench/ingest-index.ts <database url> [pages]
import { spawnSync } from "node:child_process";
import path from "node:path";
import { createPool } from "@/lib/db";
import { createDocumentUpload } from "@/lib/documents/create-document-upload";
import { indexDocument } from "@/lib/documents/index-document";
import { makeLongPdf } from "@/lib/ingest/test-fixtures";

export interface IngestIndexMeasurement {
  pages: number;
  fileBytes: number;
  chunks: number;
  /** Reading the PDF in the worker thread and chunking it. */
  extractAndChunkMs: number;
  /** The transaction that stores the chunks, computes their tsvectors and marks the document ready. */
  indexMs: number;
  totalMs: number;
  /** This process (the extraction thread included) while the document was processed, sampled every 10 ms. */
  peakRssDuringMb: number;
}

export async function measureIngestIndex(databaseUrl: string, pageCount: number): Promise<IngestIndexMeasurement> {
  const pool = createPool(databaseUrl, 4);
  try {
    const pdf = await makeLongPdf(pageCount);
    const upload = await createDocumentUpload(pool, { fileName: `bench-${pageCount}.pdf`, bytes: pdf });
    // The upload's own job is left queued: no worker runs here, the benchmark calls the handler's work directly.
    let peakRss = process.memoryUsage.rss();
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage.rss());
    }, 10);
    const stages: Record<string, number> = {};
    const start = performance.now();
    const result = await indexDocument(pool, upload.documentId, {
      signal: new AbortController().signal,
      reportProgress: async (progress) => {
        stages[progress.stage ?? ""] = performance.now();
      },
    });
    const end = performance.now();
    clearInterval(sampler);
    return {
      pages: result.page_count ?? 0,
      fileBytes: pdf.byteLength,
      chunks: result.chunks,
      extractAndChunkMs: Math.round(stages.indexing - start),
      indexMs: Math.round(end - stages.indexing),
      totalMs: Math.round(end - start),
      peakRssDuringMb: Math.round(Math.max(peakRss, process.memoryUsage.rss()) / 2 ** 20),
    };
  } finally {
    await pool.end();
  }
}

/** Runs the measurement in a fresh process and reads its JSON back. */
export function measureIngestIndexInChild(databaseUrl: string, pageCount = 300): IngestIndexMeasurement {
  const tsx = path.resolve("node_modules", ".bin", "tsx");
  const child = spawnSync(tsx, ["bench/ingest-index.ts", databaseUrl, String(pageCount)], { encoding: "utf8", env: { ...process.env, LOG_LEVEL: "warn" } });
  if (child.status !== 0) throw new Error(`ingest benchmark failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split("\n").at(-1)!) as IngestIndexMeasurement;
}

if (process.argv[1]?.endsWith("ingest-index.ts")) {
  const [databaseUrl, pages = "300"] = process.argv.slice(2);
  if (!databaseUrl) {
    console.error("usage: npx tsx bench/ingest-index.ts <database url> [pages]");
    process.exit(2);
  }
  measureIngestIndex(databaseUrl, Number(pages)).then(
    (measurement) => {
      console.log(JSON.stringify(measurement));
      process.exit(0);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}

import path from "node:path";
import { Worker } from "node:worker_threads";
import { z } from "zod";
import { IngestError } from "./ingest-error";
import { EXTRACTION_MEMORY_MB, EXTRACTION_TIMEOUT_MS } from "./limits";
import type { ZipEntry } from "./read-zip-directory";

/**
 * The worker is a plain ES module found from the working directory, not through an import:
 * Next.js bundles server code, so a path relative to this file would point into `.next/`, and
 * a TypeScript worker could not be loaded by Node 20 at all. `next start`, `next dev`, Vitest and
 * `tsx` all run from the repository root. A standalone build must copy `lib/ingest/` and the
 * worker's packages (unpdf, mammoth, fflate) beside it, e.g. with `outputFileTracingIncludes`.
 */
const WORKER_PATH = path.join(process.cwd(), "lib", "ingest", "extract-worker.mjs");

export interface ExtractionLimits {
  /** Aborting terminates the worker and rejects with the signal's reason. */
  signal?: AbortSignal;
  timeoutMs?: number;
  /**
   * V8 heap of the worker; exceeding it ends the worker, not the process. Decoded PDF streams
   * live outside that heap, so the process's resident memory may grow by at most twice this
   * while the worker runs (see MEMORY_SAMPLE_MS).
   */
  memoryLimitMb?: number;
}

// A 1 MB PDF whose content stream inflates to 1 GB took the process to 2.9 GB in 14 s although
// the worker heap was capped at 256 MB: pdf.js decodes streams into typed arrays, which V8's
// heap limit does not count. So resident memory is watched too: it is process-wide (whatever
// else grows meanwhile, a concurrent extraction included, counts against the allowance) but it
// is what the kernel's OOM killer counts. With 50 ms samples that file was stopped at 614 MB
// against a 609 MB limit.
const MEMORY_SAMPLE_MS = 50;

export type ExtractionRequest =
  | { kind: "pdf"; bytes: Uint8Array }
  | { kind: "docx"; bytes: Uint8Array; zipEntries: ZipEntry[]; maxExpandedBytes: number };

const pdfTextItemSchema = z.object({
  text: z.string(),
  x: z.number(),
  y: z.number(),
  width: z.number(),
  size: z.number(),
  hasEOL: z.boolean(),
});
export type PdfTextItem = z.infer<typeof pdfTextItemSchema>;

const pdfPageTextSchema = z.object({ page: z.number().int().positive(), items: z.array(pdfTextItemSchema) });
export type PdfPageText = z.infer<typeof pdfPageTextSchema>;

const workerReplySchema = z.discriminatedUnion("ok", [
  z.object({
    ok: z.literal(true),
    result: z.discriminatedUnion("kind", [
      z.object({ kind: z.literal("pdf"), pageCount: z.number().int().nonnegative(), pages: z.array(pdfPageTextSchema) }),
      z.object({ kind: z.literal("docx"), html: z.string() }),
    ]),
  }),
  z.object({
    ok: z.literal(false),
    code: z.enum(["pdf-password-protected", "pdf-damaged", "docx-too-expanded", "docx-damaged"]),
    detail: z.string(),
  }),
]);
export type ExtractionResult = Extract<z.infer<typeof workerReplySchema>, { ok: true }>["result"];

/**
 * Parses a PDF or DOCX in a fresh worker thread bounded in time and heap. The caller's bytes are
 * copied, never detached. Failures the teacher can act on become an `IngestError`.
 */
export function runExtractionWorker<Request extends ExtractionRequest>(
  request: Request,
  limits: ExtractionLimits = {},
): Promise<Extract<ExtractionResult, { kind: Request["kind"] }>> {
  const { signal, timeoutMs = EXTRACTION_TIMEOUT_MS, memoryLimitMb = EXTRACTION_MEMORY_MB } = limits;
  const damagedCode = request.kind === "pdf" ? "pdf-damaged" : "docx-damaged";
  type Result = Extract<ExtractionResult, { kind: Request["kind"] }>;
  return new Promise<Result>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const rssLimitBytes = process.memoryUsage.rss() + 2 * memoryLimitMb * 2 ** 20;
    const bytes = request.bytes.slice();
    const worker = new Worker(WORKER_PATH, {
      workerData: { ...request, bytes },
      transferList: [bytes.buffer],
      resourceLimits: { maxOldGenerationSizeMb: memoryLimitMb },
    });

    let isSettled = false;
    const settle = (outcome: () => void) => {
      if (isSettled) return;
      isSettled = true;
      clearTimeout(timer);
      clearInterval(memorySampler);
      signal?.removeEventListener("abort", onAbort);
      void worker.terminate();
      outcome();
    };
    const onAbort = () => settle(() => reject(signal?.reason));
    signal?.addEventListener("abort", onAbort, { once: true });
    const timer = setTimeout(
      () => settle(() => reject(new IngestError("timed-out", `no answer after ${timeoutMs} ms`))),
      timeoutMs,
    );
    const memorySampler = setInterval(() => {
      const rss = process.memoryUsage.rss();
      if (rss <= rssLimitBytes) return;
      const detail = `process resident memory reached ${Math.round(rss / 2 ** 20)} MB`;
      settle(() => reject(new IngestError("out-of-memory", detail)));
    }, MEMORY_SAMPLE_MS);

    worker.once("message", (message: unknown) =>
      settle(() => {
        const reply = workerReplySchema.safeParse(message);
        if (!reply.success) reject(new Error(`extraction worker answered in an unexpected shape: ${reply.error.message}`));
        else if (!reply.data.ok) reject(new IngestError(reply.data.code, reply.data.detail));
        else if (reply.data.result.kind !== request.kind) reject(new Error(`asked for ${request.kind}, got ${reply.data.result.kind}`));
        else resolve(reply.data.result as Result);
      }),
    );
    worker.once("error", (error: Error & { code?: string }) =>
      settle(() =>
        reject(
          error.code === "ERR_WORKER_OUT_OF_MEMORY"
            ? new IngestError("out-of-memory", `worker heap limit ${memoryLimitMb} MB`, { cause: error })
            : error,
        ),
      ),
    );
    worker.once("exit", (exitCode) =>
      settle(() => reject(new IngestError(damagedCode, `extraction worker exited with code ${exitCode} before answering`))),
    );
  });
}

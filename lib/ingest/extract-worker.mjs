// Parses one untrusted PDF or DOCX inside a worker thread, so that a file which loops or
// balloons the parser can be cut off by terminating this thread instead of the server.
// Plain JavaScript on purpose: Next.js bundles TypeScript server code, and a worker must be a
// file Node can load as is. lib/ingest/run-extraction-worker.ts starts it and checks its answer.
import { parentPort, workerData } from "node:worker_threads";

// Small pushes keep each inflated piece small (at most ~1,000× the input), so a bomb is
// caught after a few megabytes instead of after one huge allocation.
const INFLATE_PUSH_BYTES = 4096;

class ExtractionFailure extends Error {
  constructor(code, detail) {
    super(detail);
    this.code = code;
  }
}

async function extractPdfText(bytes) {
  const { getDocumentProxy } = await import("unpdf");
  let pdf;
  try {
    pdf = await getDocumentProxy(bytes, {
      // Never compile code from the file, never look for fonts on this machine, log only errors.
      isEvalSupported: false,
      useSystemFonts: false,
      disableFontFace: true,
      verbosity: 0,
    });
  } catch (error) {
    if (error?.name === "PasswordException") throw new ExtractionFailure("pdf-password-protected", error.message);
    throw new ExtractionFailure("pdf-damaged", error?.message ?? String(error));
  }
  const pages = [];
  let failedPages = 0;
  // One page at a time: pdf.js keeps each page's objects until cleanup, and 300 pages at once
  // would hold them all.
  for (let number = 1; number <= pdf.numPages; number++) {
    try {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      const items = [];
      for (const item of content.items) {
        if (typeof item.str !== "string") continue;
        const [, , c, d, x, y] = item.transform;
        items.push({ text: item.str, x, y, width: item.width, size: Math.hypot(c, d), hasEOL: item.hasEOL });
      }
      pages.push({ page: number, items });
      page.cleanup();
    } catch {
      failedPages++;
      pages.push({ page: number, items: [] });
    }
  }
  await pdf.destroy();
  if (pdf.numPages > 0 && failedPages === pdf.numPages) {
    throw new ExtractionFailure("pdf-damaged", "no page could be read");
  }
  return { kind: "pdf", pageCount: pdf.numPages, pages };
}

async function measureExpandedSize(bytes, entries, maxExpandedBytes) {
  const { Inflate } = await import("fflate");
  let total = 0;
  for (const entry of entries) {
    if (entry.isEncrypted) throw new ExtractionFailure("docx-damaged", `${entry.name} is encrypted`);
    const data = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
    if (entry.method === 0) {
      total += data.byteLength;
    } else if (entry.method === 8) {
      const inflate = new Inflate((chunk) => {
        total += chunk.byteLength;
      });
      for (let at = 0; at < data.byteLength && total <= maxExpandedBytes; at += INFLATE_PUSH_BYTES) {
        const end = Math.min(at + INFLATE_PUSH_BYTES, data.byteLength);
        try {
          inflate.push(data.subarray(at, end), end === data.byteLength);
        } catch (error) {
          throw new ExtractionFailure("docx-damaged", `${entry.name}: ${error?.message ?? error}`);
        }
      }
    } else {
      throw new ExtractionFailure("docx-damaged", `${entry.name} uses compression method ${entry.method}`);
    }
    if (total > maxExpandedBytes) {
      throw new ExtractionFailure("docx-too-expanded", `more than ${maxExpandedBytes} bytes by ${entry.name}`);
    }
  }
}

async function extractDocxHtml(bytes, entries, maxExpandedBytes) {
  await measureExpandedSize(bytes, entries, maxExpandedBytes);
  const { default: mammoth } = await import("mammoth");
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap: ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => h2:fresh"],
        // Images are not read at all: only the text is wanted, and decoding them costs memory.
        convertImage: mammoth.images.imgElement(() => ({ src: "" })),
      },
    );
    return { kind: "docx", html: result.value };
  } catch (error) {
    throw new ExtractionFailure("docx-damaged", error?.message ?? String(error));
  }
}

async function run({ kind, bytes, zipEntries, maxExpandedBytes }) {
  if (kind === "pdf") return extractPdfText(bytes);
  if (kind === "docx") return extractDocxHtml(bytes, zipEntries, maxExpandedBytes);
  throw new Error(`unknown kind ${kind}`);
}

try {
  parentPort.postMessage({ ok: true, result: await run(workerData) });
} catch (error) {
  if (!(error instanceof ExtractionFailure)) throw error;
  parentPort.postMessage({ ok: false, code: error.code, detail: error.message });
}

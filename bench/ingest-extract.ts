// Extraction + chunking of a generated 300-page PDF (issue 4's goal, together with the indexing
// measured later: ≤ 20 s and peak RSS ≤ 500 MB). Run: npx tsx bench/ingest-extract.ts [pages]
import { chunkDocument } from "@/lib/ingest/chunk-document";
import { extractDocument } from "@/lib/ingest/extract-document";
import { makeLongPdf } from "@/lib/ingest/test-fixtures";

export interface IngestExtractMeasurement {
  pages: number;
  fileBytes: number;
  extractMs: number;
  chunkMs: number;
  sections: number;
  chunks: number;
  chunkWords: { min: number; median: number; max: number };
  /** Whole process (worker thread included) while extracting and chunking, sampled every 10 ms. */
  peakRssDuringMb: number;
  /** Whole process over its lifetime, the PDF's generation included. */
  peakRssMb: number;
}

export async function measureIngestExtract(pageCount: number): Promise<IngestExtractMeasurement> {
  const pdf = await makeLongPdf(pageCount);
  let peakRss = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, 10);
  const extractStart = performance.now();
  const document = await extractDocument(pdf, "bench.pdf");
  const chunkStart = performance.now();
  const chunks = chunkDocument(document);
  const chunkEnd = performance.now();
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
  const words = chunks.map((chunk) => chunk.text.split(/\s+/).length).sort((a, b) => a - b);
  return {
    pages: document.pageCount ?? 0,
    fileBytes: pdf.byteLength,
    extractMs: Math.round(chunkStart - extractStart),
    chunkMs: Math.round(chunkEnd - chunkStart),
    sections: document.sections.length,
    chunks: chunks.length,
    chunkWords: { min: words[0], median: words[Math.floor(words.length / 2)], max: words[words.length - 1] },
    peakRssDuringMb: Math.round(peakRss / 2 ** 20),
    // maxRSS is in kilobytes and covers the lifetime of the process, generation included.
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

if (process.argv[1]?.endsWith("ingest-extract.ts")) {
  const pageCount = Number(process.argv[2] ?? 300);
  measureIngestExtract(pageCount).then(
    (measurement) => console.log(JSON.stringify(measurement, null, 2)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}

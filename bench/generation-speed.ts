import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { generateBuiltin } from "@/lib/generation/builtin";
import { DEFAULT_BLOOM_COUNTS } from "@/lib/generation/blooms";
import { percentile } from "./bench-database";

const SAMPLES_DIR = path.resolve("..", "shared", "samples");

export function readSamples(): { name: string; text: string }[] {
  return readdirSync(SAMPLES_DIR)
    .filter((name) => name.endsWith(".txt"))
    .sort()
    .map((name) => ({ name, text: readFileSync(path.join(SAMPLES_DIR, name), "utf8") }));
}

/** Concatenates the samples until the text reaches about `words` words. */
export function buildLongText(words: number): string {
  const samples = readSamples().map((sample) => sample.text);
  const parts: string[] = [];
  let count = 0;
  for (let i = 0; count < words; i++) {
    const text = samples[i % samples.length];
    parts.push(text);
    count += text.split(/\s+/).length;
  }
  return parts.join("\n\n");
}

/** Built-in generation of 20 questions (the default 5/3/4/3/2/3 mix) from one text; median of runs after warm-up. */
export async function measureGeneration(text: string, runs = 5) {
  const input = { passages: [{ text }], counts: DEFAULT_BLOOM_COUNTS, seed: 1 };
  await generateBuiltin(input, { signal: new AbortController().signal });
  const times: number[] = [];
  let delivered = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const result = await generateBuiltin({ ...input, seed: i + 2 }, { signal: new AbortController().signal });
    times.push(performance.now() - started);
    delivered = result.mcqs.length;
  }
  times.sort((a, b) => a - b);
  return { medianMs: percentile(times, 50), maxMs: times[times.length - 1], delivered, words: text.split(/\s+/).length };
}

export function peakRssMb(): number {
  // maxRSS is reported in kilobytes.
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

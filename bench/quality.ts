// Quality and speed of the built-in generator on the shared samples and two fixtures of our own.
// Run with `npm run bench:quality`; prints one row per text and a total.
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { BLOOM_LEVELS, DEFAULT_BLOOM_COUNTS, type BloomLevel } from "../lib/generation/blooms";
import { generateBuiltin } from "../lib/generation/builtin";
import { mcqSchema, type Mcq } from "../lib/generation/mcq";
import { normaliseSpace } from "../lib/generation/text/words";

const SAMPLES = join(process.cwd(), "..", "shared", "samples");
const SAMPLES_FALLBACK = "/work/shared/samples";

const FIXTURES: Record<string, string> = {
  "fixture-water-cycle": `The Water Cycle

## Evaporation and Condensation

The water cycle is the continuous movement of water between the oceans, the air and the land. Evaporation is the process by which liquid water turns into water vapour when it is heated by the sun. Because warm air can hold more water vapour than cold air, evaporation is faster on hot days. Transpiration is the release of water vapour from the leaves of plants, and it adds a large share of the moisture in the air above forests.

When moist air rises, it cools, and the water vapour condenses into tiny droplets that form clouds. Condensation happens faster when the air contains dust or salt particles, which give the droplets a surface to form on. Unlike evaporation, condensation releases heat into the surrounding air.

## Precipitation and Collection

First, droplets in a cloud collide and merge into larger drops. Then the drops become too heavy for the rising air to hold up. Finally, they fall to the ground as rain, snow, sleet or hail. Precipitation is any form of water that falls from clouds to the ground.

Some of the water soaks into the soil and becomes groundwater, a store of water held in rocks called aquifers. The rest flows over the surface as runoff into streams, rivers and lakes. If the ground is frozen or already soaked, most precipitation becomes runoff, which can cause floods. Plants such as trees and grasses slow runoff down, so that more water soaks into the soil.

## Human Effects

Cities change the water cycle because concrete and asphalt stop rain from soaking into the ground. As a result, runoff in cities rises quickly after a storm, and drains can overflow. Engineers build green roofs and rain gardens, which hold water and release it slowly. When forests are cut down, transpiration falls, and the air over the region becomes drier.`,
  "fixture-short-story-notes": `Reading a Short Story

## Plot

The plot is the sequence of events that make up a story. Most plots follow a pattern. First, the exposition introduces the characters and the setting. Then the rising action builds tension through a series of complications. Next, the climax is the turning point, where the main conflict reaches its peak. Finally, the resolution shows how the conflict ends.

## Character

A protagonist is the main character, whose goals drive the story, whereas an antagonist is a character or force that opposes those goals. Writers reveal character directly, by telling the reader what a person is like, or indirectly, through speech, actions and thoughts. Because indirect characterisation lets readers draw their own conclusions, many writers prefer it.

## Setting and Theme

The setting is the time and place in which a story happens. A story set during a war, for example, can create fear and urgency. The theme is the central message or insight about life that a story conveys. Unlike the plot, the theme is rarely stated directly; readers infer it from what the characters learn.

## Point of View

Point of view is the position from which a story is told. In a first-person narrative, the narrator is a character who uses "I" and knows only their own thoughts. In a third-person omniscient narrative, the narrator stands outside the story and can reveal the thoughts of every character. When a writer chooses a limited narrator, readers learn the truth slowly, which builds suspense.`,
};

interface Row {
  name: string;
  requested: Record<BloomLevel, number>;
  delivered: Record<BloomLevel, number>;
  total: number;
  valid: number;
  grounded: number;
  withLint: number;
  lintCodes: Map<string, number>;
  duplicates: number;
  lengthRatio: number;
  ms: number;
}

async function measure(name: string, text: string): Promise<Row> {
  const input = { passages: [{ text }], counts: DEFAULT_BLOOM_COUNTS, seed: 1 };
  const signal = new AbortController().signal;
  await generateBuiltin(input, { signal });
  // Warm runs only (model loaded, JIT done), as in a long-running worker. The median of five keeps a
  // neighbour's burst on the shared CPUs from deciding the figure.
  const times: number[] = [];
  let result = await generateBuiltin(input, { signal });
  for (let run = 0; run < 5; run++) {
    const started = performance.now();
    result = await generateBuiltin(input, { signal });
    times.push(performance.now() - started);
  }
  const ms = times.sort((a, b) => a - b)[2];
  const delivered = Object.fromEntries(BLOOM_LEVELS.map((level) => [level, 0])) as Record<BloomLevel, number>;
  for (const mcq of result.mcqs) delivered[mcq.bloom_level]++;
  const source = normaliseSpace(text);
  const lintCodes = new Map<string, number>();
  for (const mcq of result.mcqs) for (const code of new Set((mcq.lint ?? []).map((f) => f.code))) lintCodes.set(code, (lintCodes.get(code) ?? 0) + 1);
  const stems = result.mcqs.map((mcq) => normaliseSpace(mcq.question).toLowerCase());
  return {
    name,
    requested: { ...DEFAULT_BLOOM_COUNTS },
    delivered,
    total: result.mcqs.length,
    valid: result.mcqs.filter((mcq) => mcqSchema.safeParse(mcq).success).length,
    grounded: result.mcqs.filter((mcq) => mcq.source && source.includes(normaliseSpace(mcq.source.quote))).length,
    withLint: result.mcqs.filter((mcq) => (mcq.lint ?? []).length > 0).length,
    lintCodes,
    duplicates: stems.length - new Set(stems).size,
    lengthRatio: mean(result.mcqs.map(optionLengthRatio)),
    ms,
  };
}

function optionLengthRatio(mcq: Mcq): number {
  const lengths = mcq.options.map((option) => option.length);
  return Math.max(...lengths) / Math.max(1, Math.min(...lengths));
}

function mean(values: number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}

function percent(part: number, whole: number): string {
  return whole === 0 ? "–" : `${Math.round((100 * part) / whole)}%`;
}

function printTable(rows: Row[]): void {
  const header = ["text", ...BLOOM_LEVELS.map((level) => level.slice(0, 4)), "valid", "grounded", "lint", "dups", "len ratio", "ms"];
  const lines = rows.map((row) => [
    row.name,
    ...BLOOM_LEVELS.map((level) => `${row.delivered[level]}/${row.requested[level]}`),
    percent(row.valid, row.total),
    percent(row.grounded, row.total),
    percent(row.withLint, row.total),
    String(row.duplicates),
    row.lengthRatio.toFixed(2),
    row.ms.toFixed(0),
  ]);
  const widths = header.map((_, column) => Math.max(header[column].length, ...lines.map((line) => line[column].length)));
  const format = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column])).join(" | ")} |`;
  console.log(format(header));
  console.log(`|${widths.map((width) => "-".repeat(width + 2)).join("|")}|`);
  for (const line of lines) console.log(format(line));
}

async function main(): Promise<void> {
  const folder = existsSync(SAMPLES) ? SAMPLES : SAMPLES_FALLBACK;
  const texts: [string, string][] = readdirSync(folder)
    .filter((file) => file.endsWith(".txt"))
    .sort()
    .map((file) => [file.replace(/\.txt$/, ""), readFileSync(join(folder, file), "utf8")]);
  texts.push(...Object.entries(FIXTURES));
  const rows: Row[] = [];
  for (const [name, text] of texts) rows.push(await measure(name, text));
  const total: Row = {
    name: "total",
    requested: sumLevels(rows.map((row) => row.requested)),
    delivered: sumLevels(rows.map((row) => row.delivered)),
    total: rows.reduce((sum, row) => sum + row.total, 0),
    valid: rows.reduce((sum, row) => sum + row.valid, 0),
    grounded: rows.reduce((sum, row) => sum + row.grounded, 0),
    withLint: rows.reduce((sum, row) => sum + row.withLint, 0),
    lintCodes: new Map(),
    duplicates: rows.reduce((sum, row) => sum + row.duplicates, 0),
    lengthRatio: mean(rows.map((row) => row.lengthRatio)),
    ms: mean(rows.map((row) => row.ms)),
  };
  for (const row of rows) for (const [code, count] of row.lintCodes) total.lintCodes.set(code, (total.lintCodes.get(code) ?? 0) + count);
  printTable([...rows, total]);
  console.log(`\nlint findings by code (questions): ${[...total.lintCodes].map(([code, count]) => `${code} ${count} (${percent(count, total.total)})`).join(", ") || "none"}`);
  console.log("ms = median of five warm runs of the default request (5/3/4/3/2/3); 'total' ms is the mean.");

  const large = Array.from({ length: 16 }, () => texts.slice(0, 4).map(([, text]) => text).join("\n\n")).join("\n\n");
  const words = large.split(/\s+/).length;
  const started = performance.now();
  const result = await generateBuiltin(
    { passages: [{ text: large }], counts: { remember: 5, understand: 3, apply: 4, analyze: 3, evaluate: 2, create: 3 }, seed: 2 },
    { signal: new AbortController().signal },
  );
  console.log(`large text: ${words} words → ${result.mcqs.length} questions in ${(performance.now() - started).toFixed(0)} ms`);
}

function sumLevels(records: Record<BloomLevel, number>[]): Record<BloomLevel, number> {
  return Object.fromEntries(BLOOM_LEVELS.map((level) => [level, records.reduce((sum, record) => sum + record[level], 0)])) as Record<BloomLevel, number>;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

import { createHash } from "node:crypto";
import { zipSync, type Zippable } from "fflate";
import { encodeUtf8 } from "./text";

/**
 * A stable identifier from the content: the same assessment exports to the same ids, so a
 * re-import updates rather than duplicates in tools that key on them. Starts with a letter
 * because QTI 2.1 identifiers are NCNames.
 */
export function makeIdentifier(prefix: string, ...seed: string[]): string {
  const digest = createHash("sha256").update(seed.join("\u0000")).digest("hex").slice(0, 24);
  return `${prefix}_${digest}`;
}

// Zip entries carry a date; a fixed one when none is given keeps the bytes reproducible.
const DOS_EPOCH = new Date(1980, 0, 1);

/** Zips text files (path → content) into a package. */
export function zipTextFiles(files: Record<string, string>, modified: Date = DOS_EPOCH): Uint8Array {
  const entries: Zippable = {};
  for (const [path, text] of Object.entries(files)) entries[path] = [encodeUtf8(text), { mtime: modified }];
  return zipSync(entries, { level: 6 });
}

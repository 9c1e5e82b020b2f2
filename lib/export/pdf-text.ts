import bidiFactory from "bidi-js";
import type { FontChain } from "./pdf-fonts";

const bidi = bidiFactory();

/** Printed in place of a character no font has. */
export const MISSING_GLYPH = "\u25A1";

// Invisible format characters (joiners, variation selectors, bidi marks, soft hyphen, emoji tags
// and skin-tone modifiers) have no glyph of their own; without colour emoji they are dropped.
const IGNORABLE =
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFE00-\uFE0F\uFEFF]|\uDB40[\uDC00-\uDDEF]|\uD83C[\uDFFB-\uDFFF]/g;

// Letters of scripts fontkit shapes right to left; it reverses any run whose first letter is one.
const RTL_SCRIPT = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

// Han, kana, Hangul syllables and CJK punctuation: a line may break between any two of them.
const BREAKS_ANYWHERE = /[\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFF00-\uFFEF]|[\uD840-\uD87F][\uDC00-\uDFFF]/;

export type PreparedText = { text: string; missing: string[] };

/**
 * Normalises a paragraph for printing: NFC, invisible format characters dropped, runs of
 * whitespace collapsed, and characters without a glyph in any face replaced by □ (and listed).
 */
export function prepareText(text: string, chain: FontChain): PreparedText {
  const missing: string[] = [];
  let prepared = "";
  for (const char of text.normalize("NFC").replace(IGNORABLE, "").replace(/\s+/g, " ").trim()) {
    if (chain.findFace(char.codePointAt(0) ?? 0) >= 0) {
      prepared += char;
    } else {
      prepared += MISSING_GLYPH;
      missing.push(char);
    }
  }
  return { text: prepared, missing };
}

export type TextRun = { text: string; face: number };
export type PrintedLine = { runs: TextRun[]; width: number };

/** Splits text into runs of one face each. */
function splitByFace(text: string, chain: FontChain): TextRun[] {
  const runs: TextRun[] = [];
  for (const char of text) {
    const face = Math.max(0, chain.findFace(char.codePointAt(0) ?? 0));
    const last = runs[runs.length - 1];
    if (last && last.face === face) last.text += char;
    else runs.push({ text: char, face });
  }
  return runs;
}

export function measureText(text: string, chain: FontChain, size: number): number {
  return splitByFace(text, chain).reduce((sum, run) => sum + chain.get(run.face).widthOfTextAtSize(run.text, size), 0);
}

/** Offsets where a line may end: after a space, and between two CJK characters. */
function findBreaks(text: string): number[] {
  const breaks: number[] = [];
  const chars = Array.from(text);
  let offset = 0;
  chars.forEach((char, i) => {
    offset += char.length;
    const next = chars[i + 1];
    if (next === undefined) return;
    if (char === " " || (BREAKS_ANYWHERE.test(char) && next !== " ") || BREAKS_ANYWHERE.test(next)) breaks.push(offset);
  });
  breaks.push(text.length);
  return breaks;
}

/**
 * Greedy line breaking in logical order, then each line in visual order. A word wider than the
 * line (a long URL, say) is cut between characters rather than run off the page.
 */
export function layoutParagraph(text: string, chain: FontChain, size: number, maxWidth: number): PrintedLine[] {
  if (!text) return [];
  const { levels } = bidi.getEmbeddingLevels(text);
  const ranges: [number, number][] = [];
  const breaks = findBreaks(text);
  let start = 0;
  while (start < text.length) {
    let end = -1;
    for (const candidate of breaks) {
      if (candidate <= start) continue;
      if (measureText(text.slice(start, candidate).trimEnd(), chain, size) <= maxWidth) end = candidate;
      else break;
    }
    if (end < 0) end = cutLongWord(text, start, chain, size, maxWidth);
    ranges.push([start, end]);
    start = end;
    while (text[start] === " ") start++;
  }
  return ranges.map(([from, to]) => {
    const runs = orderVisually(text, levels, from, from + text.slice(from, to).trimEnd().length, chain);
    return { runs, width: runs.reduce((sum, run) => sum + chain.get(run.face).widthOfTextAtSize(run.text, size), 0) };
  });
}

function cutLongWord(text: string, start: number, chain: FontChain, size: number, maxWidth: number): number {
  let end = start;
  for (const char of Array.from(text.slice(start))) {
    if (end > start && measureText(text.slice(start, end + char.length), chain, size) > maxWidth) break;
    end += char.length;
  }
  return end;
}

/**
 * Unicode bidi rule L2 for one line: runs of one level and face, reversed from the highest level
 * down to the lowest odd one. fontkit already reverses (and shapes) runs of Arabic or Hebrew
 * letters, so only the runs it would get wrong are reversed here.
 */
function orderVisually(text: string, levels: Uint8Array, from: number, to: number, chain: FontChain): TextRun[] {
  type LeveledRun = TextRun & { level: number };
  const runs: LeveledRun[] = [];
  let offset = from;
  for (const char of Array.from(text.slice(from, to))) {
    const level = levels[offset];
    const face = Math.max(0, chain.findFace(char.codePointAt(0) ?? 0));
    const last = runs[runs.length - 1];
    if (last && last.level === level && last.face === face) last.text += char;
    else runs.push({ text: char, face, level });
    offset += char.length;
  }
  const highest = Math.max(0, ...runs.map((run) => run.level));
  const lowestOdd = Math.min(...runs.map((run) => run.level).filter((level) => level % 2 === 1), highest + 1);
  for (let level = highest; level >= lowestOdd; level--) {
    for (let i = 0; i < runs.length; i++) {
      if (runs[i].level < level) continue;
      let j = i;
      while (j + 1 < runs.length && runs[j + 1].level >= level) j++;
      runs.splice(i, j - i + 1, ...runs.slice(i, j + 1).reverse());
      i = j;
    }
  }
  return runs.map(({ text: runText, face, level }) => {
    const fontkitReverses = RTL_SCRIPT.test(runText);
    const isRightToLeft = level % 2 === 1;
    // Rule L4: brackets in right-to-left text show mirrored; fontkit reverses without mirroring.
    const chars = Array.from(runText).map((char) => (isRightToLeft ? (bidi.getMirroredCharacter(char) ?? char) : char));
    if (isRightToLeft !== fontkitReverses) chars.reverse();
    return { text: chars.join(""), face };
  });
}

/** Whether a paragraph reads right to left (its first strong letter is), so its lines align right. */
export function isRightToLeftParagraph(text: string): boolean {
  const { paragraphs } = bidi.getEmbeddingLevels(text);
  return paragraphs.length > 0 && paragraphs[0].level % 2 === 1;
}

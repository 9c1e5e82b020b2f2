import { readFile } from "node:fs/promises";
import path from "node:path";
import * as fontkitModule from "@pdf-lib/fontkit";
import type { PDFDocument, PDFFont } from "pdf-lib";

type Fontkit = typeof fontkitModule;
// The ESM build exports fontkit as default, the CJS build as the module itself.
export const fontkit: Fontkit = (fontkitModule as unknown as { default?: Fontkit }).default ?? fontkitModule;

const FONT_DIRECTORY = path.join(process.cwd(), "public", "fonts");

/** Fallback order: the first face with a glyph for a character prints it (see public/fonts/README.md). */
const REGULAR_FILES = ["DejaVuSans.ttf", "DroidSansFallback.ttf", "Symbola.ttf"];
const BOLD_FILES = ["DejaVuSans-Bold.ttf", "DroidSansFallback.ttf", "Symbola.ttf"];

type FontFile = { name: string; bytes: Uint8Array; face: fontkitModule.Font };

const loadedFiles = new Map<string, Promise<FontFile>>();

// Fonts are read once per process: the fallback faces are megabytes and every export needs them.
function loadFontFile(name: string): Promise<FontFile> {
  let loading = loadedFiles.get(name);
  if (!loading) {
    loading = readFile(path.join(FONT_DIRECTORY, name)).then((buffer) => {
      const bytes = padGlyphsToEvenLength(new Uint8Array(buffer));
      return { name, bytes, face: fontkit.create(bytes) };
    });
    loadedFiles.set(name, loading);
    loading.catch(() => loadedFiles.delete(name));
  }
  return loading;
}

/**
 * The faces of one weight, embedded into the document only when a character needs them, so a
 * Latin-only paper does not carry the CJK font. Weights share the embedded fallback faces.
 */
export class FontChain {
  private constructor(
    private readonly document: PDFDocument,
    private readonly files: FontFile[],
    private readonly embedded: Map<string, PDFFont>,
  ) {}

  /** The regular and bold chains for one document. */
  static async loadPair(document: PDFDocument): Promise<{ regular: FontChain; bold: FontChain }> {
    const [regular, bold] = await Promise.all([
      Promise.all(REGULAR_FILES.map(loadFontFile)),
      Promise.all(BOLD_FILES.map(loadFontFile)),
    ]);
    const embedded = new Map<string, PDFFont>();
    return { regular: new FontChain(document, regular, embedded), bold: new FontChain(document, bold, embedded) };
  }

  /** Index of the first face that has the character, or -1 when none does. */
  findFace(codePoint: number): number {
    return this.files.findIndex((file) => file.face.hasGlyphForCodePoint(codePoint));
  }

  /** Embeds every face the text needs; measuring and drawing with get() come after. */
  async embedFacesFor(text: string): Promise<void> {
    const needed = new Set<number>();
    for (const char of text) {
      const index = this.findFace(char.codePointAt(0) ?? 0);
      if (index >= 0) needed.add(index);
    }
    for (const index of needed) {
      const { name, bytes } = this.files[index];
      if (!this.embedded.has(name)) this.embedded.set(name, await this.document.embedFont(bytes, { subset: true }));
    }
  }

  get(index: number): PDFFont {
    const font = this.embedded.get(this.files[index].name);
    if (!font) throw new Error(`Font ${this.files[index].name} was used before it was embedded`);
    return font;
  }
}

/**
 * fontkit's subsetter writes a short `loca` table, which can only point at even offsets, yet
 * copies each glyph's bytes as they are: a glyph of odd length (DroidSansFallback has many) loses
 * its last byte and prints blank. This rewrites `glyf` with every glyph padded to 4 bytes (the
 * OpenType recommendation) and a long `loca`, appended after the original tables.
 */
export function padGlyphsToEvenLength(font: Uint8Array): Uint8Array {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const tables = new Map<string, { record: number; offset: number; length: number }>();
  const numTables = view.getUint16(4);
  for (let i = 0; i < numTables; i++) {
    const record = 12 + 16 * i;
    const tag = String.fromCharCode(...font.subarray(record, record + 4));
    tables.set(tag, { record, offset: view.getUint32(record + 8), length: view.getUint32(record + 12) });
  }
  const head = tables.get("head");
  const maxp = tables.get("maxp");
  const loca = tables.get("loca");
  const glyf = tables.get("glyf");
  if (!head || !maxp || !loca || !glyf) return font;
  const isLongLoca = view.getInt16(head.offset + 50) === 1;
  const numGlyphs = view.getUint16(maxp.offset + 4);
  const readOffset = (i: number) =>
    isLongLoca ? view.getUint32(loca.offset + 4 * i) : view.getUint16(loca.offset + 2 * i) * 2;
  const offsets = Array.from({ length: numGlyphs + 1 }, (_, i) => readOffset(i));
  if (offsets.every((offset) => offset % 2 === 0)) return font;

  const padded = (length: number) => (length + 3) & ~3;
  const newOffsets = [0];
  for (let i = 0; i < numGlyphs; i++) newOffsets.push(newOffsets[i] + padded(offsets[i + 1] - offsets[i]));
  const glyfStart = padded(font.length);
  const locaStart = glyfStart + newOffsets[numGlyphs];
  const result = new Uint8Array(locaStart + 4 * (numGlyphs + 1));
  result.set(font);
  const out = new DataView(result.buffer);
  for (let i = 0; i < numGlyphs; i++) {
    result.set(font.subarray(glyf.offset + offsets[i], glyf.offset + offsets[i + 1]), glyfStart + newOffsets[i]);
  }
  newOffsets.forEach((offset, i) => out.setUint32(locaStart + 4 * i, offset));
  out.setInt16(head.offset + 50, 1);
  out.setUint32(glyf.record + 8, glyfStart);
  out.setUint32(glyf.record + 12, newOffsets[numGlyphs]);
  out.setUint32(loca.record + 8, locaStart);
  out.setUint32(loca.record + 12, 4 * (numGlyphs + 1));
  return result;
}

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
      const bytes = new Uint8Array(buffer);
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

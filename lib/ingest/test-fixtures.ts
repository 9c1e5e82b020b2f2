// Files for the ingest tests and benchmarks, written from scratch so that every fixture is
// reproducible and its content known. Not imported by application code.
import { createHash } from "node:crypto";
import { once } from "node:events";
import { crc32, createDeflate, deflateSync } from "node:zlib";
import {
  AlignmentType,
  Document,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
} from "docx";
import { unzipSync, Zip, ZipDeflate } from "fflate";
import { PDFDocument, StandardFonts, type PDFFont, type PDFPage } from "pdf-lib";

export interface PdfFixturePage {
  heading?: string;
  paragraphs: string[];
}

const PAGE_WIDTH = 612;
const PAGE_HEIGHT = 792;
const MARGIN = 72;
const HEADING_SIZE = 18;
const BODY_SIZE = 11;
const BODY_LINE_HEIGHT = 14;
const PARAGRAPH_GAP = 10;

/**
 * A text PDF with one page per entry: an optional heading in 18 pt bold, then 11 pt paragraphs
 * wrapped to the margins, a page number at the foot. Throws if a page's text does not fit, so a
 * test always knows which page a sentence is on.
 */
export async function makeTextPdf(pages: PdfFixturePage[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const body = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  pages.forEach((content, index) => {
    const page = pdf.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    let y = PAGE_HEIGHT - MARGIN;
    if (content.heading) {
      y -= HEADING_SIZE;
      page.drawText(content.heading, { x: MARGIN, y, font: bold, size: HEADING_SIZE });
      y -= HEADING_SIZE;
    }
    for (const paragraph of content.paragraphs) {
      for (const line of wrapText(paragraph, body, BODY_SIZE, PAGE_WIDTH - 2 * MARGIN)) {
        y -= BODY_LINE_HEIGHT;
        if (y < MARGIN) throw new Error(`page ${index + 1} of the fixture overflows`);
        page.drawText(line, { x: MARGIN, y, font: body, size: BODY_SIZE });
      }
      y -= PARAGRAPH_GAP;
    }
    drawPageNumber(page, body, index + 1);
  });
  return pdf.save();
}

function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    const candidate = line === "" ? word : `${line} ${word}`;
    if (line !== "" && font.widthOfTextAtSize(candidate, size) > width) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line !== "") lines.push(line);
  return lines;
}

function drawPageNumber(page: PDFPage, font: PDFFont, number: number): void {
  page.drawText(String(number), { x: PAGE_WIDTH / 2, y: MARGIN / 2, font, size: 9 });
}

const TOPICS = [
  ["photosynthesis", "chlorophyll", "sunlight", "glucose", "stomata", "carbon dioxide"],
  ["volcanoes", "magma", "tectonic plates", "lava", "ash clouds", "eruptions"],
  ["the French Revolution", "the Estates-General", "Robespierre", "the Bastille", "the guillotine", "the Directory"],
  ["fractions", "numerators", "denominators", "common factors", "equivalent ratios", "decimals"],
  ["electric circuits", "resistors", "voltage", "current", "Ohm's law", "parallel branches"],
  ["the water cycle", "evaporation", "condensation", "precipitation", "groundwater", "transpiration"],
] as const;
const VERBS = ["explains", "depends on", "changes", "limits", "produces", "reveals", "controls", "follows from"];
const QUALIFIERS = ["in most cases", "over long periods", "under pressure", "at small scales", "in every example"];

/**
 * Deterministic pages of prose for a long PDF: a chapter of ten pages per topic, each page
 * about 330 words in three paragraphs, the first page of each chapter headed "Chapter n: …".
 */
export function makeLongPdfPages(pageCount: number): PdfFixturePage[] {
  const random = makeRandom(pageCount);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  return Array.from({ length: pageCount }, (_, index) => {
    const chapter = Math.floor(index / 10);
    const topic = TOPICS[chapter % TOPICS.length];
    const paragraphs = Array.from({ length: 3 }, () =>
      Array.from({ length: 8 }, () => {
        const sentence = `${capitalise(pick(topic))} ${pick(VERBS)} ${pick(topic)} ${pick(QUALIFIERS)}, as page ${index + 1} shows with ${pick(topic)}.`;
        return sentence;
      }).join(" "),
    );
    const heading = index % 10 === 0 ? `Chapter ${chapter + 1}: ${capitalise(topic[0])}` : undefined;
    return { heading, paragraphs };
  });
}

/** The benchmark's document: `pageCount` pages of prose with a heading every ten pages. */
export function makeLongPdf(pageCount: number): Promise<Uint8Array> {
  return makeTextPdf(makeLongPdfPages(pageCount));
}

function capitalise(text: string): string {
  return text[0].toUpperCase() + text.slice(1);
}

/**
 * A one-page PDF with a line of real text and a second content stream that is a few hundred
 * kilobytes of zlib data inflating to `expandedBytes` of spaces: the PDF form of a zip bomb.
 */
export async function makeFlateBombPdf(expandedBytes: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
  page.drawText("Only this sentence is meant to be read.", { x: MARGIN, y: 700, font, size: BODY_SIZE });
  // Streamed through native zlib: never holds the expanded bytes, and is five times faster
  // than fflate here.
  const deflate = createDeflate({ level: 9 });
  const compressed: Uint8Array[] = [];
  deflate.on("data", (chunk: Buffer) => compressed.push(chunk));
  const isFinished = once(deflate, "end");
  const spaces = Buffer.alloc(1024 * 1024, 0x20);
  for (let written = 0; written < expandedBytes; written += spaces.byteLength) {
    if (!deflate.write(spaces)) await once(deflate, "drain");
  }
  deflate.end();
  await isFinished;
  const stream = pdf.context.stream(concatBytes(compressed), { Filter: "FlateDecode" });
  page.node.addContentStream(pdf.context.register(stream));
  return pdf.save();
}

/** A "scan": each page is a grey picture and nothing else, like a scanner without OCR makes. */
export async function makeImageOnlyPdf(pageCount: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const image = await pdf.embedPng(makeGreyPng(120, 160, pageCount));
  for (let index = 0; index < pageCount; index++) {
    const page = pdf.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    page.drawImage(image, { x: MARGIN, y: MARGIN, width: PAGE_WIDTH - 2 * MARGIN, height: PAGE_HEIGHT - 2 * MARGIN });
  }
  return pdf.save();
}

function makeGreyPng(width: number, height: number, seed: number): Uint8Array {
  const random = makeRandom(seed);
  // Each row starts with filter type 0 (none).
  const rows = new Uint8Array((width + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) rows[y * (width + 1) + 1 + x] = 160 + Math.floor(random() * 80);
  }
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale, deflate, no filter method, no interlace
  return concatBytes([
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    makePngChunk("IHDR", header),
    makePngChunk("IDAT", deflateSync(rows)),
    makePngChunk("IEND", new Uint8Array(0)),
  ]);
}

function makePngChunk(type: string, data: Uint8Array): Uint8Array {
  const typeAndData = concatBytes([encodeLatin1(type), data]);
  const chunk = new Uint8Array(12 + data.byteLength);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, data.byteLength);
  chunk.set(typeAndData, 4);
  view.setUint32(8 + data.byteLength, crc32(typeAndData));
  return chunk;
}

// The 32-byte padding string of the PDF standard security handler (ISO 32000-1, 7.6.3.3).
const PASSWORD_PADDING = Buffer.from(
  "28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a",
  "hex",
);

/**
 * A one-page PDF whose text can only be read with `userPassword`: RC4 40-bit, revision 2 of the
 * standard security handler, written by hand because pdf-lib cannot encrypt.
 */
export function makeEncryptedPdf(text: string, userPassword: string, ownerPassword = `${userPassword}-owner`): Uint8Array {
  const permissions = -44; // print and copy forbidden; any value works, it is hashed into the key
  const fileId = createHash("md5").update(`bloomery fixture ${text}`).digest();
  const ownerKey = createHash("md5").update(padPassword(ownerPassword)).digest().subarray(0, 5);
  const ownerEntry = encryptRc4(ownerKey, padPassword(userPassword));
  const permissionBytes = Buffer.alloc(4);
  permissionBytes.writeInt32LE(permissions);
  const fileKey = createHash("md5")
    .update(Buffer.concat([padPassword(userPassword), ownerEntry, permissionBytes, fileId]))
    .digest()
    .subarray(0, 5);
  const userEntry = encryptRc4(fileKey, PASSWORD_PADDING);

  const content = encodeLatin1(`BT /F1 18 Tf 72 700 Td (${text.replace(/[()\\]/g, "\\$&")}) Tj ET`);
  const encryptedContent = encryptRc4(makeObjectKey(fileKey, 4), content);
  const objects: (string | Uint8Array)[][] = [
    ["<< /Type /Catalog /Pages 2 0 R >>"],
    ["<< /Type /Pages /Kids [3 0 R] /Count 1 >>"],
    ["<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>"],
    [`<< /Length ${encryptedContent.byteLength} >>\nstream\n`, encryptedContent, "\nendstream"],
    ["<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"],
    [`<< /Filter /Standard /V 1 /R 2 /O <${ownerEntry.toString("hex")}> /U <${userEntry.toString("hex")}> /P ${permissions} >>`],
  ];
  const parts: Uint8Array[] = [encodeLatin1("%PDF-1.4\n")];
  let length = parts[0].byteLength;
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(length);
    for (const piece of [`${index + 1} 0 obj\n`, ...body, "\nendobj\n"]) {
      const bytes = typeof piece === "string" ? encodeLatin1(piece) : piece;
      parts.push(bytes);
      length += bytes.byteLength;
    }
  });
  const id = fileId.toString("hex");
  const xref = [
    "xref",
    `0 ${objects.length + 1}`,
    "0000000000 65535 f ",
    ...offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n `),
    "trailer",
    `<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 6 0 R /ID [<${id}> <${id}>] >>`,
    "startxref",
    String(length),
    "%%EOF",
    "",
  ].join("\n");
  parts.push(encodeLatin1(xref));
  return concatBytes(parts);
}

function padPassword(password: string): Buffer {
  return Buffer.concat([Buffer.from(password, "latin1"), PASSWORD_PADDING]).subarray(0, 32);
}

function makeObjectKey(fileKey: Buffer, objectNumber: number): Buffer {
  const suffix = Buffer.from([objectNumber & 0xff, (objectNumber >> 8) & 0xff, (objectNumber >> 16) & 0xff, 0, 0]);
  return createHash("md5")
    .update(Buffer.concat([fileKey, suffix]))
    .digest()
    .subarray(0, Math.min(fileKey.byteLength + 5, 16));
}

// RC4 is no longer in OpenSSL 3's default provider, so it is spelled out.
function encryptRc4(key: Uint8Array, data: Uint8Array): Buffer {
  const state = Array.from({ length: 256 }, (_, index) => index);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + state[i] + key[i % key.length]) & 0xff;
    [state[i], state[j]] = [state[j], state[i]];
  }
  const output = Buffer.alloc(data.byteLength);
  for (let n = 0, i = 0, j = 0; n < data.byteLength; n++) {
    i = (i + 1) & 0xff;
    j = (j + state[i]) & 0xff;
    [state[i], state[j]] = [state[j], state[i]];
    output[n] = data[n] ^ state[(state[i] + state[j]) & 0xff];
  }
  return output;
}

/**
 * A Word document with a title, headings, a bulleted list with a nested item, a numbered list
 * and a two-column table, as Word's own styles and numbering define them.
 */
export async function makeDocxWithTableAndList(): Promise<Uint8Array> {
  const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });
  const document = new Document({
    numbering: {
      config: [
        {
          reference: "phases",
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: "%1.", alignment: AlignmentType.START }],
        },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({ text: "Cell biology", heading: HeadingLevel.HEADING_1 }),
          new Paragraph("The cell is the smallest unit of life that can replicate on its own."),
          new Paragraph({ text: "Organelles", heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ text: "The nucleus holds the DNA", bullet: { level: 0 } }),
          new Paragraph({ text: "Mitochondria release energy", bullet: { level: 0 } }),
          new Paragraph({ text: "Cristae fold the inner membrane", bullet: { level: 1 } }),
          new Paragraph({ text: "Phases of mitosis", heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ text: "Prophase", numbering: { reference: "phases", level: 0 } }),
          new Paragraph({ text: "Metaphase", numbering: { reference: "phases", level: 0 } }),
          new Paragraph({ text: "Sizes", heading: HeadingLevel.HEADING_2 }),
          new Table({
            rows: [
              new TableRow({ children: [cell("Structure"), cell("Typical size")] }),
              new TableRow({ children: [cell("Ribosome"), cell("25 nm")] }),
              new TableRow({ children: [cell("Nucleus"), cell("6 µm")] }),
            ],
          }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

/** A one-paragraph-per-entry Word document, for documents of a chosen length. */
export async function makeDocx(paragraphs: string[]): Promise<Uint8Array> {
  const document = new Document({ sections: [{ children: paragraphs.map((text) => new Paragraph(text)) }] });
  return new Uint8Array(await Packer.toBuffer(document));
}

/**
 * A valid Word document whose main part, word/document.xml, is padded with `expandedBytes` of
 * spaces after its XML declaration: a few hundred kilobytes that inflate to far more. With
 * `isSizeDeclared: false` the central directory claims the part's original small size, as a
 * bomb written to slip past a check of declared sizes would.
 */
export async function makeZipBombDocx(options: { expandedBytes: number; isSizeDeclared: boolean }): Promise<Uint8Array> {
  const parts = unzipSync(await makeDocx(["A harmless-looking paragraph."]));
  const documentXml = new TextDecoder().decode(parts["word/document.xml"]);
  const declarationEnd = documentXml.indexOf("?>") + 2;
  const output: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    output.push(chunk);
  });
  for (const [name, data] of Object.entries(parts)) {
    const entry = new ZipDeflate(name, { level: 6 });
    zip.add(entry);
    if (name !== "word/document.xml") {
      entry.push(data, true);
      continue;
    }
    entry.push(encodeLatin1(documentXml.slice(0, declarationEnd)));
    const padding = new Uint8Array(1024 * 1024).fill(0x20);
    for (let written = 0; written < options.expandedBytes; written += padding.byteLength) entry.push(padding);
    entry.push(new TextEncoder().encode(documentXml.slice(declarationEnd)), true);
  }
  zip.end();
  const archive = concatBytes(output);
  if (!options.isSizeDeclared) {
    setDeclaredSize(archive, "word/document.xml", parts["word/document.xml"].byteLength);
  }
  return archive;
}

function setDeclaredSize(archive: Uint8Array, entryName: string, size: number): void {
  const view = new DataView(archive.buffer, archive.byteOffset, archive.byteLength);
  let end = archive.byteLength - 22;
  while (view.getUint32(end, true) !== 0x06054b50) end--;
  let at = view.getUint32(end + 16, true);
  for (let index = 0; index < view.getUint16(end + 10, true); index++) {
    const nameLength = view.getUint16(at + 28, true);
    const name = new TextDecoder().decode(archive.subarray(at + 46, at + 46 + nameLength));
    if (name === entryName) {
      view.setUint32(at + 24, size, true);
      return;
    }
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  throw new Error(`${entryName} is not in the archive`);
}

/** `length` bytes of seeded noise: the same bytes for the same seed, never a known format. */
export function makeRandomBytes(length: number, seed: number): Uint8Array {
  const random = makeRandom(seed);
  const bytes = new Uint8Array(length);
  for (let index = 0; index < length; index++) bytes[index] = Math.floor(random() * 256);
  return bytes;
}

// mulberry32: a tiny seeded generator, so fixtures are identical on every run.
function makeRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function encodeLatin1(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, "latin1"));
}

function concatBytes(parts: Uint8Array[]): Uint8Array {
  const total = parts.reduce((sum, part) => sum + part.byteLength, 0);
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.byteLength;
  }
  return bytes;
}

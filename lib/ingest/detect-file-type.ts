import type { DocumentKind } from "./extracted-document";
import { IngestError } from "./ingest-error";
import { readZipDirectory, ZipFormatError } from "./read-zip-directory";

const PDF_MAGIC = "%PDF-";
// pdf.js, like Acrobat, accepts a header preceded by junk within the first kilobyte.
const PDF_HEADER_WINDOW = 1024;
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
// Compound File Binary: Word 97–2003 files, and also password-protected .docx files.
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const MARKDOWN_NAME = /\.(md|markdown|mdown|mkd)$/i;
// Text files have few control characters besides tab, newline, carriage return and form feed.
const MAX_CONTROL_CHARACTER_SHARE = 0.01;

/**
 * Decides what a file is from its bytes; the name only tells Markdown from plain text, which
 * differ in how headings are written, not in what they contain.
 */
export function detectFileType(bytes: Uint8Array, fileName: string): DocumentKind {
  if (bytes.byteLength === 0) throw new IngestError("empty");
  if (indexOfAscii(bytes.subarray(0, PDF_HEADER_WINDOW), PDF_MAGIC) !== -1) return "pdf";
  if (startsWith(bytes, ZIP_MAGIC)) return detectZipType(bytes);
  if (startsWith(bytes, CFB_MAGIC)) throw classifyCompoundFile(bytes);
  if (isPlainText(bytes)) return MARKDOWN_NAME.test(fileName) ? "markdown" : "text";
  throw new IngestError("unsupported-type");
}

function detectZipType(bytes: Uint8Array): DocumentKind {
  let names: string[];
  try {
    names = readZipDirectory(bytes).map((entry) => entry.name);
  } catch (error) {
    if (!(error instanceof ZipFormatError)) throw error;
    // A truncated Word upload still shows its part names in the local headers.
    const isWordLike = indexOfAscii(bytes, "word/document") !== -1;
    throw new IngestError(isWordLike ? "docx-damaged" : "unsupported-type", error.message, { cause: error });
  }
  // Word's main part is word/document.xml, but the package relationships may name another
  // file under word/; mammoth follows them, so any word/ part in an OOXML package will do.
  const isWordPackage = names.includes("[Content_Types].xml") && names.some((name) => name.startsWith("word/"));
  if (isWordPackage) return "docx";
  throw new IngestError("unsupported-type", "a ZIP archive that is not a Word document");
}

function classifyCompoundFile(bytes: Uint8Array): IngestError {
  if (indexOfUtf16(bytes, "EncryptedPackage") !== -1) return new IngestError("password-protected-word");
  if (indexOfUtf16(bytes, "WordDocument") !== -1) return new IngestError("legacy-word");
  return new IngestError("unsupported-type", "an Office 97–2003 file that is not a Word document");
}

function isPlainText(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  let controlCount = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0) return false;
    const isAllowedWhitespace = code === 9 || code === 10 || code === 12 || code === 13;
    if ((code < 32 && !isAllowedWhitespace) || code === 127) controlCount++;
  }
  return controlCount <= text.length * MAX_CONTROL_CHARACTER_SHARE;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.byteLength >= prefix.length && prefix.every((byte, index) => bytes[index] === byte);
}

function indexOfAscii(bytes: Uint8Array, needle: string): number {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(needle, 0, "latin1");
}

function indexOfUtf16(bytes: Uint8Array, needle: string): number {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(needle, 0, "utf16le");
}

import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { detectFileType } from "./detect-file-type";
import { IngestError } from "./ingest-error";
import { makeDocxWithTableAndList, makeRandomBytes, makeTextPdf } from "./test-fixtures";

const encode = (text: string) => new TextEncoder().encode(text);

function detectError(bytes: Uint8Array, fileName: string): IngestError {
  try {
    detectFileType(bytes, fileName);
  } catch (error) {
    if (error instanceof IngestError) return error;
    throw error;
  }
  throw new Error("expected detectFileType to throw");
}

// The start of a Compound File Binary header, then a directory entry name in UTF-16LE.
function makeCompoundFile(streamName: string): Uint8Array {
  const header = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  return new Uint8Array(Buffer.concat([header, Buffer.alloc(504), Buffer.from(streamName, "utf16le"), Buffer.alloc(64)]));
}

describe("detectFileType", () => {
  it("recognises a PDF whatever it is called", async () => {
    const pdf = await makeTextPdf([{ paragraphs: ["Text."] }]);
    expect(detectFileType(pdf, "notes.docx")).toBe("pdf");
    expect(detectFileType(pdf, "no-extension")).toBe("pdf");
  });

  it("recognises a PDF header preceded by a little junk, as readers accept", async () => {
    const pdf = await makeTextPdf([{ paragraphs: ["Text."] }]);
    const padded = new Uint8Array([...encode("\r\n\r\n"), ...pdf]);
    expect(detectFileType(padded, "x")).toBe("pdf");
  });

  it("recognises a Word document by its parts, and no other ZIP", async () => {
    expect(detectFileType(await makeDocxWithTableAndList(), "cells.pdf")).toBe("docx");
    const spreadsheet = zipSync({ "[Content_Types].xml": encode("<Types/>"), "xl/workbook.xml": encode("<workbook/>") });
    expect(detectError(spreadsheet, "marks.docx").code).toBe("unsupported-type");
  });

  it("calls a cut-off Word file damaged rather than unknown", async () => {
    const docx = await makeDocxWithTableAndList();
    expect(detectError(docx.slice(0, docx.byteLength / 2), "cells.docx").code).toBe("docx-damaged");
  });

  it("tells Markdown from text by the name only", () => {
    const bytes = encode("# Title\n\nBody.");
    expect(detectFileType(bytes, "notes.md")).toBe("markdown");
    expect(detectFileType(bytes, "NOTES.MARKDOWN")).toBe("markdown");
    expect(detectFileType(bytes, "notes.txt")).toBe("text");
    expect(detectFileType(bytes, "notes")).toBe("text");
  });

  it("accepts UTF-8 text with accents, tabs and form feeds", () => {
    expect(detectFileType(encode("Élève\tcafé\fpage two — ½"), "a.txt")).toBe("text");
  });

  it("refuses bytes that are not UTF-8, contain NUL, or are mostly control characters", () => {
    expect(detectError(Uint8Array.from([0x48, 0x69, 0xff, 0xfe]), "a.txt").code).toBe("unsupported-type");
    expect(detectError(encode("Hi\u0000there"), "a.txt").code).toBe("unsupported-type");
    expect(detectError(encode("\u0001\u0002\u0003 binary-ish \u0004\u0005"), "a.txt").code).toBe("unsupported-type");
    expect(detectError(makeRandomBytes(1000, 1), "a.pdf").code).toBe("unsupported-type");
  });

  it("says an empty file is empty", () => {
    expect(detectError(new Uint8Array(0), "a.pdf").userMessage).toBe("The file is empty");
  });

  it("names old Word files and password-protected Word files", () => {
    expect(detectError(makeCompoundFile("WordDocument"), "essay.doc").code).toBe("legacy-word");
    expect(detectError(makeCompoundFile("EncryptedPackage"), "essay.docx").userMessage).toBe(
      "This Word document is password-protected",
    );
    expect(detectError(makeCompoundFile("Workbook"), "marks.xls").code).toBe("unsupported-type");
  });
});

import { getDocumentProxy, extractText as readPdfText } from "unpdf";
import { describe, expect, it } from "vitest";
import { assertUploadSize } from "./assert-upload-size";
import { extractDocument } from "./extract-document";
import { IngestError } from "./ingest-error";
import { MAX_UPLOAD_BYTES } from "./limits";
import {
  makeDocx,
  makeDocxWithTableAndList,
  makeEncryptedPdf,
  makeFlateBombPdf,
  makeImageOnlyPdf,
  makeRandomBytes,
  makeTextPdf,
  makeZipBombDocx,
} from "./test-fixtures";

const MB = 1024 * 1024;

async function readFailure(promise: Promise<unknown>): Promise<IngestError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!(error instanceof IngestError)) throw new Error(`expected an IngestError, got ${String(error)}`);
  return error;
}

describe("extractDocument: PDF", () => {
  it("keeps page numbers and headings of a multi-page PDF", async () => {
    const pdf = await makeTextPdf([
      {
        heading: "Photosynthesis",
        paragraphs: [
          "Plants turn light into chemical energy. The process takes place in the chloroplasts of leaf cells.",
          "Chlorophyll absorbs red and blue light and reflects green light, which is why leaves look green.",
        ],
      },
      { paragraphs: ["Carbon dioxide enters the leaf through small pores called stomata."] },
      {
        heading: "Respiration",
        paragraphs: ["Cells release the energy stored in glucose by respiration, which uses oxygen."],
      },
    ]);

    const document = await extractDocument(pdf, "biology.pdf");

    expect(document.kind).toBe("pdf");
    expect(document.pageCount).toBe(3);
    expect(document.sections).toEqual([
      {
        page: 1,
        heading: "Photosynthesis",
        text:
          "Plants turn light into chemical energy. The process takes place in the chloroplasts of leaf cells.\n\n" +
          "Chlorophyll absorbs red and blue light and reflects green light, which is why leaves look green.",
      },
      { page: 2, heading: "Photosynthesis", text: "Carbon dioxide enters the leaf through small pores called stomata." },
      {
        page: 3,
        heading: "Respiration",
        text: "Cells release the energy stored in glucose by respiration, which uses oxygen.",
      },
    ]);
  });

  it("decides by the bytes, not the name: a PDF called notes.txt is read as a PDF", async () => {
    const pdf = await makeTextPdf([{ paragraphs: ["Volcanoes form where magma reaches the surface."] }]);
    const document = await extractDocument(pdf, "notes.txt");
    expect(document.kind).toBe("pdf");
    expect(document.sections[0].text).toBe("Volcanoes form where magma reaches the surface.");
  });

  it("counts the heading as text, so a title and one short line are not taken for a scan", async () => {
    const pdf = await makeTextPdf([{ heading: "Photosynthesis quiz", paragraphs: ["Answer all."] }]);
    const document = await extractDocument(pdf, "quiz.pdf");
    expect(document.sections).toEqual([{ page: 1, heading: "Photosynthesis quiz", text: "Answer all." }]);
  });

  it("says an image-only PDF has no extractable text", async () => {
    const error = await readFailure(extractDocument(await makeImageOnlyPdf(2), "scan.pdf"));
    expect(error.code).toBe("pdf-no-text");
    expect(error.userMessage).toBe("This PDF has no extractable text — it may be a scan");
  });

  it("says a PDF that needs a password to open is password-protected", async () => {
    const pdf = makeEncryptedPdf("The exam answers are in the appendix.", "letmein");
    // The fixture is a real encrypted PDF: with the password, pdf.js reads it.
    const opened = await readPdfText(await getDocumentProxy(pdf.slice(), { password: "letmein" }), { mergePages: true });
    expect(opened.text).toBe("The exam answers are in the appendix.");

    const error = await readFailure(extractDocument(pdf, "exam.pdf"));
    expect(error.code).toBe("pdf-password-protected");
    expect(error.userMessage).toBe("This PDF is password-protected");
  });

  it("says a damaged PDF is damaged", async () => {
    const pdf = await makeTextPdf([{ paragraphs: ["This text will be cut off."] }]);
    const truncated = pdf.slice(0, 40);
    const error = await readFailure(extractDocument(truncated, "cut.pdf"));
    expect(error.code).toBe("pdf-damaged");
    expect(error.userMessage).toBe("This PDF is damaged and could not be read");
  });
});

describe("extractDocument: Word", () => {
  it("keeps headings, list items and table cells of a DOCX", async () => {
    const document = await extractDocument(await makeDocxWithTableAndList(), "cells.docx");

    expect(document).toEqual({
      kind: "docx",
      pageCount: null,
      sections: [
        { page: null, heading: "Cell biology", text: "The cell is the smallest unit of life that can replicate on its own." },
        {
          page: null,
          heading: "Organelles",
          text: "- The nucleus holds the DNA\n- Mitochondria release energy\n  - Cristae fold the inner membrane",
        },
        { page: null, heading: "Phases of mitosis", text: "1. Prophase\n2. Metaphase" },
        { page: null, heading: "Sizes", text: "Structure | Typical size\nRibosome | 25 nm\nNucleus | 6 µm" },
      ],
    });
  });

  it("stops a zip bomb whose sizes are declared before inflating anything", async () => {
    const bomb = await makeZipBombDocx({ expandedBytes: 110 * MB, isSizeDeclared: true });
    expect(bomb.byteLength).toBeLessThan(MB);
    const error = await readFailure(extractDocument(bomb, "bomb.docx"));
    expect(error.code).toBe("docx-too-expanded");
    expect(error.userMessage).toBe("This Word document expands to more than 100 MB — it may be corrupt or malicious");
    expect(error.message).toContain("declares");
  });

  it("stops a zip bomb that lies about its sizes while inflating it", async () => {
    const bomb = await makeZipBombDocx({ expandedBytes: 110 * MB, isSizeDeclared: false });
    const error = await readFailure(extractDocument(bomb, "bomb.docx"));
    expect(error.code).toBe("docx-too-expanded");
    expect(error.message).toContain("word/document.xml");
  });

  it("says a truncated Word file is damaged", async () => {
    const docx = await makeDocxWithTableAndList();
    const error = await readFailure(extractDocument(docx.slice(0, docx.byteLength - 200), "cut.docx"));
    expect(error.code).toBe("docx-damaged");
  });
});

describe("extractDocument: text and Markdown", () => {
  it("reads Markdown headings when the name ends in .md", async () => {
    const bytes = new TextEncoder().encode("# Fractions\n\nA fraction has a **numerator** and a denominator.\n");
    expect(await extractDocument(bytes, "fractions.md")).toEqual({
      kind: "markdown",
      pageCount: null,
      sections: [{ page: null, heading: "Fractions", text: "A fraction has a numerator and a denominator." }],
    });
  });

  it("reads the same bytes named .txt as plain text", async () => {
    const bytes = new TextEncoder().encode("# Fractions\n\nA fraction has a numerator.\n");
    const document = await extractDocument(bytes, "fractions.txt");
    expect(document.kind).toBe("text");
    expect(document.sections).toEqual([{ page: null, heading: null, text: "# Fractions\n\nA fraction has a numerator." }]);
  });
});

describe("extractDocument: files it refuses", () => {
  it("says a zero-byte file is empty", async () => {
    const error = await readFailure(extractDocument(new Uint8Array(0), "nothing.pdf"));
    expect(error.code).toBe("empty");
    expect(error.userMessage).toBe("The file is empty");
  });

  it("says a text file of blank lines is empty", async () => {
    const error = await readFailure(extractDocument(new TextEncoder().encode(" \n\n\t\n"), "blank.txt"));
    expect(error.userMessage).toBe("The file is empty");
  });

  it("says random bytes named .pdf are not a PDF, Word document or text file", async () => {
    const error = await readFailure(extractDocument(makeRandomBytes(4096, 7), "lecture.pdf"));
    expect(error.code).toBe("unsupported-type");
    expect(error.userMessage).toBe("This file is not a PDF, Word document or text file");
  });

  it("refuses a 25 MB file by its size alone", async () => {
    expect(() => assertUploadSize(25 * MB)).toThrow(IngestError);
    expect(() => assertUploadSize(MAX_UPLOAD_BYTES)).not.toThrow();
    const error = await readFailure(extractDocument(new Uint8Array(25 * MB), "big.pdf"));
    expect(error.code).toBe("too-large");
    expect(error.userMessage).toBe("This file is larger than the 20 MB limit");
  });
});

describe("extractDocument: bounds", () => {
  it("cuts off a PDF whose stream inflates beyond the memory allowance", async () => {
    const normal = await makeTextPdf([{ paragraphs: ["A normal page fits in the same allowance."] }]);
    await expect(extractDocument(normal, "normal.pdf", { memoryLimitMb: 64 })).resolves.toMatchObject({ pageCount: 1 });

    const bomb = await makeFlateBombPdf(400 * MB);
    expect(bomb.byteLength).toBeLessThan(2 * MB);
    const error = await readFailure(extractDocument(bomb, "bomb.pdf", { memoryLimitMb: 64 }));
    expect(error.code).toBe("out-of-memory");
    expect(error.userMessage).toBe("Reading this file needed too much memory — it may be damaged or too complex");
  });

  it("cuts off a Word file that needs more heap than the worker has", async () => {
    const paragraphs = Array.from({ length: 20_000 }, (_, index) => `Paragraph ${index} of a long handout.`);
    const docx = await makeDocx(paragraphs);
    const error = await readFailure(extractDocument(docx, "long.docx", { memoryLimitMb: 16 }));
    expect(error.code).toBe("out-of-memory");
    const document = await extractDocument(docx, "long.docx");
    expect(document.sections[0].text.split("\n\n")).toHaveLength(20_000);
  });

  it("gives up when reading takes longer than allowed", async () => {
    const pdf = await makeTextPdf([{ paragraphs: ["Any file takes longer than one millisecond to parse."] }]);
    const error = await readFailure(extractDocument(pdf, "slow.pdf", { timeoutMs: 1 }));
    expect(error.code).toBe("timed-out");
    expect(error.userMessage).toBe("Reading this file took too long — it may be damaged or too complex");
  });

  it("stops when the job is aborted and rejects with the abort reason", async () => {
    const pdf = await makeTextPdf([{ paragraphs: ["The job shuts down while this is read."] }]);
    const shutdown = new Error("instance shutting down");
    const controller = new AbortController();
    const extraction = extractDocument(pdf, "notes.pdf", { signal: controller.signal });
    controller.abort(shutdown);
    await expect(extraction).rejects.toBe(shutdown);
    await expect(extractDocument(pdf, "notes.pdf", { signal: controller.signal })).rejects.toBe(shutdown);
  });

  it("leaves the caller's bytes usable", async () => {
    const pdf = await makeTextPdf([{ paragraphs: ["The upload is stored after it is read."] }]);
    const length = pdf.byteLength;
    await extractDocument(pdf, "notes.pdf");
    expect(pdf.byteLength).toBe(length);
  });
});

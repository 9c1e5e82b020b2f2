import { describe, expect, it } from "vitest";
import { chunkDocument } from "@/lib/ingest/chunk-document";
import { extractDocument } from "@/lib/ingest/extract-document";
import type { ExtractedDocument } from "@/lib/ingest/extracted-document";
import { findPageBreaks, splitAtPageBreaks } from "./find-page-breaks";
import { makeLessonPdf, WATER_CYCLE_PAGES } from "./test-fixtures";

describe("findPageBreaks and splitAtPageBreaks", () => {
  it("cut a chunk of three short pages into its pages, each with its heading", async () => {
    const document = await extractDocument(await makeLessonPdf(), "water-cycle.pdf");
    const chunks = chunkDocument(document);
    // Three short pages make one chunk: the case the breaks exist for.
    expect(chunks).toHaveLength(1);
    expect(chunks[0]).toMatchObject({ page: 1, lastPage: 3 });

    const breaks = findPageBreaks(chunks[0], document);
    expect(breaks.map(({ page, heading }) => ({ page, heading }))).toEqual([
      { page: 2, heading: "Condensation" },
      { page: 3, heading: "Precipitation" },
    ]);
    const pieces = splitAtPageBreaks(chunks[0].text, { page: 1, heading: "Evaporation" }, breaks);
    expect(pieces.map((piece) => [piece.page, piece.heading])).toEqual([
      [1, "Evaporation"],
      [2, "Condensation"],
      [3, "Precipitation"],
    ]);
    for (const [index, piece] of pieces.entries()) {
      for (const paragraph of WATER_CYCLE_PAGES[index].paragraphs) expect(piece.text).toContain(paragraph);
      // A page's heading travels with its own text, not with the page before.
      if (index > 0) expect(piece.text.startsWith(`${WATER_CYCLE_PAGES[index].heading}\n\n`)).toBe(true);
    }
  });

  it("find none in a chunk on one page, or without pages", () => {
    const document: ExtractedDocument = { kind: "docx", pageCount: null, sections: [{ page: null, heading: "A", text: "One.\n\nTwo." }] };
    expect(findPageBreaks({ ordinal: 0, text: "One.\n\nTwo.", heading: "A", page: null, lastPage: null }, document)).toEqual([]);
    expect(findPageBreaks({ ordinal: 0, text: "One.", heading: "A", page: 4, lastPage: 4 }, document)).toEqual([]);
  });

  it("leave out a page whose text cannot be found, attributing it to the page before", () => {
    const document: ExtractedDocument = {
      kind: "pdf",
      pageCount: 3,
      sections: [
        { page: 1, heading: null, text: "First page text." },
        { page: 2, heading: null, text: "Text the chunk does not hold." },
        { page: 3, heading: null, text: "Third page text." },
      ],
    };
    const chunk = { ordinal: 0, text: "First page text.\n\nSecond page, differently read.\n\nThird page text.", heading: null, page: 1, lastPage: 3 };
    const breaks = findPageBreaks(chunk, document);
    expect(breaks).toEqual([{ offset: chunk.text.indexOf("Third"), page: 3, heading: null }]);
    expect(splitAtPageBreaks(chunk.text, { page: 1, heading: null }, breaks)).toEqual([
      { text: "First page text.\n\nSecond page, differently read.", page: 1, heading: null },
      { text: "Third page text.", page: 3, heading: null },
    ]);
  });
});

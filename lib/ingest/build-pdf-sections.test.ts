import { describe, expect, it } from "vitest";
import { buildPdfSections } from "./build-pdf-sections";
import type { PdfTextItem } from "./run-extraction-worker";

// One item per drawn line, the way pdf.js reports a simple text PDF; widths are approximate.
function line(text: string, y: number, size = 11, x = 72): PdfTextItem {
  return { text, x, y, width: text.length * size * 0.5, size, hasEOL: false };
}

describe("buildPdfSections", () => {
  it("joins the lines of a paragraph and separates paragraphs by their wider gap", () => {
    const sections = buildPdfSections([
      {
        page: 1,
        items: [line("Water evaporates from the", 700), line("sea and rises.", 686), line("Clouds form higher up.", 662)],
      },
    ]);
    expect(sections).toEqual([
      { page: 1, heading: null, text: "Water evaporates from the sea and rises.\n\nClouds form higher up." },
    ]);
  });

  it("mends words hyphenated at a line end and drops bare page numbers", () => {
    const sections = buildPdfSections([
      { page: 1, items: [line("Condensation releases la-", 700), line("tent heat.", 686), line("7", 40, 9)] },
    ]);
    expect(sections).toEqual([{ page: 1, heading: null, text: "Condensation releases latent heat." }]);
  });

  it("treats clearly larger short lines as headings and carries them onto the next page", () => {
    const sections = buildPdfSections([
      { page: 1, items: [line("The water cycle", 720, 18), line("Evaporation comes first.", 690)] },
      { page: 2, items: [line("Then condensation.", 720)] },
      { page: 3, items: [line("Groundwater", 720, 14), line("Some water sinks into the soil.", 700)] },
    ]);
    expect(sections).toEqual([
      { page: 1, heading: "The water cycle", text: "Evaporation comes first." },
      { page: 2, heading: "The water cycle", text: "Then condensation." },
      { page: 3, heading: "Groundwater", text: "Some water sinks into the soil." },
    ]);
  });

  it("merges a heading wrapped over two lines and ignores a long large sentence", () => {
    const sections = buildPdfSections([
      {
        page: 1,
        items: [
          line("How the water cycle shapes", 720, 18),
          line("the weather", 698, 18),
          line("Body text set in the size that most of the characters on these pages use.", 670),
          line("A pull quote set large but far too long to be a heading on any page of this book.", 640, 16),
          line("More body text, which again outweighs the large quotation above it by far.", 610),
        ],
      },
    ]);
    expect(sections[0].heading).toBe("How the water cycle shapes the weather");
    expect(sections[0].text).toContain("A pull quote set large");
  });

  it("puts a space between runs drawn apart on one line, none between touching runs", () => {
    const sections = buildPdfSections([
      {
        page: 1,
        items: [
          { text: "Evapo", x: 72, y: 700, width: 30, size: 11, hasEOL: false },
          { text: "ration", x: 102, y: 700, width: 30, size: 11, hasEOL: false },
          { text: "rate", x: 140, y: 700, width: 20, size: 11, hasEOL: true },
          { text: "next line", x: 72, y: 686, width: 40, size: 11, hasEOL: false },
        ],
      },
    ]);
    expect(sections[0].text).toBe("Evaporation rate next line");
  });

  it("drops running heads repeated at the top of pages, contents entries and roman page numbers", () => {
    const pages = [1, 2, 3].map((page) => ({
      page,
      items: [
        line(`Chapter 2: Rivers ${page + 10}`, 760, 9),
        line(`Body of page ${page}, where the river meets the sea.`, 700),
        line(["iii", "iv", "v"][page - 1], 40, 9),
      ],
    }));
    pages[0].items.splice(2, 0, line("2.1 Deltas . . . . . . . . 14", 680));
    expect(buildPdfSections(pages).map((section) => section.text)).toEqual([
      "Body of page 1, where the river meets the sea.",
      "Body of page 2, where the river meets the sea.",
      "Body of page 3, where the river meets the sea.",
    ]);
  });

  it("keeps sentences that recur at page edges, and lines that recur on only two pages", () => {
    const sentences = [1, 2, 3].map((page) => ({ page, items: [line(`Summary of page ${page}.`, 700)] }));
    expect(buildPdfSections(sentences)).toHaveLength(3);

    const pages = [1, 2].map((page) => ({ page, items: [line("Key terms", 760), line(`Term ${page}.`, 740)] }));
    expect(buildPdfSections(pages).map((section) => section.text)).toEqual(["Key terms\n\nTerm 1.", "Key terms\n\nTerm 2."]);
  });

  it("gives no section for a page with no text", () => {
    expect(buildPdfSections([{ page: 1, items: [] }, { page: 2, items: [line("Only page two.", 700)] }])).toEqual([
      { page: 2, heading: null, text: "Only page two." },
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { chunkDocument, DEFAULT_CHUNK_SIZES, type ChunkSizes } from "./chunk-document";
import { extractDocument } from "./extract-document";
import type { DocumentSection, ExtractedDocument } from "./extracted-document";
import { makeLongPdf } from "./test-fixtures";

// Sentences numbered so that a test can tell exactly which ones a chunk holds.
function sentences(from: number, count: number, wordsEach = 10): string {
  return Array.from({ length: count }, (_, index) => {
    const filler = Array.from({ length: wordsEach - 2 }, () => "word").join(" ");
    return `Sentence ${from + index} ${filler}.`;
  }).join(" ");
}

function document(sections: DocumentSection[]): ExtractedDocument {
  return { kind: "text", pageCount: null, sections };
}

const countWords = (text: string) => text.split(/\s+/).filter(Boolean).length;
const small: ChunkSizes = { minWords: 30, maxWords: 60, overlapWords: 15 };

describe("chunkDocument", () => {
  it("keeps a short document whole", () => {
    const chunks = chunkDocument(document([{ page: null, heading: "Intro", text: "One short paragraph." }]));
    expect(chunks).toEqual([{ ordinal: 0, text: "One short paragraph.", heading: "Intro", page: null, lastPage: null }]);
  });

  it("packs paragraphs up to the size limit and starts each next chunk with the last sentence", () => {
    const paragraphs = [sentences(1, 3), sentences(4, 3), sentences(7, 3)];
    const chunks = chunkDocument(document([{ page: null, heading: "H", text: paragraphs.join("\n\n") }]), small);

    expect(chunks.map((chunk) => chunk.text)).toEqual([
      `${paragraphs[0]}\n\n${paragraphs[1]}`,
      `${sentences(6, 1)}\n\n${paragraphs[2]}`,
    ]);
  });

  it("never cuts across a heading once the chunk is long enough, and carries no overlap over it", () => {
    const chunks = chunkDocument(
      document([
        { page: null, heading: "Evaporation", text: sentences(1, 4) },
        { page: null, heading: "Condensation", text: sentences(5, 4) },
      ]),
      small,
    );
    expect(chunks.map((chunk) => [chunk.heading, chunk.text])).toEqual([
      ["Evaporation", sentences(1, 4)],
      ["Condensation", sentences(5, 4)],
    ]);
  });

  it("runs a short section on into the next, keeping the next heading in the text", () => {
    const chunks = chunkDocument(
      document([
        { page: null, heading: "Osmosis", text: "Water moves across a membrane." },
        { page: null, heading: "Diffusion", text: "Particles spread out." },
      ]),
      small,
    );
    expect(chunks).toEqual([
      {
        ordinal: 0,
        text: "Water moves across a membrane.\n\nDiffusion\n\nParticles spread out.",
        heading: "Osmosis",
        page: null,
        lastPage: null,
      },
    ]);
  });

  it("breaks at a page once the chunk is long enough, and records the pages a chunk spans", () => {
    const chunks = chunkDocument(
      {
        kind: "pdf",
        pageCount: 3,
        sections: [
          { page: 1, heading: "H", text: sentences(1, 1) },
          { page: 2, heading: "H", text: sentences(2, 3) },
          { page: 3, heading: "H", text: sentences(5, 3) },
        ],
      },
      small,
    );
    expect(chunks.map(({ page, lastPage }) => [page, lastPage])).toEqual([
      [1, 2],
      [3, 3],
    ]);
    expect(chunks[1].text.startsWith(sentences(4, 1))).toBe(true);
  });

  it("splits an overlong paragraph between sentences, an overlong sentence between words", () => {
    const longParagraph = sentences(1, 20);
    const unpunctuated = Array.from({ length: 130 }, (_, index) => `w${index}`).join(" ");
    const chunks = chunkDocument(
      document([
        { page: null, heading: "Prose", text: longParagraph },
        { page: null, heading: "Run-on", text: unpunctuated },
      ]),
      small,
    );
    const prose = chunks.filter((chunk) => chunk.heading === "Prose");
    const runOn = chunks.filter((chunk) => chunk.heading === "Run-on");
    for (const chunk of prose) {
      expect(countWords(chunk.text)).toBeLessThanOrEqual(small.maxWords + small.overlapWords);
      expect(chunk.text).toMatch(/\.$/);
    }
    expect(prose.length).toBeGreaterThanOrEqual(4);
    expect(runOn.map((chunk) => chunk.text.split(" ")[0])).toEqual(["w0", "w45", "w105"]);
  });

  it("splits an overlong table between its rows", () => {
    const rows = Array.from({ length: 40 }, (_, index) => `Element ${index} | symbol ${index}`);
    const chunks = chunkDocument(document([{ page: null, heading: "Table", text: rows.join("\n") }]), small);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) {
      expect(chunk.text.split(/\n+/).every((row) => /^Element \d+ \| symbol \d+$/.test(row))).toBe(true);
    }
  });

  it("numbers chunks in reading order and loses no paragraph", () => {
    const sections = Array.from({ length: 12 }, (_, index) => ({
      page: null,
      heading: `Part ${Math.floor(index / 3)}`,
      text: `${sentences(index * 100, 7)}\n\n${sentences(index * 100 + 50, 9)}`,
    }));
    const chunks = chunkDocument(document(sections), small);
    expect(chunks.map((chunk) => chunk.ordinal)).toEqual(chunks.map((_, index) => index));
    const allText = chunks.map((chunk) => chunk.text).join("\n");
    for (const section of sections) {
      for (const sentence of section.text.split(/(?<=\.) /)) expect(allText).toContain(sentence.trim());
    }
  });

  it("gives chunks of a few hundred words that cite the page they came from", async () => {
    const extracted = await extractDocument(await makeLongPdf(24), "rivers.pdf");
    const chunks = chunkDocument(extracted);

    for (const chunk of chunks) {
      const words = countWords(chunk.text);
      expect(words).toBeLessThanOrEqual(DEFAULT_CHUNK_SIZES.maxWords + DEFAULT_CHUNK_SIZES.overlapWords);
      expect(words).toBeGreaterThanOrEqual(DEFAULT_CHUNK_SIZES.minWords);
      // Every sentence of the fixture names its page; only the overlap may come from the page before.
      const cited = [...chunk.text.matchAll(/as page (\d+) shows/g)].map((match) => Number(match[1]));
      expect(cited).toContain(chunk.page);
      expect(Math.min(...cited)).toBeGreaterThanOrEqual(chunk.page! - 1);
      expect(Math.max(...cited)).toBeLessThanOrEqual(chunk.lastPage!);
    }
    expect(chunks.filter((chunk) => chunk.page === 11).map((chunk) => chunk.heading)).toEqual([
      "Chapter 2: Volcanoes",
    ]);
  });
});

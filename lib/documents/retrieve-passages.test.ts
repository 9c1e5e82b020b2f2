import { beforeAll, describe, expect, it } from "vitest";
import { makeDocx, makeTextPdf } from "@/lib/ingest/test-fixtures";
import { useTestDatabase } from "@/tests/helpers/use-test-database";
import { createDocumentUpload } from "./create-document-upload";
import { indexDocument } from "./index-document";
import { chunkBudget, retrieveChunks, toAnyWordQuery, toSourcePassages, type RetrievalScope } from "./retrieve-passages";

// Two documents on unrelated subjects, each several chunks long; "obsidian" appears on page 5 only.
const VOLCANO_FACTS = [
  "Magma rises through cracks in the crust because it is less dense than the surrounding rock.",
  "Basaltic lava flows far before it cools, so shield volcanoes have gentle slopes.",
  "Stratovolcanoes are built from alternating layers of ash and lava.",
  "Pyroclastic flows of hot gas and ash rush down a volcano's slopes at great speed.",
  "A caldera forms when the ground collapses into an emptied magma chamber.",
  "Volcanic ash grounds aircraft because it melts inside jet engines.",
];
const REVOLUTION_FACTS = [
  "The Estates-General met at Versailles in 1789 for the first time since 1614.",
  "The Third Estate declared itself the National Assembly and swore the Tennis Court Oath.",
  "Parisians stormed the Bastille on 14 July 1789 to seize gunpowder.",
  "The Declaration of the Rights of Man proclaimed liberty and equality before the law.",
  "The monarchy was abolished in September 1792 and the republic proclaimed.",
  "Robespierre led the Committee of Public Safety during the Terror.",
];

const VOLCANO_TERMS = ["magma", "the crater", "basaltic lava", "an ash cloud", "the vent", "a lava dome", "the magma chamber", "tephra"];
const REVOLUTION_TERMS = ["the clergy", "the nobility", "the sans-culottes", "the Jacobins", "the king", "the Girondins", "bread prices", "the assembly"];
const LINKS = ["shaped", "was driven by", "threatened", "depended on", "was watched by", "weakened", "followed", "surprised"];

/** Varied, seeded prose: real facts among generated sentences, so no line repeats from page to page. */
function prose(facts: string[], terms: string[], seed: number, sentences: number): string {
  let state = seed * 7919 + 17;
  const pick = <T,>(items: T[]) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    // The high bits: an LCG's low bits repeat with a short period.
    return items[Math.floor(state / 65536) % items.length];
  };
  return Array.from({ length: sentences }, (_, index) =>
    index % 3 === 0 ? pick(facts) : `${capitalise(pick(terms))} ${pick(LINKS)} ${pick(terms)} in case ${seed * 100 + index}.`,
  ).join(" ");
}

function capitalise(text: string): string {
  return text[0].toUpperCase() + text.slice(1);
}

const VOLCANO_HEADINGS = ["Eruptions", "Lava and ash", "Calderas and craters", "Volcanic hazards"];

const db = useTestDatabase();
let volcanoes: { documentId: string; collectionName: string };
let revolution: { documentId: string };
let scope: RetrievalScope;

beforeAll(async () => {
  const pdf = await makeTextPdf(
    Array.from({ length: 16 }, (_, page) => ({
      heading: page % 4 === 0 ? VOLCANO_HEADINGS[page / 4] : undefined,
      paragraphs: [
        prose(VOLCANO_FACTS, VOLCANO_TERMS, page * 3, 6),
        prose(VOLCANO_FACTS, VOLCANO_TERMS, page * 3 + 1, 6),
        page === 4 ? "Obsidian is volcanic glass that forms when lava cools too fast for crystals to grow." : prose(VOLCANO_FACTS, VOLCANO_TERMS, page * 3 + 2, 5),
      ],
    })),
  );
  volcanoes = await createDocumentUpload(db.pool, { fileName: "volcanoes.pdf", bytes: pdf });
  const docx = await makeDocx(Array.from({ length: 24 }, (_, index) => prose(REVOLUTION_FACTS, REVOLUTION_TERMS, index, 6)));
  revolution = await createDocumentUpload(db.pool, { fileName: "revolution.docx", bytes: docx, collectionName: volcanoes.collectionName });
  const signal = new AbortController().signal;
  await indexDocument(db.pool, volcanoes.documentId, { signal });
  await indexDocument(db.pool, revolution.documentId, { signal });
  const { rows } = await db.pool.query(`SELECT id FROM collections WHERE name = $1`, [volcanoes.collectionName]);
  scope = { collectionId: rows[0].id };
});

async function chunkCount(documentId: string): Promise<number> {
  const { rows } = await db.pool.query(`SELECT count(*)::int AS n FROM chunks WHERE document_id = $1`, [documentId]);
  return rows[0].n;
}

describe("retrieveChunks in a collection of two documents on different subjects", () => {
  it("holds documents long enough for the test to mean something", async () => {
    expect(await chunkCount(volcanoes.documentId)).toBeGreaterThanOrEqual(8);
    expect(await chunkCount(revolution.documentId)).toBeGreaterThanOrEqual(4);
  });

  it("returns chunks of the volcano document for a question about volcanoes", async () => {
    const chunks = await retrieveChunks(db.pool, scope, { query: "How do volcanoes erupt magma and lava?", questionCount: 5 });
    expect(chunks.length).toBe(chunkBudget(5));
    expect(new Set(chunks.map((chunk) => chunk.fileName))).toEqual(new Set(["volcanoes.pdf"]));
  });

  it("returns chunks of the history document for a question about the revolution", async () => {
    const chunks = await retrieveChunks(db.pool, scope, { query: "Bastille storming and the National Assembly", questionCount: 5 });
    expect(chunks.length).toBeGreaterThan(0);
    expect(new Set(chunks.map((chunk) => chunk.fileName))).toEqual(new Set(["revolution.docx"]));
  });

  it("widens a rare word's matches to the chunks before and after them", async () => {
    const chunks = await retrieveChunks(db.pool, scope, { query: "obsidian", questionCount: 1 });
    const { rows } = await db.pool.query(`SELECT ordinal FROM chunks WHERE document_id = $1 AND text LIKE '%Obsidian%' ORDER BY ordinal`, [
      volcanoes.documentId,
    ]);
    const matches = rows.map((row) => row.ordinal as number);
    // The sentence ends page 5, so the chunk after it repeats it as its overlap: one or two matches.
    expect(matches.length).toBeGreaterThanOrEqual(1);
    const first = matches[0];
    const last = matches.at(-1)!;
    expect(chunks.map((chunk) => chunk.ordinal)).toEqual(Array.from({ length: last - first + 3 }, (_, index) => first - 1 + index));
    expect(new Set(chunks.map((chunk) => chunk.documentId))).toEqual(new Set([volcanoes.documentId]));
  });

  it("takes more chunks when more questions are asked", async () => {
    const counts = [];
    for (const questionCount of [1, 6, 12]) {
      counts.push((await retrieveChunks(db.pool, scope, { query: "volcano magma lava ash", questionCount })).length);
    }
    expect(counts[0]).toBe(4);
    expect(counts[1]).toBeGreaterThan(counts[0]);
    expect(counts[2]).toBeGreaterThan(counts[1]);
  });

  it("spreads over the whole collection when the query matches nothing", async () => {
    const chunks = await retrieveChunks(db.pool, scope, { query: "quantum chromodynamics", questionCount: 10 });
    expect(chunks.length).toBe(chunkBudget(10));
    expect(new Set(chunks.map((chunk) => chunk.fileName))).toEqual(new Set(["volcanoes.pdf", "revolution.docx"]));
  });

  it("spreads evenly, beginning to end, when there is no query", async () => {
    const chunks = await retrieveChunks(db.pool, { ...scope, documentId: volcanoes.documentId }, { questionCount: 4 });
    const total = await chunkCount(volcanoes.documentId);
    const ordinals = chunks.map((chunk) => chunk.ordinal);
    expect(ordinals.length).toBe(Math.min(total, chunkBudget(4)));
    expect(ordinals[0]).toBeLessThan(total / 4);
    expect(ordinals.at(-1)).toBeGreaterThanOrEqual((total * 3) / 4 - 1);
  });

  it("keeps to one document when asked to, even for another document's subject", async () => {
    const chunks = await retrieveChunks(db.pool, { ...scope, documentId: revolution.documentId }, { query: "volcano magma", questionCount: 5 });
    expect(chunks.length).toBeGreaterThan(0);
    expect(new Set(chunks.map((chunk) => chunk.documentId))).toEqual(new Set([revolution.documentId]));
  });

  it("returns chunks in reading order", async () => {
    const chunks = await retrieveChunks(db.pool, scope, { query: "ash lava Bastille", questionCount: 12 });
    const positions = chunks.map((chunk) => [chunk.documentId === volcanoes.documentId ? 0 : 1, chunk.ordinal]);
    expect(positions).toEqual([...positions].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
  });

  it("treats query syntax as words, never as an error", async () => {
    for (const query of ['"magma" & | !( <-> :*', "'; DROP TABLE chunks; --", "   ", "¿Qué es la lava?"]) {
      await expect(retrieveChunks(db.pool, scope, { query, questionCount: 3 })).resolves.toBeInstanceOf(Array);
    }
  });

  it("hands the generator passages naming their document, page and heading", async () => {
    const passages = toSourcePassages(await retrieveChunks(db.pool, scope, { query: "obsidian", questionCount: 1 }));
    expect(passages.find((passage) => passage.text.includes("Obsidian"))).toMatchObject({
      document: "volcanoes.pdf",
      page: 5,
      heading: "Lava and ash",
    });
    const history = toSourcePassages(await retrieveChunks(db.pool, scope, { query: "Bastille", questionCount: 1 }));
    expect(history[0].document).toBe("revolution.docx");
    expect(history[0]).not.toHaveProperty("page");
  });
});

describe("chunkBudget and toAnyWordQuery", () => {
  it("grows with the questions asked, within 4 to 40", () => {
    expect([1, 2, 5, 10, 20, 50, 100].map(chunkBudget)).toEqual([4, 4, 5, 7, 12, 27, 40]);
  });

  it("joins the distinct words of a query with OR", () => {
    expect(toAnyWordQuery("Chapter 3: Photosynthesis & photosynthesis!")).toBe("chapter | 3 | photosynthesis");
    expect(toAnyWordQuery(" ?! ")).toBeNull();
  });
});

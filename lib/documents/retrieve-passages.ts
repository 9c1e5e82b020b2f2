import type { Queryable } from "../db";
import type { SourcePassage } from "../generation/generator";
import { splitAtPageBreaks, type PageBreak } from "./find-page-breaks";

/** Where to look: a whole collection, or one document of it. */
export interface RetrievalScope {
  collectionId: number;
  documentId?: string;
}

export interface RetrievedChunk {
  id: number;
  documentId: string;
  fileName: string;
  ordinal: number;
  text: string;
  heading: string | null;
  page: number | null;
  lastPage: number | null;
  /** Where later pages begin in `text`, for a chunk that runs over pages. */
  pageBreaks: PageBreak[];
}

const MIN_CHUNKS = 4;
const MAX_CHUNKS = 40;
// At most this many query words are searched for: a pasted paragraph is not a query.
const MAX_QUERY_WORDS = 32;

/**
 * How many chunks to hand the generator for `questionCount` questions: a chunk is about a page of
 * prose, which carries a couple of questions; never fewer than 4 (context for even one question),
 * never more than 40 (a language model's prompt must stay bounded). EduMate always took 5.
 */
export function chunkBudget(questionCount: number): number {
  return Math.min(MAX_CHUNKS, Math.max(MIN_CHUNKS, Math.ceil(questionCount / 2) + 2));
}

/**
 * The query's words joined with OR for `to_tsquery`. A teacher's query is usually a chapter title
 * ("Chapter 3: Photosynthesis in plants"): requiring every word would often match nothing, so
 * any word matches and ranking favours chunks with more of them. Only letters and digits reach
 * `to_tsquery`, so no input can be a syntax error. Null when there is no word to search for.
 */
export function toAnyWordQuery(query: string): string | null {
  const words = [...new Set(query.toLowerCase().match(/[\p{L}\p{M}\p{N}]+/gu) ?? [])].slice(0, MAX_QUERY_WORDS);
  return words.length > 0 ? words.join(" | ") : null;
}

interface ChunkKey {
  documentId: string;
  ordinal: number;
}

const keyOf = (chunk: ChunkKey) => `${chunk.documentId}:${chunk.ordinal}`;

/**
 * Chooses the chunks of a collection (or one document) to generate `questionCount` questions from:
 * 1. the best-ranked chunks for `query` (full-text search over the weighted heading and text,
 *    ranked by cover density; chunks matching every word rank twice as high);
 * 2. widened with the chunks before and after the best two thirds of them, so a question sees its
 *    context;
 * 3. when the query matches little (less than half the budget, or there is no query), filled with
 *    chunks spread evenly over the documents that matched, then over the rest of the collection.
 * Returned in reading order: by document, then position.
 */
export async function retrieveChunks(
  db: Queryable,
  scope: RetrievalScope,
  { query, questionCount }: { query?: string; questionCount: number },
): Promise<RetrievedChunk[]> {
  const budget = chunkBudget(questionCount);
  const anyWord = query ? toAnyWordQuery(query) : null;
  // Needed in every case (reading order, the spread); asked for alongside the search.
  const listing = listScopeDocuments(db, scope);
  listing.catch(() => {});
  const hits = anyWord ? await rankChunks(db, scope, anyWord, query!, budget) : [];

  const chosen = new Map<string, ChunkKey>();
  const primary = hits.slice(0, Math.ceil((budget * 2) / 3));
  for (const hit of primary) chosen.set(keyOf(hit), hit);
  const candidates = [...primary.flatMap((hit) => [{ ...hit, ordinal: hit.ordinal - 1 }, { ...hit, ordinal: hit.ordinal + 1 }]), ...hits];
  const rows = await loadChunks(db, [...hits, ...candidates]);
  for (const candidate of candidates) {
    if (chosen.size >= budget) break;
    if (rows.has(keyOf(candidate))) chosen.set(keyOf(candidate), candidate);
  }

  const documents = await listing;
  if (chosen.size < Math.ceil(budget / 2)) {
    const matched = new Set(hits.map((hit) => hit.documentId));
    for (const group of [documents.filter((doc) => matched.has(doc.id)), documents.filter((doc) => !matched.has(doc.id))]) {
      const spread = spreadOver(group, budget - chosen.size, chosen);
      for (const [key, row] of await loadChunks(db, spread)) rows.set(key, row);
      for (const key of spread) chosen.set(keyOf(key), key);
    }
  }

  const order = new Map(documents.map((doc, index) => [doc.id, index]));
  return [...chosen.keys()]
    .map((key) => rows.get(key))
    .filter((row): row is RetrievedChunk => row !== undefined)
    .sort((a, b) => (order.get(a.documentId) ?? 0) - (order.get(b.documentId) ?? 0) || a.ordinal - b.ordinal);
}

/**
 * The chosen chunks as the generator's passages, each naming its document, page and heading; a
 * chunk that runs over pages becomes one passage per page, so each question cites its own page.
 */
export function toSourcePassages(chunks: RetrievedChunk[]): SourcePassage[] {
  return chunks.flatMap((chunk) =>
    splitAtPageBreaks(chunk.text, { page: chunk.page, heading: chunk.heading }, chunk.pageBreaks).map((piece) => ({
      text: piece.text,
      document: chunk.fileName,
      ...(piece.page !== null ? { page: piece.page } : {}),
      ...(piece.heading !== null ? { heading: piece.heading } : {}),
    })),
  );
}

// Candidates re-ranked by cover density: ts_rank_cd costs about 40 µs a row on a page of prose,
// ts_rank a third of that; over 10,000 chunks a broad query matched 1,660 and ranking them all by
// ts_rank_cd took 77 ms (bench/retrieval-latency.ts). ts_rank picks the few worth the finer ranking.
const CANDIDATES_PER_PICK = 5;
const MIN_CANDIDATES = 100;

async function rankChunks(db: Queryable, scope: RetrievalScope, anyWord: string, query: string, limit: number): Promise<ChunkKey[]> {
  // The GIN index finds the chunks with any of the words; chunks with all of them rank twice as high.
  const { rows } = await db.query<{ document_id: string; ordinal: number }>(
    `WITH candidates AS (
       SELECT document_id, ordinal, search_vector FROM chunks
       WHERE collection_id = $1 AND ($2::uuid IS NULL OR document_id = $2)
         AND search_vector @@ to_tsquery('english', $3)
       ORDER BY ts_rank(search_vector, to_tsquery('english', $3)) DESC
       LIMIT $6
     )
     SELECT document_id, ordinal FROM candidates
     ORDER BY ts_rank_cd(search_vector, to_tsquery('english', $3))
              * CASE WHEN search_vector @@ websearch_to_tsquery('english', $4) THEN 2 ELSE 1 END DESC,
              document_id, ordinal
     LIMIT $5`,
    [scope.collectionId, scope.documentId ?? null, anyWord, query, limit, Math.max(MIN_CANDIDATES, limit * CANDIDATES_PER_PICK)],
  );
  return rows.map((row) => ({ documentId: row.document_id, ordinal: row.ordinal }));
}

async function loadChunks(db: Queryable, keys: ChunkKey[]): Promise<Map<string, RetrievedChunk>> {
  if (keys.length === 0) return new Map();
  const { rows } = await db.query<{
    id: number;
    document_id: string;
    file_name: string;
    ordinal: number;
    text: string;
    heading: string | null;
    page: number | null;
    last_page: number | null;
    page_breaks: PageBreak[] | null;
  }>(
    `SELECT c.id, c.document_id, d.file_name, c.ordinal, c.text, c.heading, c.page, c.last_page, c.page_breaks
     FROM unnest($1::uuid[], $2::int[]) AS wanted(document_id, ordinal)
     JOIN chunks c ON c.document_id = wanted.document_id AND c.ordinal = wanted.ordinal
     JOIN documents d ON d.id = c.document_id`,
    [keys.map((key) => key.documentId), keys.map((key) => key.ordinal)],
  );
  return new Map(
    rows.map((row) => [
      keyOf({ documentId: row.document_id, ordinal: row.ordinal }),
      {
        id: row.id,
        documentId: row.document_id,
        fileName: row.file_name,
        ordinal: row.ordinal,
        text: row.text,
        heading: row.heading,
        page: row.page,
        lastPage: row.last_page,
        pageBreaks: row.page_breaks ?? [],
      },
    ]),
  );
}

async function listScopeDocuments(db: Queryable, scope: RetrievalScope): Promise<{ id: string; chunkCount: number }[]> {
  const { rows } = await db.query<{ id: string; chunk_count: number }>(
    `SELECT id, chunk_count FROM documents
     WHERE collection_id = $1 AND ($2::uuid IS NULL OR id = $2) AND status = 'ready'
     ORDER BY created_at, id`,
    [scope.collectionId, scope.documentId ?? null],
  );
  return rows.map((row) => ({ id: row.id, chunkCount: row.chunk_count }));
}

/**
 * `count` chunks evenly spaced over the documents laid end to end, skipping chosen ones: a spread
 * of the whole material, not its first pages.
 */
export function spreadOver(documents: { id: string; chunkCount: number }[], count: number, chosen: Map<string, ChunkKey>): ChunkKey[] {
  const all: ChunkKey[] = documents.flatMap((doc) => Array.from({ length: doc.chunkCount }, (_, ordinal) => ({ documentId: doc.id, ordinal })));
  const free = all.filter((key) => !chosen.has(keyOf(key)));
  if (count <= 0 || free.length === 0) return [];
  if (free.length <= count) return free;
  return Array.from({ length: count }, (_, index) => free[Math.floor(((index + 0.5) * free.length) / count)]);
}

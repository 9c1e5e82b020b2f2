/**
 * A finished ingest job's result. EduMate's clients read `stored`, `chunks`, `source` and
 * `collection_name`; its documentation calls the count `chunks_created`, so both are there.
 */
export interface IngestResult {
  stored: true;
  chunks: number;
  chunks_created: number;
  /** The uploaded file's name (EduMate gave a server path here; we never expose one). */
  source: string;
  collection_name: string;
  document_id: string;
  page_count: number | null;
}

export function toIngestResult(document: {
  id: string;
  fileName: string;
  collectionName: string;
  chunkCount: number;
  pageCount: number | null;
}): IngestResult {
  return {
    stored: true,
    chunks: document.chunkCount,
    chunks_created: document.chunkCount,
    source: document.fileName,
    collection_name: document.collectionName,
    document_id: document.id,
    page_count: document.pageCount,
  };
}

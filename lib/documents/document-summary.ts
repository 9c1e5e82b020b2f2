import type { DocumentKind } from "../ingest/extracted-document";
import type { PreviewSection } from "./build-preview";
import { INTERRUPTED } from "./fail-abandoned-documents";

export type DocumentStatus = "queued" | "indexing" | "ready" | "failed";

/** A document as /api/documents shows it. */
export interface DocumentSummary {
  id: string;
  file_name: string;
  kind: DocumentKind | null;
  status: DocumentStatus;
  /** Why it could not be read, in a sentence for the teacher; null unless failed. */
  error: string | null;
  page_count: number | null;
  chunk_count: number;
  byte_size: number;
  collection_name: string;
  job_id: string | null;
  created_at: string;
  indexed_at: string | null;
}

export interface DocumentDetail extends DocumentSummary {
  /** The first sections as they were read ([] until the document is ready). */
  preview: PreviewSection[];
}

export interface DocumentRow {
  id: string;
  file_name: string;
  kind: DocumentKind | null;
  status: DocumentStatus;
  error: string | null;
  page_count: number | null;
  chunk_count: number;
  byte_size: number;
  collection_name: string;
  job_id: string | null;
  job_status: string | null;
  job_error: string | null;
  created_at: Date;
  indexed_at: Date | null;
}

/** Columns for `DocumentRow`, from `documents d JOIN collections c LEFT JOIN jobs j`. */
export const DOCUMENT_ROW_COLUMNS = `d.id, d.file_name, d.kind, d.status, d.error, d.page_count, d.chunk_count, d.byte_size,
  c.name AS collection_name, d.job_id, j.status AS job_status, j.error AS job_error, d.created_at, d.indexed_at`;
export const DOCUMENT_ROW_FROM = `documents d JOIN collections c ON c.id = d.collection_id LEFT JOIN jobs j ON j.id = d.job_id`;

export function toDocumentSummary(row: DocumentRow): DocumentSummary {
  // A document whose job ended without it (its worker died for good) is failed, not indexing forever.
  const isAbandoned =
    (row.status === "queued" || row.status === "indexing") && row.job_status !== "queued" && row.job_status !== "started";
  return {
    id: row.id,
    file_name: row.file_name,
    kind: row.kind,
    status: isAbandoned ? "failed" : row.status,
    error: isAbandoned ? (row.job_status === "failed" && row.job_error ? row.job_error : INTERRUPTED) : row.error,
    page_count: row.page_count,
    chunk_count: row.chunk_count,
    byte_size: row.byte_size,
    collection_name: row.collection_name,
    job_id: row.job_id,
    created_at: row.created_at.toISOString(),
    indexed_at: row.indexed_at ? row.indexed_at.toISOString() : null,
  };
}

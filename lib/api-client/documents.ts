import { queryOptions } from "@tanstack/react-query";
import type { DocumentDetail, DocumentStatus, DocumentSummary } from "@/lib/documents/document-summary";
import type { BloomCounts } from "@/lib/generation/blooms";
import { MAX_UPLOAD_BYTES } from "@/lib/ingest/limits";
import { ApiRequestError, fetchJson } from "./fetch-json";

export type { DocumentDetail, DocumentSummary };

export const TERMINAL_DOCUMENT_STATUSES = new Set<DocumentStatus>(["ready", "failed"]);

export const isDocumentSettled = (document: { status: DocumentStatus }) => TERMINAL_DOCUMENT_STATUSES.has(document.status);

// Reading a file takes seconds; a second between looks is quick enough to feel live.
const POLL_MS = 1000;

/** The signed-in teacher's documents; polled while any of them is still being read. */
export function documentListQuery() {
  return queryOptions({
    queryKey: ["documents"],
    queryFn: () => fetchJson<{ documents: DocumentSummary[] }>("/api/documents").then((body) => body.documents),
    refetchInterval: (query) => (query.state.data?.some((document) => !isDocumentSettled(document)) ? POLL_MS : false),
  });
}

/** One document with its preview; polled until it is ready or failed. */
export function documentQuery(id: string) {
  return queryOptions({
    queryKey: ["documents", id],
    queryFn: () => fetchJson<DocumentDetail>(`/api/documents/${encodeURIComponent(id)}`),
    refetchInterval: (query) => {
      if (query.state.error instanceof ApiRequestError && query.state.error.status === 404) return false;
      const data = query.state.data;
      return data && isDocumentSettled(data) ? false : POLL_MS;
    },
    // A deleted document stays deleted: no point asking again.
    retry: (count, error) => !(error instanceof ApiRequestError && error.status === 404) && count < 1,
  });
}

export interface QueuedUpload {
  status: "queued";
  document_id: string;
  job_id: string;
  collection_name: string;
}

export interface UploadHandle {
  done: Promise<QueuedUpload>;
  abort(): void;
}

/**
 * Uploads one file with XMLHttpRequest, whose upload events (unlike fetch's) report progress.
 * `onProgress` gets 0–1. A file over the limit is refused here, before a byte is sent.
 */
export function uploadDocument(file: File, onProgress: (fraction: number) => void): UploadHandle {
  const request = new XMLHttpRequest();
  const done = new Promise<QueuedUpload>((resolve, reject) => {
    if (file.size > MAX_UPLOAD_BYTES) {
      reject(new ApiRequestError("This file is larger than the 20 MB limit", 413));
      return;
    }
    const form = new FormData();
    form.append("file", file, file.name);
    request.open("POST", "/api/documents");
    request.responseType = "json";
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      const body = request.response as (QueuedUpload & { error?: { message?: string }; detail?: string }) | null;
      if (request.status >= 200 && request.status < 300 && body) {
        onProgress(1);
        resolve(body);
      } else {
        reject(new ApiRequestError(body?.error?.message ?? body?.detail ?? `Upload failed (${request.status})`, request.status));
      }
    };
    request.onerror = () => reject(new ApiRequestError("The upload did not reach the server; check the connection and try again", 0));
    request.onabort = () => reject(new ApiRequestError("Upload cancelled", 0));
    request.send(form);
  });
  return { done, abort: () => request.abort() };
}

export function renameDocument(id: string, fileName: string) {
  return fetchJson<{ id: string; file_name: string }>(`/api/documents/${encodeURIComponent(id)}`, {
    method: "PATCH",
    body: { file_name: fileName },
  });
}

export function deleteDocument(id: string) {
  return fetchJson<void>(`/api/documents/${encodeURIComponent(id)}`, { method: "DELETE" });
}

/** Queues questions from one document, optionally focused by a query; returns the job id. */
export async function generateFromDocument(input: { documentId: string; query?: string; blooms: BloomCounts }): Promise<string> {
  const body = await fetchJson<{ job_id: string }>("/api/generate", {
    method: "POST",
    body: { document_id: input.documentId, blooms: input.blooms, ...(input.query ? { query: input.query } : {}) },
  });
  return body.job_id;
}

const ANONYMOUS_KEY = "bloomery.documents";

/** Documents uploaded in this browser without an account: their ids are kept locally, as their only key. */
export function readAnonymousDocumentIds(): string[] {
  try {
    const stored = JSON.parse(window.localStorage.getItem(ANONYMOUS_KEY) ?? "[]");
    return Array.isArray(stored) ? stored.filter((id): id is string => typeof id === "string") : [];
  } catch {
    return [];
  }
}

export function writeAnonymousDocumentIds(ids: string[]): void {
  window.localStorage.setItem(ANONYMOUS_KEY, JSON.stringify(ids));
}

"use client";

import { useQueries, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import {
  documentListQuery,
  documentQuery,
  readAnonymousDocumentIds,
  writeAnonymousDocumentIds,
  type DocumentSummary,
  type QueuedUpload,
} from "@/lib/api-client/documents";
import { ApiRequestError } from "@/lib/api-client/fetch-json";
import { DocumentItem } from "./document-item";
import { UploadDropZone } from "./upload-drop-zone";

/**
 * Upload teaching material, watch it being read, check what was read, and generate from it. A
 * signed-in teacher sees all their documents; without an account, those uploaded in this browser.
 */
export function DocumentsPage({ isSignedIn }: { isSignedIn: boolean }) {
  const queryClient = useQueryClient();
  const [openId, setOpenId] = useState<string | null>(null);
  const anonymous = useAnonymousDocuments(!isSignedIn);
  const owned = useQuery({ ...documentListQuery(), enabled: isSignedIn });
  const documents = isSignedIn ? (owned.data ?? []) : anonymous.documents;
  const isLoading = isSignedIn ? owned.isPending : !anonymous.isLoaded;

  async function onUploaded(upload: QueuedUpload) {
    if (isSignedIn) await queryClient.invalidateQueries({ queryKey: ["documents"], exact: true });
    else anonymous.add(upload.document_id);
    setOpenId(upload.document_id);
  }

  return (
    <main className="mx-auto max-w-4xl space-y-8 px-4 py-10">
      <header>
        <h1 className="text-3xl font-bold tracking-tight">Documents</h1>
        <p className="mt-1 text-slate-600 dark:text-slate-400">
          Upload a chapter, lecture notes or a handout. Bloomery reads it, shows you what it read, and writes questions that cite the page
          they come from.
        </p>
        {!isSignedIn && (
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
            You are not signed in: documents you upload are listed in this browser only.
          </p>
        )}
      </header>

      <UploadDropZone onUploaded={(upload) => void onUploaded(upload)} />

      <section aria-labelledby="documents-heading" className="space-y-3">
        <h2 id="documents-heading" className="text-xl font-semibold">
          Your documents
        </h2>
        {owned.error && (
          <p role="alert" className="text-sm text-red-800 dark:text-red-300">
            Could not load your documents: {owned.error.message}
          </p>
        )}
        {isLoading ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">Loading…</p>
        ) : documents.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">No documents yet.</p>
        ) : (
          <ul className="space-y-3">
            {documents.map((document) => (
              <DocumentItem
                key={document.id}
                document={document}
                isOpen={openId === document.id}
                onToggle={() => setOpenId(openId === document.id ? null : document.id)}
                onDeleted={(id) => {
                  if (!isSignedIn) anonymous.remove(id);
                  if (openId === id) setOpenId(null);
                }}
              />
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}

/** Documents uploaded in this browser without an account, each polled until it is read. */
function useAnonymousDocuments(isEnabled: boolean) {
  const [ids, setIds] = useState<string[]>([]);
  const [isLoaded, setIsLoaded] = useState(false);

  // localStorage exists only in the browser, after hydration.
  useEffect(() => {
    if (!isEnabled) return;
    setIds(readAnonymousDocumentIds());
    setIsLoaded(true);
  }, [isEnabled]);

  const results = useQueries({ queries: (isEnabled ? ids : []).map((id) => documentQuery(id)) });
  const goneKey = ids
    .filter((_id, index) => {
      const error = results[index]?.error;
      return error instanceof ApiRequestError && error.status === 404;
    })
    .join(",");

  // Forget uploads the server no longer has (deleted, or from another database).
  useEffect(() => {
    if (goneKey === "") return;
    const gone = new Set(goneKey.split(","));
    setIds((current) => {
      const kept = current.filter((id) => !gone.has(id));
      writeAnonymousDocumentIds(kept);
      return kept;
    });
  }, [goneKey]);

  function save(next: string[]) {
    setIds(next);
    writeAnonymousDocumentIds(next);
  }

  return {
    isLoaded,
    documents: results.map((result) => result.data).filter((data): data is NonNullable<typeof data> => data !== undefined) as DocumentSummary[],
    add: (id: string) => save([id, ...ids.filter((existing) => existing !== id)]),
    remove: (id: string) => save(ids.filter((existing) => existing !== id)),
  };
}

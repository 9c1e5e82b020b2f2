"use client";

import { useQueries, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import {
  documentListQuery,
  documentQuery,
  readAnonymousDocumentIds,
  writeAnonymousDocumentIds,
  type DocumentSummary,
} from "@/lib/api-client/documents";
import { describeDocument, DocumentStatus } from "@/components/documents/document-status";
import { UploadDropZone } from "@/components/documents/upload-drop-zone";
import { field, label } from "@/components/ui/styles";

export type MaterialMode = "paste" | "upload" | "document";

export interface MaterialState {
  mode: MaterialMode;
  text: string;
  documentId: string | null;
  query: string;
}

const MODES: { value: MaterialMode; title: string; hint: string }[] = [
  { value: "paste", title: "Paste text", hint: "A chapter, notes or an article" },
  { value: "upload", title: "Upload a file", hint: "PDF, Word, text or Markdown" },
  { value: "document", title: "Use a document", hint: "One you uploaded before" },
];

/** Step 1: where the questions come from — pasted text, a new upload, or a document read before. */
export function MaterialStep({
  material,
  onChange,
  isSignedIn,
}: {
  material: MaterialState;
  onChange: (material: MaterialState) => void;
  isSignedIn: boolean;
}) {
  const words = material.text.trim() ? material.text.trim().split(/\s+/).length : 0;
  return (
    <div className="space-y-4">
      <fieldset>
        <legend className="sr-only">Where is the material?</legend>
        <div className="grid grid-cols-1 gap-2 sm:grid-cols-3">
          {MODES.map((mode) => (
            <label
              key={mode.value}
              className="flex cursor-pointer items-start gap-3 rounded-xl border border-slate-300 bg-white p-3 has-checked:border-indigo-600 has-checked:bg-indigo-50 has-checked:ring-1 has-checked:ring-indigo-600 has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-indigo-600 dark:border-slate-700 dark:bg-slate-900 dark:has-checked:border-indigo-400 dark:has-checked:bg-indigo-950/60 dark:has-checked:ring-indigo-400"
            >
              <input
                type="radio"
                name="material-mode"
                value={mode.value}
                checked={material.mode === mode.value}
                onChange={() => onChange({ ...material, mode: mode.value })}
                className="mt-1 h-4 w-4 accent-indigo-600"
              />
              <span>
                <span className="block font-semibold">{mode.title}</span>
                <span className="block text-xs text-slate-600 dark:text-slate-400">{mode.hint}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      {material.mode === "paste" && (
        <div>
          <label htmlFor="material" className={label}>
            Teaching material
          </label>
          <textarea
            id="material"
            value={material.text}
            onChange={(event) => onChange({ ...material, text: event.target.value })}
            rows={10}
            aria-describedby="material-count"
            className={`${field} min-h-48 font-mono text-sm leading-relaxed`}
            placeholder="Paste a chapter, lecture notes or an article…"
          />
          <p id="material-count" className="mt-1 text-xs text-slate-600 tabular-nums dark:text-slate-400">
            {words.toLocaleString("en-US")} word{words === 1 ? "" : "s"}
          </p>
        </div>
      )}

      {material.mode === "upload" && (
        <div className="space-y-3">
          <UploadDropZone
            onUploaded={(upload) => {
              // Without an account, this browser's list is the only record of the upload (as on /documents).
              if (!isSignedIn) writeAnonymousDocumentIds([upload.document_id, ...readAnonymousDocumentIds().filter((id) => id !== upload.document_id)]);
              onChange({ ...material, documentId: upload.document_id });
            }}
          />
          {material.documentId && <ChosenDocument documentId={material.documentId} />}
        </div>
      )}

      {material.mode === "document" && (
        <DocumentPicker isSignedIn={isSignedIn} selectedId={material.documentId} onSelect={(documentId) => onChange({ ...material, documentId })} />
      )}

      {material.mode !== "paste" && (
        <div>
          <label htmlFor="material-query" className={label}>
            Focus on <span className="font-normal text-slate-600 dark:text-slate-400">(optional: a chapter, topic or section)</span>
          </label>
          <input
            id="material-query"
            value={material.query}
            onChange={(event) => onChange({ ...material, query: event.target.value })}
            maxLength={1000}
            className={field}
            placeholder="E.g. the light-dependent reactions"
          />
        </div>
      )}
    </div>
  );
}

/** The uploaded file being read, polled until it is ready or failed. */
function ChosenDocument({ documentId }: { documentId: string }) {
  const { data, error } = useQuery(documentQuery(documentId));
  if (error) return <p role="alert" className="text-sm text-red-800 dark:text-red-300">Could not check the file: {error.message}</p>;
  if (!data) return <p className="h-12 text-sm text-slate-600 dark:text-slate-400">Checking the file…</p>;
  return (
    <div className="flex min-h-12 flex-wrap items-center gap-3 rounded-xl border border-slate-200 bg-white px-3 py-2 dark:border-slate-700 dark:bg-slate-900" data-testid="chosen-document">
      <span className="min-w-0 flex-1 truncate font-medium">{data.file_name}</span>
      <span className="text-sm text-slate-600 dark:text-slate-400">{describeDocument(data)}</span>
      <DocumentStatus document={data} />
    </div>
  );
}

/** The teacher's documents (or, without an account, those uploaded in this browser); only read ones can be chosen. */
function DocumentPicker({ isSignedIn, selectedId, onSelect }: { isSignedIn: boolean; selectedId: string | null; onSelect: (id: string) => void }) {
  const queryClient = useQueryClient();
  const owned = useQuery({ ...documentListQuery(), enabled: isSignedIn });
  const [anonymousIds, setAnonymousIds] = useState<string[] | null>(null);
  // localStorage exists only in the browser, after hydration.
  useEffect(() => {
    if (!isSignedIn) setAnonymousIds(readAnonymousDocumentIds());
  }, [isSignedIn]);
  const anonymous = useQueries({ queries: (anonymousIds ?? []).map((id) => ({ ...documentQuery(id), retry: false })) });

  const documents: DocumentSummary[] = isSignedIn
    ? (owned.data ?? [])
    : anonymous.map((result) => result.data).filter((data): data is NonNullable<typeof data> => data !== undefined);
  const isLoading = isSignedIn ? owned.isPending : anonymousIds === null || anonymous.some((result) => result.isPending);

  if (owned.error) {
    return (
      <p role="alert" className="text-sm text-red-800 dark:text-red-300">
        Could not load your documents: {owned.error.message}{" "}
        <button type="button" className="underline" onClick={() => void queryClient.invalidateQueries({ queryKey: ["documents"] })}>
          Try again
        </button>
      </p>
    );
  }
  if (isLoading) return <p className="text-sm text-slate-600 dark:text-slate-400">Loading your documents…</p>;
  if (documents.length === 0) {
    return (
      <p className="rounded-xl border-2 border-dashed border-slate-300 p-4 text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">
        No documents yet{isSignedIn ? "" : " in this browser"}. Choose “Upload a file” to add one.
      </p>
    );
  }
  return (
    <fieldset>
      <legend className={label}>Your documents</legend>
      <ul className="mt-2 max-h-72 space-y-2 overflow-y-auto p-0.5">
        {documents.map((document) => {
          const isReady = document.status === "ready";
          return (
            <li key={document.id}>
              <label
                className={`flex items-center gap-3 rounded-xl border border-slate-300 bg-white px-3 py-2 has-checked:border-indigo-600 has-checked:ring-1 has-checked:ring-indigo-600 dark:border-slate-700 dark:bg-slate-900 dark:has-checked:border-indigo-400 ${isReady ? "cursor-pointer" : "opacity-70"}`}
              >
                <input
                  type="radio"
                  name="material-document"
                  value={document.id}
                  checked={selectedId === document.id}
                  disabled={!isReady}
                  onChange={() => onSelect(document.id)}
                  className="h-4 w-4 accent-indigo-600"
                />
                <span className="min-w-0 flex-1">
                  <span className="block truncate font-medium">{document.file_name}</span>
                  <span className="block text-xs text-slate-600 dark:text-slate-400">{describeDocument(document)}</span>
                </span>
                {!isReady && <DocumentStatus document={document} />}
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

/** Why the chosen material cannot be generated from yet, or null when it can. */
export function useMaterialProblem(material: MaterialState): string | null {
  const chosen = useQuery({ ...documentQuery(material.documentId ?? ""), enabled: material.mode !== "paste" && material.documentId !== null });
  if (material.mode === "paste") return material.text.trim() ? null : "Paste some teaching material first.";
  if (!material.documentId) return material.mode === "upload" ? "Upload a file first." : "Choose a document first.";
  if (!chosen.data) return chosen.error ? "That document could not be found; choose another." : "Checking the document…";
  if (chosen.data.status === "failed") return "That file could not be read; try another.";
  if (chosen.data.status !== "ready") return "Waiting for the file to be read…";
  return null;
}

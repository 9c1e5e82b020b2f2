"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { deleteDocument, documentQuery, renameDocument, type DocumentSummary } from "@/lib/api-client/documents";
import { DocumentPreview } from "./document-preview";
import { describeDocument, DocumentStatus } from "./document-status";
import { GenerateFromDocument } from "./generate-from-document";

const buttonClasses =
  "rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 disabled:opacity-50 dark:border-slate-700 dark:hover:bg-slate-800";

/** One document: its status, size and pages; opened, the text read from it and a way to generate from it. */
export function DocumentItem({
  document,
  isOpen,
  onToggle,
  onDeleted,
}: {
  document: DocumentSummary;
  isOpen: boolean;
  onToggle: () => void;
  onDeleted: (id: string) => void;
}) {
  const id = useId();
  const queryClient = useQueryClient();
  const [isRenaming, setIsRenaming] = useState(false);
  const [name, setName] = useState(document.file_name);

  const rename = useMutation({
    mutationFn: () => renameDocument(document.id, name),
    onSuccess: async () => {
      setIsRenaming(false);
      await queryClient.invalidateQueries({ queryKey: ["documents"] });
    },
  });
  const remove = useMutation({
    mutationFn: () => deleteDocument(document.id),
    onSuccess: async () => {
      onDeleted(document.id);
      queryClient.removeQueries({ queryKey: ["documents", document.id] });
      await queryClient.invalidateQueries({ queryKey: ["documents"], exact: true });
    },
  });

  function onRename(event: FormEvent) {
    event.preventDefault();
    if (name.trim() !== "") rename.mutate();
  }

  return (
    <li className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900" data-testid="document-item">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 space-y-1">
          {isRenaming ? (
            <form onSubmit={onRename} className="flex flex-wrap items-center gap-2">
              <label htmlFor={`${id}-name`} className="sr-only">
                New name for {document.file_name}
              </label>
              <input
                id={`${id}-name`}
                value={name}
                onChange={(event) => setName(event.target.value)}
                maxLength={200}
                autoFocus
                className="rounded-md border border-slate-300 bg-transparent px-2 py-1 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 dark:border-slate-700"
              />
              <button type="submit" className={buttonClasses} disabled={rename.isPending}>
                Save name
              </button>
              <button type="button" className={buttonClasses} onClick={() => setIsRenaming(false)}>
                Cancel
              </button>
            </form>
          ) : (
            <h3 className="truncate font-semibold">{document.file_name}</h3>
          )}
          <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="document-facts">
            {describeDocument(document)}
          </p>
          <DocumentStatus document={document} />
          {(rename.error ?? remove.error) && (
            <p role="alert" className="text-sm text-red-800 dark:text-red-300">
              {(rename.error ?? remove.error)!.message}
            </p>
          )}
        </div>
        <div className="flex flex-wrap gap-2">
          <button type="button" className={buttonClasses} onClick={onToggle} aria-expanded={isOpen} aria-controls={`${id}-details`}>
            {isOpen ? "Close" : "Open"}
            <span className="sr-only"> {document.file_name}</span>
          </button>
          {!isRenaming && (
            <button
              type="button"
              className={buttonClasses}
              onClick={() => {
                setName(document.file_name);
                setIsRenaming(true);
              }}
            >
              Rename<span className="sr-only"> {document.file_name}</span>
            </button>
          )}
          <button
            type="button"
            className={`${buttonClasses} text-red-800 dark:text-red-300`}
            disabled={remove.isPending}
            onClick={() => {
              if (window.confirm(`Delete ${document.file_name}? Quizzes already made from it are kept.`)) remove.mutate();
            }}
          >
            Delete<span className="sr-only"> {document.file_name}</span>
          </button>
        </div>
      </div>
      {isOpen && (
        <div id={`${id}-details`} className="mt-4 space-y-6 border-t border-slate-200 pt-4 dark:border-slate-800">
          <DocumentDetails documentId={document.id} />
        </div>
      )}
    </li>
  );
}

function DocumentDetails({ documentId }: { documentId: string }) {
  const { data, error } = useQuery(documentQuery(documentId));
  if (error) {
    return (
      <p role="alert" className="text-sm text-red-800 dark:text-red-300">
        Could not open this document: {error.message}
      </p>
    );
  }
  if (!data) return <p className="text-sm text-slate-600 dark:text-slate-400">Opening…</p>;
  if (data.status === "queued" || data.status === "indexing") {
    return (
      <p role="status" className="text-sm text-slate-700 dark:text-slate-300">
        The text appears here once the file has been read.
      </p>
    );
  }
  return (
    <>
      <DocumentPreview document={data} />
      {data.status === "ready" && <GenerateFromDocument documentId={data.id} fileName={data.file_name} />}
    </>
  );
}

"use client";

import { useId, useState, type DragEvent } from "react";
import { useIsHydrated } from "@/components/ui/disabled-until-hydrated";
import { uploadDocument, type QueuedUpload } from "@/lib/api-client/documents";

interface UploadRow {
  key: string;
  name: string;
  progress: number;
  error: string | null;
}

const ACCEPT = ".pdf,.docx,.txt,.md,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain,text/markdown";

/**
 * Drop files here, or choose them with the keyboard-reachable file button. Each file is uploaded
 * on its own with a progress bar; `onUploaded` hears of each one the server accepted.
 */
export function UploadDropZone({ onUploaded }: { onUploaded: (upload: QueuedUpload) => void }) {
  const inputId = useId();
  const hintId = useId();
  const [isDragging, setIsDragging] = useState(false);
  const [rows, setRows] = useState<UploadRow[]>([]);
  // A file chosen before React has attached onChange would never be uploaded.
  const isHydrated = useIsHydrated();

  function update(key: string, change: Partial<UploadRow>) {
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...change } : row)));
  }

  function start(files: FileList | File[]) {
    for (const file of Array.from(files)) {
      const key = `${file.name}-${file.size}-${Date.now()}-${Math.random()}`;
      setRows((current) => [...current, { key, name: file.name, progress: 0, error: null }]);
      uploadDocument(file, (progress) => update(key, { progress })).done.then(
        (upload) => {
          setRows((current) => current.filter((row) => row.key !== key));
          onUploaded(upload);
        },
        (error: Error) => update(key, { error: error.message }),
      );
    }
  }

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setIsDragging(false);
    if (event.dataTransfer.files.length > 0) start(event.dataTransfer.files);
  }

  return (
    <section aria-labelledby={`${inputId}-heading`}>
      <h2 id={`${inputId}-heading`} className="sr-only">
        Upload documents
      </h2>
      <div
        onDragOver={(event) => {
          event.preventDefault();
          setIsDragging(true);
        }}
        onDragLeave={() => setIsDragging(false)}
        onDrop={onDrop}
        data-testid="drop-zone"
        className={`flex flex-col items-center gap-3 rounded-2xl border-2 border-dashed p-8 text-center transition focus-within:ring-2 focus-within:ring-indigo-500 ${
          isDragging
            ? "border-indigo-500 bg-indigo-50 dark:bg-indigo-950"
            : "border-slate-300 bg-white dark:border-slate-700 dark:bg-slate-900"
        }`}
      >
        <p className="font-medium">{isDragging ? "Drop to upload" : "Drag a PDF, Word document or text file here"}</p>
        <label
          htmlFor={inputId}
          className={`rounded-lg bg-indigo-600 px-4 py-2 font-semibold text-white hover:bg-indigo-500 ${isHydrated ? "cursor-pointer" : "cursor-wait opacity-50"}`}
        >
          Choose files
        </label>
        <input
          id={inputId}
          type="file"
          multiple
          accept={ACCEPT}
          disabled={!isHydrated}
          aria-describedby={hintId}
          className="sr-only"
          onChange={(event) => {
            if (event.target.files) start(event.target.files);
            // The same file may be chosen again after a failure.
            event.target.value = "";
          }}
        />
        <p id={hintId} className="text-sm text-slate-600 dark:text-slate-400">
          PDF, .docx, .txt or .md, up to 20 MB each.
        </p>
      </div>
      {rows.length > 0 && (
        <ul className="mt-4 space-y-3" aria-label="Uploads in progress">
          {rows.map((row) => (
            <li key={row.key} className="rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900">
              <div className="flex items-center justify-between gap-3 text-sm">
                <span className="truncate font-medium">{row.name}</span>
                {row.error ? (
                  <button
                    type="button"
                    onClick={() => setRows((current) => current.filter((candidate) => candidate.key !== row.key))}
                    className="rounded px-2 py-1 text-slate-700 hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 dark:text-slate-300 dark:hover:bg-slate-800"
                  >
                    Dismiss
                  </button>
                ) : (
                  <span aria-hidden="true">{Math.round(row.progress * 100)}%</span>
                )}
              </div>
              {row.error ? (
                <p role="alert" className="mt-1 text-sm text-red-800 dark:text-red-300">
                  {row.error}
                </p>
              ) : (
                <div
                  role="progressbar"
                  aria-label={`Uploading ${row.name}`}
                  aria-valuemin={0}
                  aria-valuemax={100}
                  aria-valuenow={Math.round(row.progress * 100)}
                  className="mt-2 h-2 overflow-hidden rounded bg-slate-200 dark:bg-slate-800"
                >
                  <div className="h-full bg-indigo-500 transition-all" style={{ width: `${Math.round(row.progress * 100)}%` }} />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useId, useState, type FormEvent } from "react";
import { importAssessment } from "@/lib/api-client/assessments";
import { ApiRequestError } from "@/lib/api-client/fetch-json";
import { Dialog } from "@/components/ui/dialog";
import { Notice } from "@/components/ui/notice";
import { button, field, label } from "@/components/ui/styles";

/** Import a GIFT, Aiken or Bloomery JSON file as a new assessment; problems are listed with their lines. */
export function ImportDialog({ isOpen, onClose }: { isOpen: boolean; onClose: () => void }) {
  const id = useId();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState("");
  const upload = useMutation({
    mutationFn: () => importAssessment(file!, title.trim() || undefined),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["assessments"] }),
  });
  const issues = upload.error instanceof ApiRequestError ? upload.error.issues : [];

  function close() {
    upload.reset();
    setFile(null);
    setTitle("");
    onClose();
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (file) upload.mutate();
  }

  return (
    <Dialog isOpen={isOpen} onClose={close} title="Import an assessment">
      {upload.data ? (
        <div className="space-y-3">
          <Notice tone="success" title={`Imported “${upload.data.title}”`}>
            {upload.data.questions} question{upload.data.questions === 1 ? "" : "s"} from a {upload.data.format.toUpperCase()} file.
          </Notice>
          {upload.data.warnings.length > 0 && (
            <Notice tone="warning" title="Filled in where the file was silent">
              <ul className="list-disc pl-5">
                {upload.data.warnings.map((warning, index) => (
                  <li key={index}>{warning.message}</li>
                ))}
              </ul>
            </Notice>
          )}
          <div className="flex justify-end gap-2">
            <button type="button" className={button.secondary} onClick={close}>
              Close
            </button>
            <Link href={`/library/${upload.data.id}`} className={button.primary}>
              Open it
            </Link>
          </div>
        </div>
      ) : (
        <form onSubmit={onSubmit} className="space-y-4">
          <p className="text-sm text-slate-600 dark:text-slate-400">Moodle GIFT (.gift, .txt), Aiken (.txt) or a Bloomery JSON export, up to 2 MB.</p>
          <div>
            <label htmlFor={`${id}-file`} className={label}>
              File
            </label>
            <input
              id={`${id}-file`}
              type="file"
              accept=".gift,.txt,.json,text/plain,application/json"
              onChange={(event) => {
                upload.reset();
                setFile(event.target.files?.[0] ?? null);
              }}
              className={`${field} file:mr-3 file:rounded-md file:border-0 file:bg-indigo-600 file:px-3 file:py-1 file:font-semibold file:text-white`}
            />
          </div>
          <div>
            <label htmlFor={`${id}-title`} className={label}>
              Title <span className="font-normal text-slate-600 dark:text-slate-400">(optional: else the file&apos;s own)</span>
            </label>
            <input id={`${id}-title`} value={title} onChange={(event) => setTitle(event.target.value)} maxLength={200} className={field} />
          </div>
          {upload.error && (
            <Notice tone="error" title={issues.length > 0 ? "This file cannot be imported" : "Import failed"}>
              {issues.length > 0 ? (
                <ul className="list-disc pl-5" data-testid="import-issues">
                  {issues.map((issue, index) => (
                    <li key={index}>
                      {issue.path ? <span className="font-semibold">{issue.path}: </span> : null}
                      {issue.message}
                    </li>
                  ))}
                </ul>
              ) : (
                upload.error.message
              )}
            </Notice>
          )}
          <div className="flex justify-end gap-2">
            <button type="button" className={button.secondary} onClick={close}>
              Cancel
            </button>
            <button type="submit" className={button.primary} disabled={!file || upload.isPending}>
              {upload.isPending ? "Importing…" : "Import"}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}

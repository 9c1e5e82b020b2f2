import type { DocumentSummary } from "@/lib/api-client/documents";

const LABELS: Record<DocumentSummary["status"], string> = {
  queued: "Waiting to be read",
  indexing: "Reading…",
  ready: "Ready",
  failed: "Could not be read",
};

const TONES: Record<DocumentSummary["status"], string> = {
  queued: "bg-slate-100 text-slate-800 dark:bg-slate-800 dark:text-slate-200",
  indexing: "bg-indigo-100 text-indigo-900 dark:bg-indigo-950 dark:text-indigo-100",
  ready: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100",
  failed: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-100",
};

/** The indexing status in words (never colour alone), and for a failure the sentence saying why. */
export function DocumentStatus({ document }: { document: Pick<DocumentSummary, "status" | "error"> }) {
  return (
    <span className="inline-flex flex-col gap-1">
      <span className={`w-fit rounded-full px-2 py-0.5 text-xs font-semibold ${TONES[document.status]}`} data-testid="document-status">
        {LABELS[document.status]}
      </span>
      {document.status === "failed" && document.error && (
        <span role="alert" className="text-sm text-red-800 dark:text-red-300" data-testid="document-error">
          {document.error}
        </span>
      )}
    </span>
  );
}

/** "3 pages · 5 passages · 120 KB", leaving out what is not known yet. */
export function describeDocument(document: Pick<DocumentSummary, "page_count" | "chunk_count" | "byte_size" | "status">): string {
  const parts: string[] = [];
  if (document.page_count !== null) parts.push(`${document.page_count} page${document.page_count === 1 ? "" : "s"}`);
  if (document.status === "ready") parts.push(`${document.chunk_count} passage${document.chunk_count === 1 ? "" : "s"}`);
  parts.push(formatSize(document.byte_size));
  return parts.join(" · ");
}

function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

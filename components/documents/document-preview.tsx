import type { DocumentDetail } from "@/lib/api-client/documents";

/** What the machine read, page by page, so a teacher can see whether it read the file right. */
export function DocumentPreview({ document }: { document: DocumentDetail }) {
  if (document.preview.length === 0) return null;
  return (
    <section aria-label={`Text read from ${document.file_name}`} className="space-y-3" data-testid="document-preview">
      <h3 className="text-sm font-semibold">What was read</h3>
      <div className="max-h-80 space-y-4 overflow-y-auto rounded-lg border border-slate-200 bg-slate-50 p-4 text-sm dark:border-slate-800 dark:bg-slate-950" tabIndex={0}>
        {document.preview.map((section, index) => (
          <div key={index}>
            <p className="text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">
              {[section.page !== null ? `Page ${section.page}` : null, section.heading].filter(Boolean).join(" · ")}
            </p>
            <p className="mt-1 whitespace-pre-line">{section.text}</p>
          </div>
        ))}
      </div>
    </section>
  );
}

"use client";

import { useState } from "react";
import { exportUrl, fetchExportProblems, type ExportProblem } from "@/lib/api-client/assessments";
import { Dialog } from "@/components/ui/dialog";
import { Notice } from "@/components/ui/notice";
import { button } from "@/components/ui/styles";

interface Format {
  id: string;
  name: string;
  detail: string;
  isPrintable?: boolean;
}

const GROUPS: { title: string; formats: Format[] }[] = [
  {
    title: "To print or hand out",
    formats: [
      { id: "docx", name: "Word — question paper", detail: ".docx", isPrintable: true },
      { id: "docx-key", name: "Word — answer key", detail: ".docx", isPrintable: true },
      { id: "pdf", name: "PDF — question paper", detail: ".pdf", isPrintable: true },
      { id: "pdf-key", name: "PDF — answer key", detail: ".pdf", isPrintable: true },
    ],
  },
  {
    title: "For a learning platform",
    formats: [
      { id: "moodle-xml", name: "Moodle XML", detail: ".xml" },
      { id: "gift", name: "GIFT (Moodle)", detail: ".gift" },
      { id: "aiken", name: "Aiken", detail: ".txt" },
      { id: "qti21", name: "QTI 2.1 (Canvas, Blackboard…)", detail: ".zip" },
      { id: "qti12", name: "QTI 1.2", detail: ".zip" },
    ],
  },
  {
    title: "As data",
    formats: [
      { id: "csv", name: "Spreadsheet (CSV)", detail: ".csv" },
      { id: "json", name: "Bloomery JSON (re-importable)", detail: ".json" },
    ],
  },
];

function download(url: string) {
  const anchor = document.createElement("a");
  anchor.href = url;
  anchor.download = "";
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
}

/**
 * Every export format. Before a download, the server is asked what the format would drop or change;
 * if anything, the list is shown first and the teacher decides whether to download anyway.
 */
export function ExportDialog({ assessmentId, isOpen, onClose }: { assessmentId: number; isOpen: boolean; onClose: () => void }) {
  const [paper, setPaper] = useState<"a4" | "letter">("a4");
  const [includeBloom, setIncludeBloom] = useState(true);
  const [checking, setChecking] = useState<string | null>(null);
  const [pending, setPending] = useState<{ format: Format; url: string; filename: string; problems: ExportProblem[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [downloaded, setDownloaded] = useState<string | null>(null);

  async function choose(format: Format) {
    setError(null);
    setDownloaded(null);
    const url = exportUrl(assessmentId, format.id, format.isPrintable ? { paper, includeBloom } : {});
    setChecking(format.id);
    try {
      const { filename, problems } = await fetchExportProblems(url);
      if (problems.length === 0) {
        download(url);
        setDownloaded(filename);
      } else {
        setPending({ format, url, filename, problems });
      }
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setChecking(null);
    }
  }

  function close() {
    setPending(null);
    setError(null);
    setDownloaded(null);
    onClose();
  }

  return (
    <Dialog isOpen={isOpen} onClose={close} title={pending ? `Before you download ${pending.format.name}` : "Export"} size="lg">
      {pending ? (
        <div className="space-y-4" data-testid="export-problems">
          <Notice tone="warning" title={`${pending.format.name} cannot carry everything in this assessment`}>
            <ul className="list-disc space-y-1 pl-5">
              {pending.problems.map((problem, index) => (
                <li key={index}>
                  {problem.question !== undefined && <span className="font-semibold">Question {problem.question}: </span>}
                  {problem.message}
                </li>
              ))}
            </ul>
          </Notice>
          <div className="flex flex-wrap justify-end gap-2">
            <button type="button" className={button.secondary} onClick={() => setPending(null)}>
              Choose another format
            </button>
            <button
              type="button"
              className={button.primary}
              onClick={() => {
                download(pending.url);
                setDownloaded(pending.filename);
                setPending(null);
              }}
            >
              Download anyway
            </button>
          </div>
        </div>
      ) : (
        <div className="space-y-5">
          <div className="flex flex-wrap gap-x-6 gap-y-3 rounded-xl bg-slate-50 p-3 text-sm dark:bg-slate-800/60">
            <fieldset className="flex flex-wrap items-center gap-3">
              <legend className="sr-only">Paper size for Word and PDF</legend>
              <span className="font-semibold" aria-hidden="true">
                Paper:
              </span>
              {(["a4", "letter"] as const).map((size) => (
                <label key={size} className="flex items-center gap-1.5">
                  <input type="radio" name="export-paper" checked={paper === size} onChange={() => setPaper(size)} className="accent-indigo-600" />
                  {size === "a4" ? "A4" : "US Letter"}
                </label>
              ))}
            </fieldset>
            <label className="flex items-center gap-1.5">
              <input type="checkbox" checked={includeBloom} onChange={(event) => setIncludeBloom(event.target.checked)} className="accent-indigo-600" />
              Show Bloom levels on Word and PDF
            </label>
          </div>
          {GROUPS.map((group) => (
            <section key={group.title} aria-label={group.title}>
              <h3 className="mb-2 text-sm font-semibold text-slate-700 dark:text-slate-300">{group.title}</h3>
              <ul className="grid grid-cols-1 gap-2 sm:grid-cols-2">
                {group.formats.map((format) => (
                  <li key={format.id}>
                    <button
                      type="button"
                      onClick={() => void choose(format)}
                      disabled={checking !== null}
                      className="flex w-full items-center justify-between gap-3 rounded-xl border border-slate-300 bg-white px-3 py-2 text-left text-sm hover:border-indigo-500 hover:bg-indigo-50 disabled:opacity-60 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-indigo-950/50"
                    >
                      <span className="font-medium">{format.name}</span>
                      <span className="text-xs text-slate-600 dark:text-slate-400">{checking === format.id ? "Checking…" : format.detail}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          ))}
          {downloaded && <Notice tone="success">Downloading {downloaded}.</Notice>}
          {error && <Notice tone="error">{error}</Notice>}
        </div>
      )}
    </Dialog>
  );
}

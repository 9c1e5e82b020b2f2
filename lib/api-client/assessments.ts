import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { AssessmentSort } from "@/lib/assessments/assessment-schemas";
import type { AssessmentPage } from "@/lib/assessments/list-assessments";
import type { Mcq } from "@/lib/generation/mcq";
import { ApiRequestError, fetchJson } from "./fetch-json";

export type { AssessmentPage, AssessmentSort };

export type SavedMcq = Mcq & { id: string };
export type McqDraft = Omit<Mcq, "id" | "source" | "lint" | "generator">;

export function saveJobAsAssessment(input: { job_id: string; title?: string; mcqs?: Mcq[] }) {
  return fetchJson<{ status: "saved"; id: number; title: string; question_count: number; created: boolean }>("/api/assessments", {
    method: "POST",
    body: input,
  });
}

export function renameAssessment(id: number, title: string) {
  return fetchJson<{ id: number; title: string }>(`/api/assessments/${id}`, { method: "PATCH", body: { title } });
}

export function deleteAssessment(id: number) {
  return fetchJson<void>(`/api/assessments/${id}`, { method: "DELETE" });
}

export function addQuestion(id: number, question: McqDraft, position?: number) {
  return fetchJson<SavedMcq>(`/api/assessments/${id}/questions`, { method: "POST", body: { question, position } });
}

export function updateQuestion(id: number, questionId: string, patch: Partial<McqDraft>) {
  return fetchJson<SavedMcq>(`/api/assessments/${id}/questions/${questionId}`, { method: "PATCH", body: patch });
}

export function deleteQuestion(id: number, questionId: string) {
  return fetchJson<void>(`/api/assessments/${id}/questions/${questionId}`, { method: "DELETE" });
}

export function reorderQuestions(id: number, questionIds: string[]) {
  return fetchJson<{ question_ids: string[] }>(`/api/assessments/${id}/questions/order`, { method: "PUT", body: { question_ids: questionIds } });
}

/** Replaces a whole question (a regenerated one, with its own source quote), keeping its id and place. */
export function replaceQuestion(id: number, questionId: string, question: Mcq) {
  return fetchJson<SavedMcq>(`/api/assessments/${id}/questions/${questionId}`, { method: "PUT", body: { question } });
}

export function duplicateAssessment(id: number) {
  return fetchJson<{ id: number; title: string; question_count: number }>(`/api/assessments/${id}/duplicate`, { method: "POST" });
}

export interface LibraryQuery {
  q: string;
  sort: AssessmentSort;
  page: number;
}

/** One page of the library; the previous page stays on screen while the next loads, so nothing jumps. */
export function assessmentListQuery(query: LibraryQuery) {
  const params = new URLSearchParams({ page: String(query.page), page_size: "12", sort: query.sort, ...(query.q ? { q: query.q } : {}) });
  return queryOptions({
    queryKey: ["assessments", query],
    queryFn: () => fetchJson<AssessmentPage>(`/api/assessments?${params}`),
    placeholderData: keepPreviousData,
  });
}

export interface ExportProblem {
  question?: number;
  code: string;
  message: string;
}

export function exportUrl(id: number, format: string, options: { paper?: "a4" | "letter"; includeBloom?: boolean } = {}): string {
  const params = new URLSearchParams({ format });
  if (options.paper) params.set("paper", options.paper);
  if (options.includeBloom !== undefined) params.set("include_bloom", String(options.includeBloom));
  return `/api/assessments/${id}/export?${params}`;
}

/** What a format would drop or change, asked before downloading so the teacher can decide. */
export function fetchExportProblems(url: string) {
  return fetchJson<{ filename: string; problems: ExportProblem[] }>(`${url}&problems=only`);
}

export interface ImportedAssessment {
  id: number;
  title: string;
  format: string;
  questions: number;
  warnings: { line?: number; message: string }[];
}

/** Uploads a GIFT, Aiken or Bloomery JSON file; a 422 carries line-numbered issues. */
export async function importAssessment(file: File, title?: string): Promise<ImportedAssessment> {
  const form = new FormData();
  form.append("file", file, file.name);
  if (title) form.append("title", title);
  const response = await fetch("/api/assessments/import", { method: "POST", body: form, cache: "no-store" });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    // Each issue's path names its line ("line 12"), which the dialog lists.
    throw new ApiRequestError(
      body?.error?.message ?? body?.detail ?? `Import failed (${response.status})`,
      response.status,
      Array.isArray(body?.error?.issues) ? body.error.issues : [],
    );
  }
  return body as ImportedAssessment;
}

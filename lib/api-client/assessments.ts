import type { Mcq } from "@/lib/generation/mcq";
import { fetchJson } from "./fetch-json";

export type SavedMcq = Mcq & { id: string };
export type McqDraft = Omit<Mcq, "id" | "source" | "lint" | "generator">;

export function saveJobAsAssessment(input: { job_id: string; title?: string }) {
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

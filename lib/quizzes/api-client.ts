// The browser's side of the quiz API: query keys and fetchers, defined once for the pages to share.
import { queryOptions } from "@tanstack/react-query";
import { ApiRequestError, fetchJson } from "@/lib/api-client/fetch-json";
import type { AttemptView } from "./attempt-view";
import type { QuizSettingsView, QuizShareView } from "./get-quiz-share";
import type { PublicQuizView } from "./get-public-quiz";
import type { SavedAnswer } from "./save-answer";

export type { AttemptView, PublicQuizView, QuizSettingsView, QuizShareView, SavedAnswer };
export type StartedAttemptView = AttemptView & { taker_key: string; resumed: boolean };
export type PublishedQuizView = QuizShareView & { outcome: "created" | "new_version" | "reopened" };

/** Settings as the share form sends them: every field optional, dates as ISO strings or null. */
export type QuizSettingsChange = Partial<QuizSettingsView>;

const enc = encodeURIComponent;

/** The owner's shared quiz for an assessment, or null before it is first published. */
export function quizShareQuery(assessmentId: number) {
  return queryOptions({
    queryKey: ["quiz-share", assessmentId],
    queryFn: () =>
      fetchJson<QuizShareView>(`/api/assessments/${assessmentId}/quiz`).catch((error) => {
        if (error instanceof ApiRequestError && error.status === 404 && /not been shared/.test(error.message)) return null;
        throw error;
      }),
  });
}

export function publishQuiz(assessmentId: number, settings: QuizSettingsChange) {
  return fetchJson<PublishedQuizView>(`/api/assessments/${assessmentId}/quiz`, { method: "POST", body: settings });
}

export function updateQuizSettings(assessmentId: number, settings: QuizSettingsChange) {
  return fetchJson<QuizShareView>(`/api/assessments/${assessmentId}/quiz`, { method: "PATCH", body: settings });
}

export function unpublishQuiz(assessmentId: number) {
  return fetchJson<QuizShareView>(`/api/assessments/${assessmentId}/quiz`, { method: "DELETE" });
}

export function fetchPublicQuiz(key: string) {
  return fetchJson<PublicQuizView>(`/api/quizzes/${enc(key)}`);
}

export function startAttempt(key: string, body: { name: string; taker_key: string }) {
  return fetchJson<StartedAttemptView>(`/api/quizzes/${enc(key)}/attempts`, { method: "POST", body });
}

export function fetchAttempt(key: string, attemptToken: string) {
  return fetchJson<AttemptView>(`/api/quizzes/${enc(key)}/attempts/${enc(attemptToken)}`);
}

export function saveAnswer(key: string, attemptToken: string, questionId: string, option: number) {
  return fetchJson<SavedAnswer>(`/api/quizzes/${enc(key)}/attempts/${enc(attemptToken)}/answers/${enc(questionId)}`, {
    method: "PUT",
    body: { option },
  });
}

export function submitAttempt(key: string, attemptToken: string, answers: Record<string, number>) {
  return fetchJson<AttemptView>(`/api/quizzes/${enc(key)}/attempts/${enc(attemptToken)}/submit`, { method: "POST", body: { answers } });
}

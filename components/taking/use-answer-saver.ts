"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { ApiRequestError } from "@/lib/api-client/fetch-json";
import { saveAnswer } from "@/lib/quizzes/api-client";
import { readPendingAnswers, writePendingAnswers } from "./taker-storage";

/** idle: nothing to send; saving: a request is out; saved: all answers are on the server; offline: some wait here for the connection. */
export type SaveStatus = "idle" | "saving" | "saved" | "offline";

// While answers wait for the connection, try again this often (and at once when the browser says it is back online).
const RETRY_MS = 4_000;

/**
 * Keeps a taker's answers: each choice is shown at once, written to this browser's storage, and
 * sent to the server; what could not be sent is sent again until it is. A conflict (the quiz
 * closed, the attempt was submitted elsewhere) is handed to the caller.
 */
export function useAnswerSaver({
  quizToken,
  attemptToken,
  savedAnswers,
  onConflict,
}: {
  quizToken: string;
  attemptToken: string;
  /** Answers the server already has (question id → option as shown). */
  savedAnswers: Record<string, number>;
  onConflict: (message: string) => void;
}) {
  const [answers, setAnswers] = useState<Record<string, number>>(() => ({ ...savedAnswers, ...readPendingAnswers(quizToken) }));
  const pendingRef = useRef<Record<string, number>>(readPendingAnswers(quizToken));
  const [pendingIds, setPendingIds] = useState<string[]>(() => Object.keys(pendingRef.current));
  const [status, setStatus] = useState<SaveStatus>(pendingIds.length > 0 ? "offline" : "idle");
  const [problem, setProblem] = useState<string | null>(null);
  const isFlushing = useRef(false);
  const onConflictRef = useRef(onConflict);
  useEffect(() => {
    onConflictRef.current = onConflict;
  }, [onConflict]);

  const syncPending = useCallback(() => {
    writePendingAnswers(quizToken, pendingRef.current);
    setPendingIds(Object.keys(pendingRef.current));
  }, [quizToken]);

  const flush = useCallback(async () => {
    if (isFlushing.current) return;
    isFlushing.current = true;
    try {
      for (;;) {
        const next = Object.entries(pendingRef.current)[0];
        if (!next) {
          setStatus("saved");
          return;
        }
        const [questionId, option] = next;
        setStatus("saving");
        try {
          await saveAnswer(quizToken, attemptToken, questionId, option);
          setProblem(null);
        } catch (error) {
          if (!(error instanceof ApiRequestError) || error.status >= 500 || error.status === 429) {
            // No answer, or the server could not take it now: keep it here and try again later.
            setStatus("offline");
            return;
          }
          if (error.status === 409) {
            onConflictRef.current(error.message);
            return;
          }
          // Refused for good (e.g. an option that no longer exists): nothing to retry.
          setProblem(error.message);
        }
        if (pendingRef.current[questionId] === option) delete pendingRef.current[questionId];
        syncPending();
      }
    } finally {
      isFlushing.current = false;
    }
  }, [attemptToken, quizToken, syncPending]);

  const choose = useCallback(
    (questionId: string, option: number) => {
      setAnswers((current) => ({ ...current, [questionId]: option }));
      pendingRef.current = { ...pendingRef.current, [questionId]: option };
      syncPending();
      void flush();
    },
    [flush, syncPending],
  );

  useEffect(() => {
    if (Object.keys(pendingRef.current).length > 0) void flush();
  }, [flush]);

  useEffect(() => {
    if (status !== "offline") return;
    const retry = () => void flush();
    window.addEventListener("online", retry);
    const timer = window.setInterval(retry, RETRY_MS);
    return () => {
      window.removeEventListener("online", retry);
      window.clearInterval(timer);
    };
  }, [status, flush]);

  /** Forgets what waits to be sent, once a submission has carried every answer. */
  const clearPending = useCallback(() => {
    pendingRef.current = {};
    syncPending();
  }, [syncPending]);

  return { answers, choose, status, pendingIds, problem, clearPending };
}

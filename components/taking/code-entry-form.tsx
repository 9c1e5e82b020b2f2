"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { FormField, inputClasses, primaryButtonClasses } from "@/components/auth/form-field";
import { DisabledUntilHydrated } from "@/components/ui/disabled-until-hydrated";
import { ApiRequestError } from "@/lib/api-client/fetch-json";
import { fetchPublicQuiz } from "@/lib/quizzes/api-client";

/** Typing the short code a teacher gave out (on a board, aloud) to reach the quiz. */
export function CodeEntryForm({ initialCode = "" }: { initialCode?: string }) {
  const router = useRouter();
  const [code, setCode] = useState(initialCode);
  const [error, setError] = useState<string | undefined>();
  const [isLooking, setIsLooking] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const typed = code.toUpperCase().replace(/[\s-]+/g, "");
    if (!/^[A-Z0-9]{6}$/.test(typed)) {
      setError("A quiz code has 6 letters and digits, such as K7M2QX.");
      return;
    }
    setError(undefined);
    setIsLooking(true);
    try {
      const quiz = await fetchPublicQuiz(typed);
      router.push(`/q/${quiz.token}`);
    } catch (failure) {
      setError(failure instanceof ApiRequestError ? failure.message : "Could not reach the server. Check your connection and try again.");
      setIsLooking(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <DisabledUntilHydrated className="space-y-4">
        <FormField
          id="quiz-code"
          label="Quiz code"
          hint="6 letters and digits; codes never use 0, O, 1, I or L."
          value={code}
          onChange={(event) => setCode(event.target.value)}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={12}
          error={error}
          className={`${inputClasses} font-mono text-2xl uppercase tracking-[0.3em]`}
        />
        <button type="submit" disabled={isLooking} className={primaryButtonClasses}>
          {isLooking ? "Looking…" : "Open quiz"}
        </button>
      </DisabledUntilHydrated>
    </form>
  );
}

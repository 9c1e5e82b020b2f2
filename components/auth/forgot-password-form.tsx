"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { requestPasswordReset } from "@/lib/api-client/auth";
import { ApiRequestError } from "@/lib/api-client/fetch-json";
import { DisabledUntilHydrated } from "@/components/ui/disabled-until-hydrated";
import { FormAlert, FormField, primaryButtonClasses } from "./form-field";

export function ForgotPasswordForm({ isDevMailboxEnabled }: { isDevMailboxEnabled: boolean }) {
  const [email, setEmail] = useState("");
  const submit = useMutation({ mutationFn: () => requestPasswordReset(email) });
  const error = submit.error instanceof ApiRequestError ? submit.error : null;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    submit.mutate();
  }

  if (submit.isSuccess) {
    return (
      <div role="status" className="space-y-3">
        <p>{submit.data.message} The link works for 15 minutes, once.</p>
        {isDevMailboxEnabled && (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Development server: mail is not sent, it is kept in the{" "}
            <Link href="/dev/mailbox" className="text-indigo-700 underline dark:text-indigo-300">
              development mailbox
            </Link>
            .
          </p>
        )}
        <Link href="/sign-in" className="text-indigo-700 underline dark:text-indigo-300">
          Back to sign in
        </Link>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate>
      <DisabledUntilHydrated className="space-y-4">
        <p className="text-sm text-slate-600 dark:text-slate-400">Enter your account&apos;s email and we will send you a link to choose a new password.</p>
        <FormField id="email" label="Email" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} error={error?.issueFor("email")} />
        {submit.error && !error?.issues.length && <FormAlert>{submit.error.message}</FormAlert>}
        <button type="submit" disabled={submit.isPending} className={`${primaryButtonClasses} w-full`}>
          {submit.isPending ? "Sending…" : "Send reset link"}
        </button>
      </DisabledUntilHydrated>
    </form>
  );
}

"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { resetPassword } from "@/lib/api-client/auth";
import { ApiRequestError } from "@/lib/api-client/fetch-json";
import { DisabledUntilHydrated } from "@/components/ui/disabled-until-hydrated";
import { FormAlert, FormField, primaryButtonClasses } from "./form-field";

export function ResetPasswordForm({ token }: { token: string }) {
  const router = useRouter();
  const [password, setPassword] = useState("");
  const [confirmation, setConfirmation] = useState("");
  const submit = useMutation({
    mutationFn: () => resetPassword({ token, new_password: password }),
    onSuccess: () => router.push("/sign-in?reset=1"),
  });
  const error = submit.error instanceof ApiRequestError ? submit.error : null;
  const tooShort = password.length > 0 && password.length < 8;
  const mismatch = confirmation.length > 0 && confirmation !== password;
  const isTokenRefused = error?.status === 400;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!tooShort && !mismatch && password) submit.mutate();
  }

  if (!token) {
    return (
      <FormAlert>
        This page needs the link from your reset mail. <Link href="/forgot-password" className="underline">Ask for a new link</Link>.
      </FormAlert>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate>
      <DisabledUntilHydrated className="space-y-4">
        <FormField
          id="new-password"
          label="New password"
          type="password"
          autoComplete="new-password"
          required
          minLength={8}
          hint="At least 8 characters. Every device signed in to your account will be signed out."
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={tooShort ? "Use at least 8 characters." : error?.issueFor("new_password")}
        />
        <FormField
          id="confirm-password"
          label="Repeat the new password"
          type="password"
          autoComplete="new-password"
          required
          value={confirmation}
          onChange={(e) => setConfirmation(e.target.value)}
          error={mismatch ? "The two passwords differ." : undefined}
        />
        {submit.error && (
          <FormAlert>
            {isTokenRefused ? "This reset link has expired or was already used. " : `${submit.error.message} `}
            {isTokenRefused && (
              <Link href="/forgot-password" className="underline">
                Ask for a new link
              </Link>
            )}
          </FormAlert>
        )}
        <button type="submit" disabled={submit.isPending || tooShort || mismatch || !password} className={`${primaryButtonClasses} w-full`}>
          {submit.isPending ? "Saving…" : "Set new password"}
        </button>
      </DisabledUntilHydrated>
    </form>
  );
}

"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useState, type FormEvent } from "react";
import { sessionQuery, signIn } from "@/lib/api-client/auth";
import { ApiRequestError } from "@/lib/api-client/fetch-json";
import { DisabledUntilHydrated } from "@/components/ui/disabled-until-hydrated";
import { FormAlert, FormField, primaryButtonClasses } from "./form-field";
import { carryParams, finishSignIn } from "./pending-save";

export function SignInForm() {
  const params = useSearchParams();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");

  const submit = useMutation({
    mutationFn: async () => {
      await signIn({ email, password });
      await queryClient.invalidateQueries({ queryKey: sessionQuery().queryKey });
      return finishSignIn(params);
    },
    onSuccess: (destination) => {
      router.push(destination);
      router.refresh();
    },
  });
  const error = submit.error instanceof ApiRequestError ? submit.error : null;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    submit.mutate();
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <DisabledUntilHydrated className="space-y-4">
        {params.get("save_job") && (
          <p className="rounded-lg bg-indigo-50 px-3 py-2 text-sm text-indigo-900 dark:bg-indigo-950 dark:text-indigo-100">
            Sign in and the quiz you just generated will be saved to your library.
          </p>
        )}
        {params.get("reset") === "1" && (
          <p role="status" className="rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100">
            Your password has been changed. Sign in with the new one.
          </p>
        )}
        <FormField id="email" label="Email" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} error={error?.issueFor("email")} />
        <FormField
          id="password"
          label="Password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={error?.issueFor("password")}
        />
        {submit.error && !error?.issues.length && <FormAlert>{submit.error.message}</FormAlert>}
        <button type="submit" disabled={submit.isPending || submit.isSuccess} className={`${primaryButtonClasses} w-full`}>
          {submit.isPending ? "Signing in…" : "Sign in"}
        </button>
        <div className="flex justify-between text-sm">
          <Link href="/forgot-password" className="text-indigo-700 underline dark:text-indigo-300">
            Forgot your password?
          </Link>
          <Link href={`/sign-up${carryParams(params)}`} className="text-indigo-700 underline dark:text-indigo-300">
            Create an account
          </Link>
        </div>
      </DisabledUntilHydrated>
    </form>
  );
}

"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useState, type FormEvent } from "react";
import { sessionQuery, signIn, signUp } from "@/lib/api-client/auth";
import { ApiRequestError } from "@/lib/api-client/fetch-json";
import { DisabledUntilHydrated } from "@/components/ui/disabled-until-hydrated";
import { FormAlert, FormField, primaryButtonClasses } from "./form-field";
import { carryParams, finishSignIn } from "./pending-save";

export function SignUpForm() {
  const params = useSearchParams();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");

  const submit = useMutation({
    mutationFn: async () => {
      await signUp({ name, email, password });
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
  const tooShort = password.length > 0 && password.length < 8;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!tooShort) submit.mutate();
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <DisabledUntilHydrated className="space-y-4">
        {params.get("save_job") && (
          <p className="rounded-lg bg-indigo-50 px-3 py-2 text-sm text-indigo-900 dark:bg-indigo-950 dark:text-indigo-100">
            Create an account and the quiz you just generated will be saved to your library.
          </p>
        )}
        <FormField id="name" label="Name" autoComplete="name" required value={name} onChange={(e) => setName(e.target.value)} error={error?.issueFor("name")} />
        <FormField id="email" label="Email" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} error={error?.issueFor("email")} />
        <FormField
          id="password"
          label="Password"
          type="password"
          autoComplete="new-password"
          required
          minLength={8}
          hint="At least 8 characters."
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={tooShort ? "Use at least 8 characters." : error?.issueFor("password")}
        />
        {submit.error && !error?.issues.length && <FormAlert>{submit.error.message}</FormAlert>}
        <button type="submit" disabled={submit.isPending || submit.isSuccess || tooShort} className={`${primaryButtonClasses} w-full`}>
          {submit.isPending ? "Creating your account…" : "Create account"}
        </button>
        <p className="text-sm">
          Already have an account?{" "}
          <Link href={`/sign-in${carryParams(params)}`} className="text-indigo-700 underline dark:text-indigo-300">
            Sign in
          </Link>
        </p>
      </DisabledUntilHydrated>
    </form>
  );
}

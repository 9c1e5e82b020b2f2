"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { sessionQuery, signOut } from "@/lib/api-client/auth";

export function SignOutButton() {
  const router = useRouter();
  const queryClient = useQueryClient();
  const submit = useMutation({
    mutationFn: signOut,
    onSuccess: () => {
      queryClient.setQueryData(sessionQuery().queryKey, null);
      router.push("/");
      router.refresh();
    },
  });
  return (
    <button
      type="button"
      onClick={() => submit.mutate()}
      disabled={submit.isPending}
      className="whitespace-nowrap rounded-lg px-1.5 py-1.5 sm:px-2.5 font-medium text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800"
    >
      {submit.isPending ? "Signing out…" : "Sign out"}
    </button>
  );
}

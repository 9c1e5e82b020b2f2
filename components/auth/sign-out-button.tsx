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
      className="rounded-md px-2 py-1 font-medium text-slate-700 hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 dark:text-slate-200 dark:hover:bg-slate-800"
    >
      {submit.isPending ? "Signing out…" : "Sign out"}
    </button>
  );
}

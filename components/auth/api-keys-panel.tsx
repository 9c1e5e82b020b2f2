"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { apiKeysQuery, createApiKey, revokeApiKey } from "@/lib/api-client/api-keys";
import { ApiRequestError } from "@/lib/api-client/fetch-json";
import { dangerButtonClasses, FormAlert, FormField, primaryButtonClasses, secondaryButtonClasses } from "./form-field";

/** Create, list and revoke personal API keys; a new key is shown once, here, and never again. */
export function ApiKeysPanel() {
  const queryClient = useQueryClient();
  const keys = useQuery(apiKeysQuery());
  const [name, setName] = useState("");
  const [isCopied, setIsCopied] = useState(false);

  const create = useMutation({
    mutationFn: () => createApiKey(name),
    onSuccess: () => {
      setName("");
      setIsCopied(false);
      void queryClient.invalidateQueries({ queryKey: apiKeysQuery().queryKey });
    },
  });
  const revoke = useMutation({
    mutationFn: revokeApiKey,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeysQuery().queryKey }),
  });
  const createError = create.error instanceof ApiRequestError ? create.error : null;

  function onCreate(event: FormEvent) {
    event.preventDefault();
    create.mutate();
  }

  async function copyKey(key: string) {
    await navigator.clipboard.writeText(key).then(
      () => setIsCopied(true),
      () => setIsCopied(false),
    );
  }

  return (
    <div className="space-y-8">
      <section aria-labelledby="new-key-heading" className="space-y-4">
        <h2 id="new-key-heading" className="text-lg font-semibold">
          Create a key
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Programs send a key as <code className="rounded bg-slate-100 px-1 dark:bg-slate-800">Authorization: Bearer &lt;key&gt;</code> on any API
          route. Anyone holding a key can act as you: keep it secret, and revoke it when it is no longer needed.
        </p>
        <form onSubmit={onCreate} className="flex flex-wrap items-end gap-3" noValidate>
          <div className="min-w-64 flex-1">
            <FormField id="key-name" label="Name" placeholder="Grading script" value={name} onChange={(e) => setName(e.target.value)} error={createError?.issueFor("name")} />
          </div>
          <button type="submit" disabled={create.isPending} className={primaryButtonClasses}>
            {create.isPending ? "Creating…" : "Create key"}
          </button>
        </form>
        {create.error && !createError?.issueFor("name") && <FormAlert>{create.error.message}</FormAlert>}
        {create.data && (
          <div role="status" className="space-y-2 rounded-xl border border-amber-300 bg-amber-50 p-4 text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
            <p className="font-semibold">Copy your new key “{create.data.name}” now: it will not be shown again.</p>
            <div className="flex flex-wrap items-center gap-2">
              <code data-testid="new-api-key" className="break-all rounded bg-white px-2 py-1 text-sm dark:bg-slate-900">
                {create.data.key}
              </code>
              <button type="button" onClick={() => copyKey(create.data.key)} className={secondaryButtonClasses}>
                {isCopied ? "Copied" : "Copy"}
              </button>
            </div>
          </div>
        )}
      </section>

      <section aria-labelledby="keys-heading" className="space-y-3">
        <h2 id="keys-heading" className="text-lg font-semibold">
          Your keys
        </h2>
        {keys.isPending && <p>Loading your keys…</p>}
        {keys.error && <FormAlert>Could not load your keys: {keys.error.message}</FormAlert>}
        {keys.data && keys.data.length === 0 && <p className="text-slate-600 dark:text-slate-400">You have no API keys.</p>}
        {keys.data && keys.data.length > 0 && (
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="border-b border-slate-200 dark:border-slate-800">
                <th scope="col" className="py-2 pr-3">Name</th>
                <th scope="col" className="py-2 pr-3">Key</th>
                <th scope="col" className="py-2 pr-3">Created</th>
                <th scope="col" className="py-2 pr-3">Last used</th>
                <th scope="col" className="py-2"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {keys.data.map((key) => (
                <tr key={key.id} className="border-b border-slate-100 dark:border-slate-800">
                  <td className="py-2 pr-3 font-medium">{key.name}</td>
                  <td className="py-2 pr-3"><code>{key.prefix}…</code></td>
                  <td className="py-2 pr-3">{formatDate(key.created_at)}</td>
                  <td className="py-2 pr-3">{key.last_used_at ? formatDate(key.last_used_at) : "Never"}</td>
                  <td className="py-2 text-right">
                    <button
                      type="button"
                      className={dangerButtonClasses}
                      disabled={revoke.isPending}
                      aria-label={`Revoke ${key.name}`}
                      onClick={() => {
                        if (window.confirm(`Revoke the key “${key.name}”? Programs using it stop working at once.`)) revoke.mutate(key.id);
                      }}
                    >
                      Revoke
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {revoke.error && <FormAlert>Could not revoke the key: {revoke.error.message}</FormAlert>}
      </section>
    </div>
  );
}

function formatDate(iso: string): string {
  return new Date(iso).toLocaleString("en-US", { month: "short", day: "numeric", year: "numeric", hour: "numeric", minute: "2-digit" });
}

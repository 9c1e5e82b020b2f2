"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { FormAlert } from "@/components/auth/form-field";
import { button, muted } from "@/components/ui/styles";
import { rotateWebhookSecret, webhookDeliveriesQuery, webhookSecretsQuery } from "@/lib/api-client/webhooks";
import type { SigningSecretSummary } from "@/lib/webhooks/signing-secrets";
import type { WebhookDeliverySummary } from "@/lib/webhooks/webhook-schemas";

const STATUS_STYLES: Record<WebhookDeliverySummary["status"], string> = {
  delivered: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200",
  pending: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-100",
  failed: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200",
};

function formatTime(iso: string): string {
  return new Date(iso).toLocaleString("en-US", { month: "short", day: "numeric", hour: "numeric", minute: "2-digit", second: "2-digit" });
}

function SecretRow({ entry }: { entry: SigningSecretSummary }) {
  const queryClient = useQueryClient();
  const [isShown, setIsShown] = useState(false);
  const label = entry.api_key ? `Key “${entry.api_key.name}” (${entry.api_key.prefix}…)` : "Your account (jobs started signed in)";
  const rotate = useMutation({
    mutationFn: () => rotateWebhookSecret(entry.api_key?.id ?? null),
    onSuccess: () => {
      setIsShown(true);
      void queryClient.invalidateQueries({ queryKey: webhookSecretsQuery().queryKey });
    },
  });
  return (
    <li className="flex flex-wrap items-start gap-3 border-b border-slate-100 py-2 dark:border-slate-800">
      <div className="min-w-0 flex-1">
        <p className="font-medium">{label}</p>
        <code data-testid="webhook-secret" className="break-all">
          {isShown ? entry.secret : `${entry.secret.slice(0, 10)}${"•".repeat(12)}`}
        </code>
        <span className={`block text-xs ${muted}`}>since {formatTime(entry.created_at)}</span>
        {rotate.error && <FormAlert>Could not replace the secret: {rotate.error.message}</FormAlert>}
      </div>
      <div className="flex gap-2">
        <button type="button" className={button.secondary} aria-pressed={isShown} aria-label={`${isShown ? "Hide" : "Show"} the secret of ${label}`} onClick={() => setIsShown(!isShown)}>
          {isShown ? "Hide" : "Show"}
        </button>
        <button
          type="button"
          className={button.danger}
          disabled={rotate.isPending}
          aria-label={`Replace the secret of ${label}`}
          onClick={() => {
            if (window.confirm("Replace this secret? Deliveries from now on are signed with the new one; update your receiver.")) rotate.mutate();
          }}
        >
          {rotate.isPending ? "Replacing…" : "Replace"}
        </button>
      </div>
    </li>
  );
}

function DeliveryRow({ delivery }: { delivery: WebhookDeliverySummary }) {
  const last = delivery.attempts.at(-1);
  return (
    <li className="rounded-lg border border-slate-200 dark:border-slate-800">
      <details>
        <summary className="flex cursor-pointer flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2 text-sm">
          <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${STATUS_STYLES[delivery.status]}`}>{delivery.status}</span>
          <span className="font-medium">{delivery.event}</span>
          <code className="truncate">{delivery.url}</code>
          <span className={muted}>
            {formatTime(delivery.created_at)} · {delivery.attempt_count} attempt{delivery.attempt_count === 1 ? "" : "s"}
            {last?.response_status ? ` · last answer ${last.response_status}` : ""}
            {delivery.next_attempt_at ? ` · next try ${formatTime(delivery.next_attempt_at)}` : ""}
          </span>
        </summary>
        <div className="border-t border-slate-200 px-3 py-2 dark:border-slate-800">
          <p className={`text-xs ${muted}`}>
            Job <code>{delivery.job_id}</code> · delivery <code>{delivery.id}</code>
          </p>
          <table className="mt-2 w-full text-left text-sm">
            <thead>
              <tr className="border-b border-slate-200 dark:border-slate-700">
                <th scope="col" className="py-1 pr-3">Attempt</th>
                <th scope="col" className="py-1 pr-3">When</th>
                <th scope="col" className="py-1 pr-3">Took</th>
                <th scope="col" className="py-1 pr-3">Answer</th>
                <th scope="col" className="py-1">Problem</th>
              </tr>
            </thead>
            <tbody>
              {delivery.attempts.map((attempt) => (
                <tr key={attempt.attempt} className="border-b border-slate-100 dark:border-slate-800">
                  <td className="py-1 pr-3">{attempt.attempt}</td>
                  <td className="py-1 pr-3">{formatTime(attempt.started_at)}</td>
                  <td className="py-1 pr-3 tabular-nums">{attempt.duration_ms} ms</td>
                  <td className="py-1 pr-3">{attempt.response_status ?? "none"}</td>
                  <td className="py-1">{attempt.delivered ? "Delivered" : attempt.error}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </li>
  );
}

/** The secrets that sign webhooks, and the log of every delivery attempt. */
export function WebhookSettings() {
  const secrets = useQuery(webhookSecretsQuery());
  const deliveries = useQuery(webhookDeliveriesQuery());
  return (
    <div className="mt-10 space-y-8">
      <section aria-labelledby="webhook-secrets-heading" className="space-y-3">
        <h2 id="webhook-secrets-heading" className="text-lg font-semibold">
          Webhook signing secrets
        </h2>
        <p className={`text-sm ${muted}`}>
          A job started with a <code>callback_url</code> is POSTed there when it ends, signed in the <code>Bloomery-Signature</code> header with the
          secret of the key that started it (or your account&apos;s, when you were signed in). Check every delivery with it; see the{" "}
          <a className="font-medium text-indigo-700 underline dark:text-indigo-300" href="/docs/api#webhooks">
            API reference
          </a>
          .
        </p>
        {secrets.isPending && <p>Loading secrets…</p>}
        {secrets.error && <FormAlert>Could not load the secrets: {secrets.error.message}</FormAlert>}
        {secrets.data && (
          <ul className="text-sm" aria-label="Signing secrets">
            {secrets.data.map((entry) => (
              <SecretRow key={entry.api_key?.id ?? "account"} entry={entry} />
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="webhook-deliveries-heading" className="space-y-3">
        <div className="flex items-center justify-between gap-3">
          <h2 id="webhook-deliveries-heading" className="text-lg font-semibold">
            Webhook deliveries
          </h2>
          <button type="button" className={button.secondary} onClick={() => void deliveries.refetch()} disabled={deliveries.isFetching}>
            {deliveries.isFetching ? "Refreshing…" : "Refresh"}
          </button>
        </div>
        {deliveries.isPending && <p>Loading deliveries…</p>}
        {deliveries.error && <FormAlert>Could not load the deliveries: {deliveries.error.message}</FormAlert>}
        {deliveries.data && deliveries.data.deliveries.length === 0 && <p className={muted}>No webhooks sent yet.</p>}
        {deliveries.data && deliveries.data.deliveries.length > 0 && (
          <ul className="space-y-2" aria-label="Recent deliveries">
            {deliveries.data.deliveries.map((delivery) => (
              <DeliveryRow key={delivery.id} delivery={delivery} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

import { queryOptions } from "@tanstack/react-query";
import type { WebhookDeliveryPage } from "@/lib/webhooks/webhook-schemas";
import type { SigningSecretSummary } from "@/lib/webhooks/signing-secrets";
import { fetchJson } from "./fetch-json";

// Keys start with "api-keys": making or revoking a key invalidates ["api-keys"], and with it the
// secrets list, which has one secret per key.
export function webhookSecretsQuery() {
  return queryOptions({
    queryKey: ["api-keys", "webhook-secrets"],
    queryFn: () => fetchJson<{ secrets: SigningSecretSummary[] }>("/api/webhooks/secrets").then((body) => body.secrets),
  });
}

export function rotateWebhookSecret(apiKeyId: string | null) {
  return fetchJson<SigningSecretSummary>("/api/webhooks/secrets/rotate", { method: "POST", body: { api_key_id: apiKeyId } });
}

export function webhookDeliveriesQuery() {
  return queryOptions({
    queryKey: ["webhook-deliveries"],
    queryFn: () => fetchJson<WebhookDeliveryPage>("/api/webhooks/deliveries?page_size=20"),
    // Deliveries still being retried change on their own: look again while any is pending.
    refetchInterval: (query) => (query.state.data?.deliveries.some((delivery) => delivery.status === "pending") ? 5000 : false),
  });
}

import { queryOptions } from "@tanstack/react-query";
import type { ApiKeySummary } from "@/lib/api-keys/api-key-summary";
import { fetchJson } from "./fetch-json";

export function apiKeysQuery() {
  return queryOptions({
    queryKey: ["api-keys"],
    queryFn: () => fetchJson<{ keys: ApiKeySummary[] }>("/api/api-keys").then((body) => body.keys),
  });
}

export function createApiKey(name: string) {
  return fetchJson<ApiKeySummary & { key: string }>("/api/api-keys", { method: "POST", body: { name } });
}

export function revokeApiKey(id: string) {
  return fetchJson<void>(`/api/api-keys/${id}`, { method: "DELETE" });
}

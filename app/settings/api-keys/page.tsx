import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ApiKeysPanel } from "@/components/auth/api-keys-panel";
import { getCurrentUser } from "@/lib/auth/get-current-user";
import { WebhookSettings } from "./webhook-settings";

export const metadata: Metadata = { title: "API keys · Bloomery" };

export default async function ApiKeysPage() {
  if (!(await getCurrentUser())) redirect("/sign-in?next=/settings/api-keys");
  return (
    <main className="mx-auto max-w-4xl px-4 py-10">
      <h1 className="mb-6 text-3xl font-bold tracking-tight">API keys</h1>
      <ApiKeysPanel />
      <WebhookSettings />
    </main>
  );
}

import { NextResponse } from "next/server";
import { requireKeyManager } from "@/lib/api-keys/require-key-manager";
import { getPool } from "@/lib/db";
import { withErrors } from "@/lib/http/respond";
import { listSigningSecrets } from "@/lib/webhooks/signing-secrets";

export const dynamic = "force-dynamic";

// GET /api/webhooks/secrets – the secrets that sign the caller's webhooks: the account's and one per API key
export const GET = withErrors(async (request) => {
  const { user } = await requireKeyManager(request);
  const secrets = await listSigningSecrets(await getPool(), user.id);
  return NextResponse.json({ secrets }, { headers: { "Cache-Control": "no-store" } });
});

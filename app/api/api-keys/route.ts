import { NextResponse } from "next/server";
import { createApiKey, createApiKeyRequestSchema } from "@/lib/api-keys/create-api-key";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { requireKeyManager } from "@/lib/api-keys/require-key-manager";
import { getPrisma } from "@/lib/db";
import { readJsonBody } from "@/lib/http/read-body";
import { withErrors } from "@/lib/http/respond";
import { withIdempotency } from "@/lib/idempotency/with-idempotency";

export const dynamic = "force-dynamic";

// GET /api/api-keys – the signed-in user's API keys (names and prefixes, never the keys)
export const GET = withErrors(async (request) => {
  const { user } = await requireKeyManager(request);
  const keys = await listApiKeys(await getPrisma(), user.id);
  return NextResponse.json({ keys }, { headers: { "Cache-Control": "no-store" } });
});

// POST /api/api-keys – create a named key {name}; the key is in this answer and nowhere else, ever
export const POST = withErrors(
  withIdempotency(async (request) => {
    const { user } = await requireKeyManager(request);
    const body = await readJsonBody(request, createApiKeyRequestSchema, { maxBytes: 4 * 1024 });
    const created = await createApiKey(await getPrisma(), user.id, body);
    return NextResponse.json(created, { status: 201, headers: { "Cache-Control": "no-store" } });
  }),
);

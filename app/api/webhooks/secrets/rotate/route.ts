import { NextResponse } from "next/server";
import { requireKeyManager } from "@/lib/api-keys/require-key-manager";
import { getPool } from "@/lib/db";
import { readJsonBody } from "@/lib/http/read-body";
import { withErrors } from "@/lib/http/respond";
import { withIdempotency } from "@/lib/idempotency/with-idempotency";
import { rotateSecretRequestSchema, rotateSigningSecret } from "@/lib/webhooks/signing-secrets";

export const dynamic = "force-dynamic";

// POST /api/webhooks/secrets/rotate – replace a signing secret {api_key_id?}; deliveries from now on use the new one
export const POST = withErrors(
  withIdempotency(async (request) => {
    const { user } = await requireKeyManager(request);
    const body = await readJsonBody(request, rotateSecretRequestSchema, { maxBytes: 4 * 1024 });
    const rotated = await rotateSigningSecret(await getPool(), user.id, body);
    return NextResponse.json(rotated, { headers: { "Cache-Control": "no-store" } });
  }),
);

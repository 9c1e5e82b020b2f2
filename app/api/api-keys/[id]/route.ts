import { NextResponse } from "next/server";
import { requireKeyManager } from "@/lib/api-keys/require-key-manager";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { getPrisma } from "@/lib/db";
import { withErrors } from "@/lib/http/respond";

export const dynamic = "force-dynamic";

// DELETE /api/api-keys/{id} – revoke one of the user's keys; refused from the next request on
export const DELETE = withErrors(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const { user } = await requireKeyManager(request);
  await revokeApiKey(await getPrisma(), user.id, (await params).id);
  return new NextResponse(null, { status: 204 });
});

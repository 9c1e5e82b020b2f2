import { NextResponse } from "next/server";
import { requireUser, toPublicUser } from "@/lib/auth/authenticate-request";
import { withErrors } from "@/lib/http/respond";

export const dynamic = "force-dynamic";

// GET /api/me – the signed-in user as {id, name, email}; 401 without valid credentials
export const GET = withErrors(async (request) => {
  const { user } = await requireUser(request);
  return NextResponse.json(toPublicUser(user), { headers: { "Cache-Control": "no-store" } });
});

import { NextResponse } from "next/server";
import { getPrisma } from "@/lib/db";
import { withErrors } from "@/lib/http/respond";
import { getAttempt } from "@/lib/quizzes/get-attempt";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ key: string; attempt: string }> };

// GET /api/quizzes/{key}/attempts/{attempt token} – the attempt with its saved answers; once submitted, the result and (if allowed) the review
export const GET = withErrors(async (_request, { params }: Context) => {
  const { key, attempt } = await params;
  const view = await getAttempt(await getPrisma(), key, attempt);
  return NextResponse.json(view, { headers: { "Cache-Control": "no-store" } });
});

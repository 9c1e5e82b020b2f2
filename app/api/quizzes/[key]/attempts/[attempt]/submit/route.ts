import { NextResponse } from "next/server";
import { getPrisma } from "@/lib/db";
import { withErrors } from "@/lib/http/respond";
import { submitAttemptRequestSchema } from "@/lib/quizzes/quiz-schemas";
import { readOptionalJsonBody } from "@/lib/quizzes/read-optional-body";
import { submitAttempt } from "@/lib/quizzes/submit-attempt";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ key: string; attempt: string }> };

// POST /api/quizzes/{key}/attempts/{attempt token}/submit – hand the attempt in (optionally with {answers}); answers the score and, if allowed, the review
export const POST = withErrors(async (request, { params }: Context) => {
  const { key, attempt } = await params;
  const body = await readOptionalJsonBody(request, submitAttemptRequestSchema, 256 * 1024);
  const view = await submitAttempt(await getPrisma(), key, attempt, body);
  return NextResponse.json(view, { headers: { "Cache-Control": "no-store" } });
});

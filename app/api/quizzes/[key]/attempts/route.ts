import { NextResponse } from "next/server";
import { getPool, getPrisma } from "@/lib/db";
import { readJsonBody } from "@/lib/http/read-body";
import { withErrors } from "@/lib/http/respond";
import { limitAttemptStart } from "@/lib/quizzes/limit-quiz-requests";
import { rateLimitHeaders } from "@/lib/rate-limit/rate-limit";
import { startAttemptRequestSchema } from "@/lib/quizzes/quiz-schemas";
import { startAttempt } from "@/lib/quizzes/start-attempt";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ key: string }> };

// POST /api/quizzes/{token or code}/attempts – start an attempt {name, taker_key?} (201), or resume this browser's unfinished one (200)
export const POST = withErrors(async (request, { params }: Context) => {
  const { key } = await params;
  const body = await readJsonBody(request, startAttemptRequestSchema, { maxBytes: 4 * 1024 });
  const limit = await limitAttemptStart(await getPool(), request);
  const started = await startAttempt(await getPrisma(), key, body);
  return NextResponse.json(
    { ...started.attempt, taker_key: started.takerKey, resumed: started.isResumed },
    { status: started.isResumed ? 200 : 201, headers: { "Cache-Control": "no-store", ...rateLimitHeaders(limit) } },
  );
});

import { NextResponse } from "next/server";
import { getPool, getPrisma } from "@/lib/db";
import { withErrors } from "@/lib/http/respond";
import { getPublicQuiz } from "@/lib/quizzes/get-public-quiz";
import { limitQuizLookup } from "@/lib/quizzes/limit-quiz-requests";
import { rateLimitHeaders } from "@/lib/rate-limit/rate-limit";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ key: string }> };

// GET /api/quizzes/{token or code} – the public quiz, without answers or explanations; closed, it says why
export const GET = withErrors(async (request, { params }: Context) => {
  const { key } = await params;
  const limit = await limitQuizLookup(await getPool(), request);
  const quiz = await getPublicQuiz(await getPrisma(), key);
  return NextResponse.json(quiz, { headers: { "Cache-Control": "no-store", ...rateLimitHeaders(limit) } });
});

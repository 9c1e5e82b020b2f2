import { NextResponse } from "next/server";
import { getPrisma } from "@/lib/db";
import { readJsonBody } from "@/lib/http/read-body";
import { withErrors } from "@/lib/http/respond";
import { saveAnswerRequestSchema } from "@/lib/quizzes/quiz-schemas";
import { saveAnswer } from "@/lib/quizzes/save-answer";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ key: string; attempt: string; questionId: string }> };

// PUT /api/quizzes/{key}/attempts/{attempt token}/answers/{question id} – save one answer {option} (its position as shown) the moment it is given
export const PUT = withErrors(async (request, { params }: Context) => {
  const { key, attempt, questionId } = await params;
  const { option } = await readJsonBody(request, saveAnswerRequestSchema, { maxBytes: 1024 });
  const saved = await saveAnswer(await getPrisma(), key, attempt, questionId, option);
  return NextResponse.json(saved, { headers: { "Cache-Control": "no-store" } });
});

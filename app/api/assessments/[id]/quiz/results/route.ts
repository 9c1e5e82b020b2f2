import { NextResponse } from "next/server";
import { parseAssessmentId } from "@/lib/assessments/read-path-ids";
import { requireUser } from "@/lib/auth/authenticate-request";
import { getPrisma } from "@/lib/db";
import { validationError } from "@/lib/errors";
import { withErrors } from "@/lib/http/respond";
import { getQuizResults } from "@/lib/quizzes/get-quiz-results";
import { resultsQuerySchema } from "@/lib/quizzes/quiz-schemas";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

// GET /api/assessments/{id}/quiz/results?version=N – attempts, item analysis and Bloom levels of one version (the newest by default)
export const GET = withErrors(async (request, { params }: Context) => {
  const { user } = await requireUser(request);
  const id = parseAssessmentId((await params).id);
  const query = resultsQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw validationError(query.error);
  const results = await getQuizResults(await getPrisma(), user.id, id, query.data.version);
  return NextResponse.json(results, { headers: { "Cache-Control": "no-store" } });
});

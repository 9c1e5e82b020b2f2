import { NextResponse } from "next/server";
import { listAssessmentHistory } from "@/lib/assessments/list-assessment-history";
import { requireUser } from "@/lib/auth/authenticate-request";
import { getPrisma } from "@/lib/db";
import { withErrors } from "@/lib/http/respond";

export const dynamic = "force-dynamic";

// GET /api/assessments/history – EduMate's history: a bare array of the caller's assessments, newest first
export const GET = withErrors(async (request) => {
  const { user } = await requireUser(request);
  const history = await listAssessmentHistory(await getPrisma(), user.id);
  return NextResponse.json(history, { headers: { "Cache-Control": "no-store" } });
});

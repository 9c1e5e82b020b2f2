import { NextResponse } from "next/server";
import { contentDisposition } from "@/lib/assessments/export-assessment-file";
import { parseAssessmentId } from "@/lib/assessments/read-path-ids";
import { requireUser } from "@/lib/auth/authenticate-request";
import { getPrisma } from "@/lib/db";
import { withErrors } from "@/lib/http/respond";
import { exportResponsesCsv } from "@/lib/quizzes/export-responses-csv";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

// GET /api/assessments/{id}/quiz/responses – every response to every version as CSV (owner only)
export const GET = withErrors(async (request, { params }: Context) => {
  const { user } = await requireUser(request);
  const file = await exportResponsesCsv(await getPrisma(), user.id, parseAssessmentId((await params).id));
  return new NextResponse(file.text, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": contentDisposition(file.filename), "Cache-Control": "no-store" },
  });
});

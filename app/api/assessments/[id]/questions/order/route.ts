import { NextResponse } from "next/server";
import { reorderQuestionsRequestSchema } from "@/lib/assessments/assessment-schemas";
import { parseAssessmentId } from "@/lib/assessments/read-path-ids";
import { reorderQuestions } from "@/lib/assessments/reorder-questions";
import { requireUser } from "@/lib/auth/authenticate-request";
import { getPrisma } from "@/lib/db";
import { readJsonBody } from "@/lib/http/read-body";
import { withErrors } from "@/lib/http/respond";

export const dynamic = "force-dynamic";

// PUT /api/assessments/{id}/questions/order – reorder {question_ids: [every id, in the new order]}
export const PUT = withErrors(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const { user } = await requireUser(request);
  const id = parseAssessmentId((await params).id);
  const { question_ids } = await readJsonBody(request, reorderQuestionsRequestSchema, { maxBytes: 64 * 1024 });
  await reorderQuestions(await getPrisma(), user.id, id, question_ids);
  return NextResponse.json({ question_ids });
});

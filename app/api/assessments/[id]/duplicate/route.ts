import { NextResponse } from "next/server";
import { duplicateAssessment } from "@/lib/assessments/duplicate-assessment";
import { parseAssessmentId } from "@/lib/assessments/read-path-ids";
import { requireUser } from "@/lib/auth/authenticate-request";
import { getPrisma } from "@/lib/db";
import { withErrors } from "@/lib/http/respond";
import { withIdempotency } from "@/lib/idempotency/with-idempotency";

export const dynamic = "force-dynamic";

// POST /api/assessments/{id}/duplicate – copy the assessment, questions and material, as "<title> (copy)" → 201 {id, title, question_count}
export const POST = withErrors(
  withIdempotency(async (request, { params }: { params: Promise<{ id: string }> }) => {
    const { user } = await requireUser(request);
    const copy = await duplicateAssessment(await getPrisma(), user.id, parseAssessmentId((await params).id));
    return NextResponse.json(copy, { status: 201 });
  }),
);

import { NextResponse } from "next/server";
import { addQuestion } from "@/lib/assessments/add-question";
import { addQuestionRequestSchema } from "@/lib/assessments/assessment-schemas";
import { parseAssessmentId } from "@/lib/assessments/read-path-ids";
import { requireUser } from "@/lib/auth/authenticate-request";
import { getPrisma } from "@/lib/db";
import { readJsonBody } from "@/lib/http/read-body";
import { withErrors } from "@/lib/http/respond";
import { withIdempotency } from "@/lib/idempotency/with-idempotency";

export const dynamic = "force-dynamic";

// POST /api/assessments/{id}/questions – add a question {question: {…MCQ}, position?} → 201 with its id
export const POST = withErrors(
  withIdempotency(async (request, { params }: { params: Promise<{ id: string }> }) => {
    const { user } = await requireUser(request);
    const id = parseAssessmentId((await params).id);
    const body = await readJsonBody(request, addQuestionRequestSchema, { maxBytes: 64 * 1024 });
    const question = await addQuestion(await getPrisma(), user.id, id, body.question, body.position);
    return NextResponse.json(question, { status: 201 });
  }),
);

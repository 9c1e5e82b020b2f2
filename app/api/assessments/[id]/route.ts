import { NextResponse } from "next/server";
import { renameAssessmentRequestSchema } from "@/lib/assessments/assessment-schemas";
import { deleteAssessment } from "@/lib/assessments/delete-assessment";
import { getAssessment, toEdumateDetail } from "@/lib/assessments/get-assessment";
import { parseAssessmentId } from "@/lib/assessments/read-path-ids";
import { renameAssessment } from "@/lib/assessments/rename-assessment";
import { requireUser } from "@/lib/auth/authenticate-request";
import { getPrisma } from "@/lib/db";
import { readJsonBody } from "@/lib/http/read-body";
import { withErrors } from "@/lib/http/respond";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

// GET /api/assessments/{id} – EduMate's detail: {id, chapter_name, content: {mcqs}}; another user's is 404
export const GET = withErrors(async (request, { params }: Context) => {
  const { user } = await requireUser(request);
  const detail = await getAssessment(await getPrisma(), user.id, parseAssessmentId((await params).id));
  return NextResponse.json(toEdumateDetail(detail), { headers: { "Cache-Control": "no-store" } });
});

// PATCH /api/assessments/{id} – rename {title}
export const PATCH = withErrors(async (request, { params }: Context) => {
  const { user } = await requireUser(request);
  const id = parseAssessmentId((await params).id);
  const { title } = await readJsonBody(request, renameAssessmentRequestSchema, { maxBytes: 16 * 1024 });
  const prisma = await getPrisma();
  await renameAssessment(prisma, user.id, id, title);
  return NextResponse.json({ id, title });
});

// DELETE /api/assessments/{id} – delete the assessment and its questions
export const DELETE = withErrors(async (request, { params }: Context) => {
  const { user } = await requireUser(request);
  await deleteAssessment(await getPrisma(), user.id, parseAssessmentId((await params).id));
  return new NextResponse(null, { status: 204 });
});

import { NextResponse } from "next/server";
import { replaceQuestionRequestSchema, updateQuestionRequestSchema } from "@/lib/assessments/assessment-schemas";
import { deleteQuestion } from "@/lib/assessments/delete-question";
import { parseAssessmentId, parseQuestionId } from "@/lib/assessments/read-path-ids";
import { replaceQuestion } from "@/lib/assessments/replace-question";
import { updateQuestion } from "@/lib/assessments/update-question";
import { requireUser } from "@/lib/auth/authenticate-request";
import { getPrisma } from "@/lib/db";
import { readJsonBody } from "@/lib/http/read-body";
import { withErrors } from "@/lib/http/respond";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string; questionId: string }> };

// PATCH /api/assessments/{id}/questions/{questionId} – edit any of question, options, correct_answer, bloom_level, explanation
export const PATCH = withErrors(async (request, { params }: Context) => {
  const { user } = await requireUser(request);
  const { id, questionId } = await params;
  const patch = await readJsonBody(request, updateQuestionRequestSchema, { maxBytes: 64 * 1024 });
  const question = await updateQuestion(await getPrisma(), user.id, parseAssessmentId(id), parseQuestionId(questionId), patch);
  return NextResponse.json(question);
});

// PUT /api/assessments/{id}/questions/{questionId} – replace the whole question {question: {…MCQ}} (e.g. a regenerated one), keeping its id and place
export const PUT = withErrors(async (request, { params }: Context) => {
  const { user } = await requireUser(request);
  const { id, questionId } = await params;
  const body = await readJsonBody(request, replaceQuestionRequestSchema, { maxBytes: 64 * 1024 });
  const question = await replaceQuestion(await getPrisma(), user.id, parseAssessmentId(id), parseQuestionId(questionId), body.question);
  return NextResponse.json(question);
});

// DELETE /api/assessments/{id}/questions/{questionId} – delete a question; the rest close up
export const DELETE = withErrors(async (request, { params }: Context) => {
  const { user } = await requireUser(request);
  const { id, questionId } = await params;
  await deleteQuestion(await getPrisma(), user.id, parseAssessmentId(id), parseQuestionId(questionId));
  return new NextResponse(null, { status: 204 });
});

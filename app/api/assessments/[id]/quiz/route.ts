import { NextResponse } from "next/server";
import { parseAssessmentId } from "@/lib/assessments/read-path-ids";
import { requireUser } from "@/lib/auth/authenticate-request";
import { getLinkBaseUrl } from "@/lib/auth/reset-link";
import { getPrisma } from "@/lib/db";
import { withErrors } from "@/lib/http/respond";
import { getQuizShare } from "@/lib/quizzes/get-quiz-share";
import { publishQuiz } from "@/lib/quizzes/publish-quiz";
import { quizSettingsSchema } from "@/lib/quizzes/quiz-schemas";
import { readOptionalJsonBody } from "@/lib/quizzes/read-optional-body";
import { unpublishQuiz } from "@/lib/quizzes/unpublish-quiz";
import { updateQuizSettings } from "@/lib/quizzes/update-quiz-settings";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };
const NO_STORE = { "Cache-Control": "no-store" };
const MAX_SETTINGS_BYTES = 16 * 1024;

// GET /api/assessments/{id}/quiz – the owner's shared quiz: link, code, settings, versions; 404 before it is first published
export const GET = withErrors(async (request, { params }: Context) => {
  const { user } = await requireUser(request);
  const quiz = await getQuizShare(await getPrisma(), user.id, parseAssessmentId((await params).id), { baseUrl: getLinkBaseUrl(request) });
  return NextResponse.json(quiz, { headers: NO_STORE });
});

// POST /api/assessments/{id}/quiz – publish (or reopen, or publish changed questions as a new version) with optional settings
export const POST = withErrors(async (request, { params }: Context) => {
  const { user } = await requireUser(request);
  const id = parseAssessmentId((await params).id);
  const settings = await readOptionalJsonBody(request, quizSettingsSchema, MAX_SETTINGS_BYTES);
  const { outcome, quiz } = await publishQuiz(await getPrisma(), user.id, id, settings, { baseUrl: getLinkBaseUrl(request) });
  return NextResponse.json({ outcome, ...quiz }, { status: outcome === "created" ? 201 : 200, headers: NO_STORE });
});

// PATCH /api/assessments/{id}/quiz – change settings (closing time, review, retakes, shuffling) without republishing
export const PATCH = withErrors(async (request, { params }: Context) => {
  const { user } = await requireUser(request);
  const id = parseAssessmentId((await params).id);
  const settings = await readOptionalJsonBody(request, quizSettingsSchema, MAX_SETTINGS_BYTES);
  const quiz = await updateQuizSettings(await getPrisma(), user.id, id, settings, { baseUrl: getLinkBaseUrl(request) });
  return NextResponse.json(quiz, { headers: NO_STORE });
});

// DELETE /api/assessments/{id}/quiz – unpublish: the link says the quiz is closed; attempts and results are kept
export const DELETE = withErrors(async (request, { params }: Context) => {
  const { user } = await requireUser(request);
  const quiz = await unpublishQuiz(await getPrisma(), user.id, parseAssessmentId((await params).id), { baseUrl: getLinkBaseUrl(request) });
  return NextResponse.json(quiz, { headers: NO_STORE });
});

import { NextResponse } from "next/server";
import { listAssessmentsQuerySchema, saveFromJobRequestSchema } from "@/lib/assessments/assessment-schemas";
import { listAssessments } from "@/lib/assessments/list-assessments";
import { saveAssessmentFromJob } from "@/lib/assessments/save-assessment-from-job";
import { requireUser } from "@/lib/auth/authenticate-request";
import { getPool, getPrisma } from "@/lib/db";
import { validationError } from "@/lib/errors";
import { readJsonBody } from "@/lib/http/read-body";
import { withErrors } from "@/lib/http/respond";
import { withIdempotency } from "@/lib/idempotency/with-idempotency";

export const dynamic = "force-dynamic";

// GET /api/assessments?page=&page_size=&q= – the caller's assessments, paged, newest first, searchable by title
export const GET = withErrors(async (request) => {
  const { user } = await requireUser(request);
  const query = listAssessmentsQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw validationError(query.error);
  const page = await listAssessments(await getPrisma(), user.id, query.data);
  return NextResponse.json(page, { headers: { "Cache-Control": "no-store" } });
});

// POST /api/assessments – save a finished generation job {job_id, title?}; 201, or 200 if already saved
export const POST = withErrors(
  withIdempotency(async (request) => {
    const { user } = await requireUser(request);
    const body = await readJsonBody(request, saveFromJobRequestSchema, { maxBytes: 16 * 1024 });
    const saved = await saveAssessmentFromJob(await getPool(), await getPrisma(), user.id, body);
    return NextResponse.json({ status: "saved", ...saved }, { status: saved.created ? 201 : 200 });
  }),
);

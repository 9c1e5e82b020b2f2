import { NextResponse } from "next/server";
import { saveAssessmentRequestSchema } from "@/lib/assessments/assessment-schemas";
import { saveAssessment } from "@/lib/assessments/save-assessment";
import { requireUser } from "@/lib/auth/authenticate-request";
import { readEdumateJson } from "@/lib/auth/read-request";
import { getPrisma } from "@/lib/db";
import { withErrors } from "@/lib/http/respond";
import { withIdempotency } from "@/lib/idempotency/with-idempotency";

export const dynamic = "force-dynamic";

// POST /api/assessments/save – EduMate's save: {chapter_name, bloom_factors, content_json} → {"status": "saved", "id"}
export const POST = withErrors(
  withIdempotency(async (request) => {
    const { user } = await requireUser(request);
    const body = await readEdumateJson(request, saveAssessmentRequestSchema, 4 * 1024 * 1024);
    const id = await saveAssessment(await getPrisma(), user.id, body);
    return NextResponse.json({ status: "saved", id });
  }),
);

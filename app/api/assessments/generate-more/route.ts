import { NextResponse } from "next/server";
import { generateMoreQuestions, generateMoreRequestSchema } from "@/lib/assessments/generate-more-questions";
import { authenticateRequest } from "@/lib/auth/authenticate-request";
import { getPool, getPrisma } from "@/lib/db";
import { readJsonBody } from "@/lib/http/read-body";
import { withErrors } from "@/lib/http/respond";
import { withIdempotency } from "@/lib/idempotency/with-idempotency";
import { limitGeneration } from "@/lib/rate-limit/limit-generation";
import { rateLimitHeaders } from "@/lib/rate-limit/rate-limit";

export const dynamic = "force-dynamic";

// POST /api/assessments/generate-more – queue more questions from a saved assessment's or an unsaved job's material, avoiding its stems
export const POST = withErrors(
  withIdempotency(
    async (request) => {
      const auth = await authenticateRequest(request);
      const body = await readJsonBody(request, generateMoreRequestSchema, { maxBytes: 1024 * 1024 });
      const db = await getPool();
      // The same budget as /api/generate: each call is a generation.
      const rateLimit = await limitGeneration(db, request, auth);
      const { jobId } = await generateMoreQuestions(db, await getPrisma(), body, { userId: auth?.user.id });
      return NextResponse.json({ status: "queued", job_id: jobId }, { status: 202, headers: rateLimitHeaders(rateLimit) });
    },
    { maxBytes: 1024 * 1024 },
  ),
);

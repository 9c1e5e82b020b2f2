import { NextResponse } from "next/server";
import { authenticateRequest } from "@/lib/auth/authenticate-request";
import { getPool } from "@/lib/db";
import { chooseGenerator, createGenerationJob } from "@/lib/generation/create-generation-job";
import { generateRequestSchema, MAX_TEXT_BYTES } from "@/lib/generation/generate-request";
import { readJsonBody } from "@/lib/http/read-body";
import { withErrors } from "@/lib/http/respond";
import { withIdempotency } from "@/lib/idempotency/with-idempotency";
import { limitGeneration } from "@/lib/rate-limit/limit-generation";
import { rateLimitHeaders } from "@/lib/rate-limit/rate-limit";
import { prepareCallback } from "@/lib/webhooks/callback-url";

export const dynamic = "force-dynamic";

// POST /api/generate – queue a generation job for pasted text, or for a collection or document retrieved by query
export const POST = withErrors(
  withIdempotency(
    async (request) => {
      const auth = await authenticateRequest(request);
      // Room for JSON escaping around the 2 MB of text the schema allows.
      const body = await readJsonBody(request, generateRequestSchema, { maxBytes: MAX_TEXT_BYTES * 2 });
      // A generator this server lacks is refused before it costs the caller a generation.
      chooseGenerator(body.generator);
      const callback = await prepareCallback(body.callback_url, auth);
      const db = await getPool();
      // Counted once the request is valid: the budget is for generations, not for typos.
      const rateLimit = await limitGeneration(db, request, auth);
      const { jobId } = await createGenerationJob(db, body, { userId: auth?.user.id, ...callback });
      return NextResponse.json({ status: "queued", job_id: jobId }, { status: 202, headers: rateLimitHeaders(rateLimit) });
    },
    { maxBytes: MAX_TEXT_BYTES * 2 },
  ),
);

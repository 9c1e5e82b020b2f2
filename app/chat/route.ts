import { NextResponse } from "next/server";
import { authenticateRequest } from "@/lib/auth/authenticate-request";
import { getPool } from "@/lib/db";
import { readChatRequest } from "@/lib/documents/chat-request";
import { chooseGenerator, createGenerationJob } from "@/lib/generation/create-generation-job";
import { withErrors } from "@/lib/http/respond";
import { withIdempotency } from "@/lib/idempotency/with-idempotency";
import { limitGeneration } from "@/lib/rate-limit/limit-generation";
import { rateLimitHeaders } from "@/lib/rate-limit/rate-limit";
import { prepareCallback, readCallbackUrlParam } from "@/lib/webhooks/callback-url";

export const dynamic = "force-dynamic";

// POST /chat?query=…&collection_name=…&blooms_requirements=…&callback_url=… – EduMate's generation from a collection → {status: "queued", job_id}
export const POST = withErrors(
  withIdempotency(async (request) => {
    const auth = await authenticateRequest(request);
    const chat = readChatRequest(request);
    chooseGenerator(chat.generator);
    const callback = await prepareCallback(readCallbackUrlParam(request), auth);
    const db = await getPool();
    const rateLimit = await limitGeneration(db, request, auth);
    // An unknown collection is a 404 here, not a failed job later.
    const { jobId } = await createGenerationJob(db, chat, { userId: auth?.user.id, ...callback });
    return NextResponse.json({ status: "queued", job_id: jobId }, { headers: rateLimitHeaders(rateLimit) });
  }),
);

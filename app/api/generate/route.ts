import { NextResponse } from "next/server";
import { getPool } from "@/lib/db";
import { createGenerationJob } from "@/lib/generation/create-generation-job";
import { generateRequestSchema, MAX_TEXT_BYTES } from "@/lib/generation/generate-request";
import { readJsonBody } from "@/lib/http/read-body";
import { withErrors } from "@/lib/http/respond";

export const dynamic = "force-dynamic";

// POST /api/generate – queue a generation job for pasted material
export const POST = withErrors(async (request) => {
  // Room for JSON escaping around the 2 MB of text the schema allows.
  const body = await readJsonBody(request, generateRequestSchema, { maxBytes: MAX_TEXT_BYTES * 2 });
  const { jobId } = await createGenerationJob(await getPool(), body);
  return NextResponse.json({ status: "queued", job_id: jobId }, { status: 202 });
});

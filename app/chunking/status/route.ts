import { NextResponse } from "next/server";
import { getPool } from "@/lib/db";
import { getChunkingStatus } from "@/lib/documents/get-chunking-status";
import { jsonError, withErrors } from "@/lib/http/respond";

export const dynamic = "force-dynamic";

// GET /chunking/status?job_id=… – an upload's indexing status: queued, started, chunked + result, failed + sentence, or null
export const GET = withErrors(async (request) => {
  const jobId = new URL(request.url).searchParams.get("job_id");
  // FastAPI answered a missing required parameter with 422; EduMate's clients know that status.
  if (jobId === null) return jsonError("unprocessable", "job_id is required");
  const status = await getChunkingStatus(await getPool(), jobId);
  return NextResponse.json(status, { headers: { "Cache-Control": "no-store" } });
});

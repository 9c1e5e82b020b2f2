import { NextResponse } from "next/server";
import { getPool } from "@/lib/db";
import { getJobStatus } from "@/lib/jobs/get-job-status";
import { withErrors } from "@/lib/http/respond";

export const dynamic = "force-dynamic";

// GET /api/job_status?job_id=… – status of a generation job, in the EduMate contract's shapes
export const GET = withErrors(async (request) => {
  const jobId = new URL(request.url).searchParams.get("job_id");
  const status = await getJobStatus(await getPool(), jobId);
  // Polled every second or two: never cached, always the row as it is now.
  return NextResponse.json(status, { headers: { "Cache-Control": "no-store" } });
});

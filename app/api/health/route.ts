import { NextResponse } from "next/server";
import { getPool } from "@/lib/db";
import { describeError, log } from "@/lib/log";

export const dynamic = "force-dynamic";

// GET /api/health – 200 when the database answers, 503 otherwise
export async function GET() {
  try {
    const pool = await getPool();
    await pool.query("SELECT 1");
    return NextResponse.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    log.warn("health check failed", describeError(error));
    return NextResponse.json({ status: "unavailable", detail: "The database is not answering" }, { status: 503 });
  }
}

import { NextResponse } from "next/server";

export const dynamic = "force-dynamic";

// GET /api/health/live – the process answers (no database round trip); the benchmark's baseline too
export function GET() {
  return NextResponse.json({ status: "ok" });
}

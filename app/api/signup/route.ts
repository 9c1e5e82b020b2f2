import { NextResponse } from "next/server";
import { readEdumateJson } from "@/lib/auth/read-request";
import { signUpRequestSchema } from "@/lib/auth/schemas";
import { signUpUser } from "@/lib/auth/sign-up-user";
import { withErrors } from "@/lib/http/respond";
import { rateLimitHeaders } from "@/lib/rate-limit/rate-limit";

export const dynamic = "force-dynamic";

// POST /api/signup – create an account (EduMate): JSON {name, email, password} → {id, name, email}
export const POST = withErrors(async (request) => {
  const body = await readEdumateJson(request, signUpRequestSchema, 16 * 1024);
  const { user, rateLimit } = await signUpUser(request, body);
  return NextResponse.json({ id: user.id, name: user.name, email: user.email }, { headers: rateLimitHeaders(rateLimit) });
});

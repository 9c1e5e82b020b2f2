import { NextResponse } from "next/server";
import { readEdumateJson } from "@/lib/auth/read-request";
import { FORGOT_PASSWORD_MESSAGE, requestPasswordReset } from "@/lib/auth/request-password-reset";
import { forgotPasswordRequestSchema } from "@/lib/auth/schemas";
import { withErrors } from "@/lib/http/respond";
import { rateLimitHeaders } from "@/lib/rate-limit/rate-limit";

export const dynamic = "force-dynamic";

// POST /api/forgot-password – mail a reset link if the account exists; the same answer either way
export const POST = withErrors(async (request) => {
  const { email } = await readEdumateJson(request, forgotPasswordRequestSchema, 16 * 1024);
  const rateLimit = await requestPasswordReset(request, email);
  return NextResponse.json({ message: FORGOT_PASSWORD_MESSAGE }, { headers: rateLimitHeaders(rateLimit) });
});

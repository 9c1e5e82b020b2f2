import { NextResponse } from "next/server";
import { readFormFields } from "@/lib/auth/read-request";
import { loginFormSchema } from "@/lib/auth/schemas";
import { signInWithPassword } from "@/lib/auth/sign-in-with-password";
import { validationError } from "@/lib/errors";
import { withErrors } from "@/lib/http/respond";
import { rateLimitHeaders } from "@/lib/rate-limit/rate-limit";

export const dynamic = "force-dynamic";

// POST /api/login – form-encoded username (email) and password → {"access_token", "token_type": "bearer"}
export const POST = withErrors(async (request) => {
  const parsed = loginFormSchema.safeParse(await readFormFields(request));
  if (!parsed.success) throw validationError(parsed.error, "unprocessable");
  const { token, rateLimit } = await signInWithPassword(request, { email: parsed.data.username, password: parsed.data.password });
  return NextResponse.json(
    { access_token: token, token_type: "bearer" },
    { headers: { ...rateLimitHeaders(rateLimit), "Cache-Control": "no-store" } },
  );
});

import { NextResponse } from "next/server";
import { readEdumateJson } from "@/lib/auth/read-request";
import { RESET_PASSWORD_MESSAGE, resetPassword } from "@/lib/auth/reset-password";
import { resetPasswordRequestSchema } from "@/lib/auth/schemas";
import { withErrors } from "@/lib/http/respond";

export const dynamic = "force-dynamic";

// POST /api/reset-password – set a new password with a reset token {token, new_password}
export const POST = withErrors(async (request) => {
  const body = await readEdumateJson(request, resetPasswordRequestSchema, 16 * 1024);
  await resetPassword(body);
  return NextResponse.json({ message: RESET_PASSWORD_MESSAGE });
});

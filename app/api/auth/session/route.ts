import { NextResponse } from "next/server";
import { authenticateRequest, toPublicUser } from "@/lib/auth/authenticate-request";
import { assertSameSite, isHttpsRequest } from "@/lib/auth/request-origin";
import { signInRequestSchema } from "@/lib/auth/schemas";
import { forwardAuthCookies } from "@/lib/auth/session-cookie";
import { signInWithPassword } from "@/lib/auth/sign-in-with-password";
import { expiredSessionCookie, signOut } from "@/lib/auth/sign-out";
import { readJsonBody } from "@/lib/http/read-body";
import { withErrors } from "@/lib/http/respond";
import { rateLimitHeaders } from "@/lib/rate-limit/rate-limit";

export const dynamic = "force-dynamic";

// GET /api/auth/session – who is signed in: {user: {id, name, email}} or {user: null}
export const GET = withErrors(async (request) => {
  const auth = await authenticateRequest(request);
  return NextResponse.json({ user: auth ? toPublicUser(auth.user) : null }, { headers: { "Cache-Control": "no-store" } });
});

// POST /api/auth/session – the browser's sign-in: JSON {email, password} → session cookie
export const POST = withErrors(async (request) => {
  // Refused from another site even without a cookie: it could sign the victim into its own account.
  assertSameSite(request);
  const body = await readJsonBody(request, signInRequestSchema, { maxBytes: 16 * 1024 });
  const { user, cookies, rateLimit } = await signInWithPassword(request, body);
  const response = NextResponse.json({ user }, { headers: { ...rateLimitHeaders(rateLimit), "Cache-Control": "no-store" } });
  forwardAuthCookies(cookies, request, response.headers);
  return response;
});

// DELETE /api/auth/session – sign out: ends this session (cookie or login token) and clears the cookie
export const DELETE = withErrors(async (request) => {
  await signOut(await authenticateRequest(request));
  const response = new NextResponse(null, { status: 204 });
  response.headers.append("Set-Cookie", expiredSessionCookie(isHttpsRequest(request)));
  return response;
});

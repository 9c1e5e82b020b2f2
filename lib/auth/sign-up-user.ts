import { getPool } from "../db";
import { AppError } from "../errors";
import { getClientIp } from "../rate-limit/client-ip";
import { assertWithinRateLimit, consumeRateLimit, type RateLimitState } from "../rate-limit/rate-limit";
import { RATE_LIMITS } from "../rate-limit/rules";
import { getAuth } from "./auth";
import { getAuthErrorCode, isUniqueViolation } from "./auth-error-code";
import type { AuthenticatedUser } from "./authenticate-request";
import type { SignUpRequest } from "./schemas";

async function isEmailRegistered(email: string): Promise<boolean> {
  const { rows } = await (await getPool()).query(`SELECT 1 FROM users WHERE email = $1`, [email.toLowerCase()]);
  return rows.length > 0;
}

function alreadyRegistered(): AppError {
  return new AppError("bad_request", "Email already registered");
}

/**
 * Creates an account with a scrypt-hashed password. Emails are lowercased by better-auth, so
 * "Ann@X.org" and "ann@x.org" are one account; a duplicate is EduMate's 400 "Email already
 * registered", also when two sign-ups race and the unique index decides.
 */
export async function signUpUser(request: Request, input: SignUpRequest): Promise<{ user: AuthenticatedUser; rateLimit: RateLimitState }> {
  const rateLimit = await consumeRateLimit(await getPool(), RATE_LIMITS.signupPerIp, getClientIp(request));
  assertWithinRateLimit(rateLimit, "Too many sign-ups from this address.");
  const auth = await getAuth();
  try {
    const { user, token } = await auth.api.signUpEmail({
      body: { name: input.name, email: input.email, password: input.password },
      headers: new Headers({ "user-agent": request.headers.get("user-agent") ?? "" }),
    });
    // better-auth signs the new user in; EduMate's sign-up does not, so that session is ended here.
    if (token) await (await auth.$context).internalAdapter.deleteSession(token);
    return { user: { id: Number(user.id), name: user.name, email: user.email }, rateLimit };
  } catch (error) {
    const code = getAuthErrorCode(error);
    if (code?.startsWith("USER_ALREADY_EXISTS") || isUniqueViolation(error)) throw alreadyRegistered();
    // A sign-up that lost a race on the unique index surfaces as a failed create.
    if (code === "FAILED_TO_CREATE_USER" && (await isEmailRegistered(input.email))) throw alreadyRegistered();
    if (code === "INVALID_EMAIL") throw new AppError("unprocessable", "email is not a valid email address");
    throw error;
  }
}

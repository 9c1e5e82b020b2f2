import { AppError } from "../errors";
import { getAuth } from "./auth";
import { getAuthErrorCode } from "./auth-error-code";
import type { ResetPasswordRequest } from "./schemas";

export const RESET_PASSWORD_MESSAGE = "Password has been reset successfully";

/**
 * Sets a new password with a reset token. The token is spent in the same transaction that changes
 * the password and deletes every session of the user, so it works once and every device signed in
 * before (including whoever asked for the reset) is signed out.
 */
export async function resetPassword(input: ResetPasswordRequest): Promise<void> {
  const auth = await getAuth();
  const context = await auth.$context;
  // better-auth answers "invalid" for an expired token too; EduMate's clients expect to be told.
  const pending = await context.internalAdapter.findVerificationValue(`reset-password:${input.token}`);
  if (pending && new Date(pending.expiresAt).getTime() <= Date.now()) throw new AppError("bad_request", "Reset token has expired");
  try {
    await auth.api.resetPassword({ body: { token: input.token, newPassword: input.new_password } });
  } catch (error) {
    const code = getAuthErrorCode(error);
    if (code === "INVALID_TOKEN" || code === "USER_NOT_FOUND") throw new AppError("bad_request", "Invalid token");
    if (code === "PASSWORD_TOO_SHORT" || code === "PASSWORD_TOO_LONG") {
      throw new AppError("unprocessable", "new_password must be 8 to 128 characters");
    }
    throw error;
  }
}

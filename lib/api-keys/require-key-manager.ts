import { requireUser, type Authentication } from "../auth/authenticate-request";
import { AppError } from "../errors";

/**
 * The signed-in user, for managing API keys. A key cannot create or revoke keys, so one that leaks
 * cannot be used to mint replacements before its owner revokes it.
 */
export async function requireKeyManager(request: Request): Promise<Authentication> {
  const auth = await requireUser(request);
  if (auth.via === "api-key") throw new AppError("forbidden", "API keys cannot manage API keys; sign in to do that");
  return auth;
}

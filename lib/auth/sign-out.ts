import { getAuth, SESSION_COOKIE_NAME } from "./auth";
import type { Authentication } from "./authenticate-request";

/** Ends the caller's session (cookie or login token). An API key has no session: revoke it instead. */
export async function signOut(auth: Authentication | null): Promise<void> {
  if (!auth?.sessionToken) return;
  const instance = await getAuth();
  await (await instance.$context).internalAdapter.deleteSession(auth.sessionToken);
}

/** A Set-Cookie that removes the session cookie, with the attributes it was set with. */
export function expiredSessionCookie(secure: boolean): string {
  return `${SESSION_COOKIE_NAME}=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}

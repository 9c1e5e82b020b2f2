import { cookies } from "next/headers";
import { getAuth } from "./auth";
import type { AuthenticatedUser } from "./authenticate-request";

/**
 * The user whose session cookie came with this page request, or null. For server components and
 * pages; route handlers use authenticateRequest, which also checks where a change comes from.
 */
export async function getCurrentUser(): Promise<AuthenticatedUser | null> {
  const cookie = (await cookies()).toString();
  if (!cookie) return null;
  const auth = await getAuth();
  const found = await auth.api.getSession({ headers: new Headers({ cookie }) });
  return found ? { id: Number(found.user.id), name: found.user.name, email: found.user.email } : null;
}

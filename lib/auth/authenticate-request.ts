import { authenticateApiKey } from "../api-keys/authenticate-api-key";
import { isApiKeyShaped } from "../api-keys/api-key-format";
import { getPool } from "../db";
import { AppError } from "../errors";
import { getAuth } from "./auth";
import { assertSameSite, isSafeMethod } from "./request-origin";

export interface AuthenticatedUser {
  id: number;
  name: string;
  email: string;
}

export interface Authentication {
  user: AuthenticatedUser;
  /** session: the browser's cookie; bearer: a login token from POST /api/login; api-key: a personal key. */
  via: "session" | "bearer" | "api-key";
  /** The session's token (session and bearer), so signing out can end exactly that session. */
  sessionToken?: string;
  apiKeyId?: string;
}

const BEARER = /^bearer\s+(.+)$/i;

function invalidToken(): AppError {
  return new AppError("unauthorized", "Invalid token", { headers: { "WWW-Authenticate": "Bearer" } });
}

/**
 * Who is calling, or null for an anonymous request. The one place every route learns it:
 * - `Authorization: Bearer <token>` is a login token or an API key (`blm_…`); a token that is not
 *   valid is a 401 "Invalid token", never silently anonymous;
 * - otherwise the session cookie; a stale cookie is simply anonymous. A cookie-carrying request that
 *   changes something must come from our own pages: another site's is a 403 (CSRF). Bearer
 *   requests need no such check, since a browser never attaches them on its own.
 */
export async function authenticateRequest(request: Request): Promise<Authentication | null> {
  const authorization = request.headers.get("authorization");
  const bearer = authorization ? BEARER.exec(authorization.trim())?.[1]?.trim() : undefined;
  if (bearer) return authenticateBearer(bearer);

  const cookie = request.headers.get("cookie");
  if (!cookie) return null;
  const auth = await getAuth();
  const found = await auth.api.getSession({ headers: new Headers({ cookie }) });
  if (!found) return null;
  if (!isSafeMethod(request)) assertSameSite(request);
  return { user: toUser(found.user), via: "session", sessionToken: found.session.token };
}

async function authenticateBearer(token: string): Promise<Authentication> {
  if (isApiKeyShaped(token)) {
    const owner = await authenticateApiKey(await getPool(), token);
    if (!owner) throw invalidToken();
    return { user: owner.user, via: "api-key", apiKeyId: owner.apiKeyId };
  }
  const auth = await getAuth();
  const found = await auth.api.getSession({ headers: new Headers({ authorization: `Bearer ${token}` }) });
  if (!found) throw invalidToken();
  return { user: toUser(found.user), via: "bearer", sessionToken: found.session.token };
}

function toUser(user: { id: string | number; name: string; email: string }): AuthenticatedUser {
  return { id: Number(user.id), name: user.name, email: user.email };
}

/** The caller, or a 401 `{"detail": "Not authenticated"}` with `WWW-Authenticate: Bearer`, as EduMate answers. */
export async function requireUser(request: Request): Promise<Authentication> {
  const found = await authenticateRequest(request);
  if (!found) throw new AppError("unauthorized", "Not authenticated", { headers: { "WWW-Authenticate": "Bearer" } });
  return found;
}

/** The public shape of a user on EduMate's routes: `{id, name, email}`. */
export function toPublicUser(user: AuthenticatedUser): AuthenticatedUser {
  return { id: user.id, name: user.name, email: user.email };
}

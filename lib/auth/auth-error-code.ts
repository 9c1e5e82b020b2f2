import { APIError } from "better-auth/api";

/** better-auth's error code (e.g. "INVALID_EMAIL_OR_PASSWORD"), or undefined for any other error. */
export function getAuthErrorCode(error: unknown): string | undefined {
  if (!(error instanceof APIError)) return undefined;
  const code = (error.body as { code?: unknown } | undefined)?.code;
  return typeof code === "string" ? code : undefined;
}

/** A Postgres unique violation surfacing through Prisma (P2002) or pg (23505). */
export function isUniqueViolation(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const candidate = current as { code?: unknown; cause?: unknown };
    if (candidate.code === "P2002" || candidate.code === "23505") return true;
    current = candidate.cause;
  }
  return false;
}

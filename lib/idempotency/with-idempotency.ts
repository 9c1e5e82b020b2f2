import { z } from "zod";
import { authenticateRequest } from "../auth/authenticate-request";
import { getPool } from "../db";
import { env } from "../env";
import { AppError } from "../errors";
import { getClientIp } from "../rate-limit/client-ip";
import { fingerprintRequest } from "./fingerprint-request";
import {
  claimIdempotencyKey,
  releaseIdempotencyKey,
  storeIdempotentResponse,
  sweepIdempotencyKeys,
  type StoredResponse,
} from "./idempotency-store";

export const IDEMPOTENCY_HEADER = "Idempotency-Key";
/** Set on an answer replayed from an earlier request with the same key. */
export const REPLAYED_HEADER = "Idempotent-Replayed";

export const idempotencyKeySchema = z
  .string()
  .regex(/^[\x21-\x7e]{1,255}$/, "Idempotency-Key must be 1 to 255 visible ASCII characters, such as a UUID")
  .meta({
    description:
      "Makes a retry safe: the same key and the same request within 24 hours get the first answer again (same status, body and job id) instead of doing the work twice. The same key with a different request is a 422. Keys belong to the caller: the user, or the client's IP address when anonymous.",
    examples: ["5f0c1d2e-8a43-4b1e-9c57-0d6a2b7e4f10"],
  });

// Longer than any request takes; a claim this old belonged to an instance that died mid-request.
const LOCK_SECONDS = 60;
const WAIT_STEP_MS = 100;
const SWEEP_PROBABILITY = 0.01;

type Handler<C> = (request: Request, context: C) => Promise<Response>;

/**
 * Wraps a POST that creates something so that `Idempotency-Key` makes it safe to retry. Requests
 * without the header run as before. With it: the first request runs and, when it succeeds (2xx),
 * its answer is kept for IDEMPOTENCY_TTL_SECONDS; the same caller sending the same key and request
 * gets that answer back; a concurrent twin waits for the first to finish and gets its answer; the
 * same key with another request is a 422. Failures are not kept, so a retry can still succeed.
 *
 * Keys are scoped per user, or per IP address for anonymous callers: job ids are capabilities for
 * anonymous jobs, and a key alone (often logged, never secret) must not hand one to a stranger.
 */
export function withIdempotency<C>(handler: Handler<C>, { maxBytes = 8 * 1024 * 1024 }: { maxBytes?: number } = {}): Handler<C> {
  return async (request, context) => {
    const header = request.headers.get(IDEMPOTENCY_HEADER);
    if (header === null) return handler(request, context);
    const key = idempotencyKeySchema.safeParse(header);
    if (!key.success) throw new AppError("bad_request", key.error.issues[0].message, { issues: [{ path: IDEMPOTENCY_HEADER, message: key.error.issues[0].message }] });

    const auth = await authenticateRequest(request);
    const scope = auth ? `user:${auth.user.id}` : `ip:${getClientIp(request)}`;
    const fingerprint = await fingerprintRequest(request, maxBytes);
    const db = await getPool();
    if (Math.random() < SWEEP_PROBABILITY) await sweepIdempotencyKeys(db);

    const deadline = Date.now() + env.IDEMPOTENCY_WAIT_SECONDS * 1000;
    for (;;) {
      const claim = await claimIdempotencyKey(db, {
        scope,
        key: key.data,
        fingerprint,
        ttlSeconds: env.IDEMPOTENCY_TTL_SECONDS,
        lockSeconds: LOCK_SECONDS,
      });
      if (claim.kind === "replay") return replay(claim.response);
      if (claim.kind === "mismatch") {
        throw new AppError("unprocessable", "This Idempotency-Key was already used with a different request; use a new key for a new request");
      }
      if (claim.kind === "owner") return runAndKeep(handler, request, context, { db, scope, key: key.data, token: claim.token });
      if (Date.now() > deadline) {
        throw new AppError("conflict", "A request with this Idempotency-Key is still being processed; retry in a moment");
      }
      await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
    }
  };
}

async function runAndKeep<C>(
  handler: Handler<C>,
  request: Request,
  context: C,
  { db, scope, key, token }: { db: Awaited<ReturnType<typeof getPool>>; scope: string; key: string; token: Date },
): Promise<Response> {
  let response: Response;
  try {
    response = await handler(request, context);
  } catch (error) {
    await releaseIdempotencyKey(db, scope, key, token);
    throw error;
  }
  if (!response.ok) {
    await releaseIdempotencyKey(db, scope, key, token);
    return response;
  }
  const body = new Uint8Array(await response.arrayBuffer());
  const headers: Record<string, string> = {};
  // A cookie belongs to the request that set it; everything else is part of the answer.
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") headers[name] = value;
  });
  await storeIdempotentResponse(db, scope, key, token, { status: response.status, headers, body });
  return new Response(body, { status: response.status, headers: response.headers });
}

function replay(stored: StoredResponse): Response {
  const body = stored.status === 204 || stored.status === 304 ? null : stored.body;
  return new Response(body as BodyInit | null, { status: stored.status, headers: { ...stored.headers, [REPLAYED_HEADER]: "true" } });
}

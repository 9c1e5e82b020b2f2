import { z } from "zod";
import type { Authentication } from "../auth/authenticate-request";
import { AppError, validationError } from "../errors";
import { addressPolicyFromEnv, type AddressPolicy } from "./address-policy";
import { CallbackRefusedError, CallbackUnresolvableError, resolveCheckedAddress, type LookupHost } from "./resolve-host";

export const MAX_CALLBACK_URL_LENGTH = 2048;

/**
 * `callback_url` on any request that starts a job: where to POST the job's final status. The shape
 * is checked here; where it points is checked by `prepareCallback` once the host is resolved.
 */
export const callbackUrlSchema = z
  .string({ error: "callback_url must be a string: the http(s) address to POST the job's result to" })
  .max(MAX_CALLBACK_URL_LENGTH, `callback_url is longer than ${MAX_CALLBACK_URL_LENGTH} characters`)
  .superRefine((value, ctx) => {
    const url = URL.canParse(value) ? new URL(value) : null;
    if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) {
      ctx.addIssue({ code: "custom", message: "callback_url must be an absolute http:// or https:// URL" });
    } else if (url.username || url.password) {
      ctx.addIssue({ code: "custom", message: "callback_url must not contain a user name or password" });
    }
  })
  .meta({
    description:
      "Where Bloomery POSTs the job's final status (the body GET /job_status would return), signed in the Bloomery-Signature header. Needs an API key or a signed-in user; private, loopback and link-local addresses are refused.",
    examples: ["https://lms.example.edu/hooks/bloomery"],
  });

const callbackParamSchema = z.object({ callback_url: callbackUrlSchema.optional() });

/** `callback_url` from the query string of a route that takes no body (POST /chat); malformed → 422, as EduMate's query errors. */
export function readCallbackUrlParam(request: Request): string | undefined {
  const value = new URL(request.url).searchParams.get("callback_url") ?? undefined;
  const parsed = callbackParamSchema.safeParse({ callback_url: value });
  if (!parsed.success) throw validationError(parsed.error, "unprocessable");
  return parsed.data.callback_url;
}

/** What enqueueJob needs to deliver a webhook when the job ends. */
export interface CallbackOptions {
  callbackUrl?: string;
  apiKeyId?: string;
}

/**
 * Checks a request's callback_url before the job is queued: only a caller with a signing secret (a
 * user, by session, login token or API key) may ask for one, and its host must resolve to addresses
 * the policy allows. Delivery checks again, since DNS answers change.
 */
export async function prepareCallback(
  callbackUrl: string | undefined,
  auth: Authentication | null,
  { policy = addressPolicyFromEnv(), lookupHost }: { policy?: AddressPolicy; lookupHost?: LookupHost } = {},
): Promise<CallbackOptions> {
  if (callbackUrl === undefined) return {};
  if (!auth) {
    throw new AppError("unauthorized", "callback_url needs an API key or a signed-in user: webhooks are signed with your secret", {
      headers: { "WWW-Authenticate": "Bearer" },
    });
  }
  const url = new URL(callbackUrl);
  try {
    await resolveCheckedAddress(url.hostname, policy, lookupHost);
  } catch (error) {
    if (error instanceof CallbackRefusedError) throw callbackError(`callback_url is refused: ${error.message}`);
    if (error instanceof CallbackUnresolvableError) throw callbackError(`callback_url cannot be used: ${error.message}`);
    throw error;
  }
  return { callbackUrl, apiKeyId: auth.via === "api-key" ? auth.apiKeyId : undefined };
}

function callbackError(message: string): AppError {
  return new AppError("bad_request", message, { issues: [{ path: "callback_url", message }] });
}

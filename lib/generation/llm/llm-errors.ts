import { JobFailedError } from "@/lib/jobs/job-errors";

export type LlmFailureKind =
  | "unreachable"
  | "timeout"
  | "unauthorized"
  | "model_not_found"
  | "endpoint_not_found"
  | "rate_limited"
  | "server_error"
  | "rejected_request";

/**
 * A call to the language model server that failed for good (retries, if any, are spent). The
 * message is safe to log: the API key is redacted from anything the server said.
 */
export class LlmCallError extends Error {
  constructor(
    readonly kind: LlmFailureKind,
    message: string,
    readonly details: { status?: number; attempts?: number; serverMessage?: string; model?: string; timeoutMs?: number } = {},
  ) {
    super(message);
    this.name = "LlmCallError";
  }
}

/** The sentence the person who asked for the job reads; never a stack trace, never the key. */
export function describeLlmFailure(error: LlmCallError): string {
  const { details } = error;
  switch (error.kind) {
    case "unreachable":
      return "The language model server could not be reached; check LLM_BASE_URL and that the server is running.";
    case "timeout":
      return `The language model server did not answer within ${(details.timeoutMs ?? 0) / 1000} seconds, ${attemptsText(details.attempts)}; check LLM_TIMEOUT_SECONDS or the server's load.`;
    case "unauthorized":
      return "The language model server rejected the API key.";
    case "model_not_found":
      return `The language model server has no model named "${details.model}"; check LLM_MODEL.`;
    case "endpoint_not_found":
      return "The language model server has no chat completions endpoint at the configured address; check LLM_BASE_URL (it usually ends in /v1).";
    case "rate_limited":
      return `The language model server kept refusing requests as too many (HTTP 429), ${attemptsText(details.attempts)}; try again later.`;
    case "server_error":
      return `The language model server failed (HTTP ${details.status ?? "error"}) ${attemptsText(details.attempts)}; try again later.`;
    case "rejected_request":
      return `The language model server refused the request${details.serverMessage ? `: ${details.serverMessage}` : "."}`;
  }
}

function attemptsText(attempts = 1): string {
  return attempts === 1 ? "on the only attempt" : `on all ${attempts} attempts`;
}

/** Wraps a failed call as the job's failure so its message reaches the user. */
export function toJobFailure(error: LlmCallError): JobFailedError {
  return new JobFailedError(describeLlmFailure(error), { cause: error });
}

/** Removes the key from text a server sent back (OpenAI echoes a rejected key in its message). */
export function redactSecret(text: string, secret: string | undefined): string {
  let redacted = text;
  if (secret && secret.length >= 4) redacted = redacted.split(secret).join("[redacted]");
  // Keys in the usual shapes, even ones we did not send (a proxy may echo its own).
  return redacted.replace(/\b(sk|rk|pk|key|gsk|xai)-[A-Za-z0-9_\-]{8,}/g, "[redacted]").replace(/\bAIza[0-9A-Za-z_\-]{20,}/g, "[redacted]");
}

import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from "openai";
import { z } from "zod";
import { log } from "@/lib/log";
import { CallLimiter } from "./call-limiter";
import { describeServer, type LlmConfig } from "./llm-config";
import { LlmCallError, redactSecret } from "./llm-errors";

export interface RetryPolicy {
  /** Further attempts after the first, for 429, 5xx, timeouts and lost connections. */
  maxRetries: number;
  /** First backoff; each retry doubles it, with jitter, up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A server's Retry-After is honoured up to this long; beyond it the normal backoff applies. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 3, baseDelayMs: 1_000, maxDelayMs: 20_000, maxRetryAfterMs: 60_000 };

export interface ChatMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

export type ResponseFormat =
  | { type: "json_schema"; json_schema: { name: string; schema: Record<string, unknown>; strict?: boolean } }
  | { type: "json_object" };

export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
}

export interface ChatReply {
  content: string;
  finishReason: string | null;
  usage: TokenUsage;
  durationMs: number;
}

// Servers differ in what they fill in; only the message text is needed, the rest may be missing.
const chatCompletionSchema = z.object({
  choices: z
    .array(
      z.object({
        message: z.object({ content: z.string().nullish() }).nullish(),
        finish_reason: z.string().nullish(),
      }),
    )
    .nullish(),
  usage: z.object({ prompt_tokens: z.number().nullish(), completion_tokens: z.number().nullish() }).nullish(),
});

const modelListSchema = z.object({ data: z.array(z.object({ id: z.string() })) });

export interface LlmClientOptions {
  retry?: Partial<RetryPolicy>;
}

/**
 * Chat completions against any OpenAI-compatible server through the official `openai` package,
 * with our own retries (the package's backoff cannot be cancelled by a job's AbortSignal), a
 * per-call timeout, and at most `maxConcurrency` calls in flight from this instance.
 */
export class LlmClient {
  readonly model: string;
  private readonly openai: OpenAI;
  private readonly limiter: CallLimiter;
  private readonly retry: RetryPolicy;

  constructor(
    private readonly config: LlmConfig,
    options: LlmClientOptions = {},
  ) {
    this.model = config.model;
    this.retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.limiter = new CallLimiter(config.maxConcurrency);
    this.openai = new OpenAI({
      baseURL: config.baseUrl,
      // The package insists on a key; servers without authentication ignore whatever is sent.
      apiKey: config.apiKey ?? "no-key",
      // Explicit nulls stop the package from reading OPENAI_* variables behind lib/env's back.
      organization: null,
      project: null,
      webhookSecret: null,
      maxRetries: 0,
      timeout: config.timeoutMs,
      logLevel: "off",
    });
  }

  /** One chat completion; throws LlmCallError once retries are spent, or the signal's reason. */
  async complete(request: { messages: ChatMessage[]; responseFormat?: ResponseFormat }, signal: AbortSignal): Promise<ChatReply> {
    return this.withRetries("chat completion", signal, async (callSignal) => {
      const started = Date.now();
      const raw = await this.openai.chat.completions.create(
        {
          model: this.config.model,
          messages: request.messages,
          ...(request.responseFormat ? { response_format: request.responseFormat } : {}),
        },
        { signal: callSignal },
      );
      const parsed = chatCompletionSchema.safeParse(raw);
      const choice = parsed.success ? parsed.data.choices?.[0] : undefined;
      const usage = parsed.success ? parsed.data.usage : undefined;
      return {
        content: choice?.message?.content ?? "",
        finishReason: choice?.finish_reason ?? null,
        usage: { promptTokens: usage?.prompt_tokens ?? 0, completionTokens: usage?.completion_tokens ?? 0 },
        durationMs: Date.now() - started,
      };
    });
  }

  /** The ids the server lists at GET /models. */
  async listModels(signal: AbortSignal): Promise<string[]> {
    return this.withRetries("model list", signal, async (callSignal) => {
      const raw = await this.openai.get("/models", { signal: callSignal });
      const parsed = modelListSchema.safeParse(raw);
      if (!parsed.success) throw new LlmCallError("rejected_request", "The server's model list is not in OpenAI's shape", { serverMessage: "the model list is not in OpenAI's shape" });
      return parsed.data.data.map((model) => model.id);
    });
  }

  private async withRetries<T>(what: string, signal: AbortSignal, call: (callSignal: AbortSignal) => Promise<T>): Promise<T> {
    const attempts = this.retry.maxRetries + 1;
    for (let attempt = 1; ; attempt++) {
      signal.throwIfAborted();
      let failure: LlmCallError;
      let retryAfterMs: number | undefined;
      try {
        return await this.limiter.run(() => {
          // The clock starts when the call leaves the queue, not while it waits for a slot.
          const callSignal = AbortSignal.any([signal, AbortSignal.timeout(this.config.timeoutMs)]);
          return call(callSignal);
        }, signal);
      } catch (error) {
        // The job's own deadline or shutdown: let the worker see its reason unchanged.
        if (signal.aborted) throw signal.reason;
        if (error instanceof LlmCallError) throw error;
        failure = this.classify(error, attempts);
        retryAfterMs = error instanceof APIError ? readRetryAfterMs(error.headers) : undefined;
      }
      const isRetryable = ["timeout", "unreachable", "rate_limited", "server_error"].includes(failure.kind);
      if (!isRetryable || attempt >= attempts) {
        log.warn("language model call failed", { what, server: describeServer(this.config.baseUrl), kind: failure.kind, status: failure.details.status, attempt });
        throw failure;
      }
      const delayMs =
        retryAfterMs !== undefined && retryAfterMs <= this.retry.maxRetryAfterMs ? retryAfterMs : this.backoffMs(attempt);
      log.info("retrying language model call", { what, kind: failure.kind, status: failure.details.status, attempt, delayMs });
      await sleep(delayMs, signal);
    }
  }

  private backoffMs(attempt: number): number {
    const exponential = Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** (attempt - 1));
    // Jitter spreads the retries of many jobs hitting the same overloaded server.
    return Math.round(exponential * (0.75 + Math.random() * 0.5));
  }

  private classify(error: unknown, attempts: number): LlmCallError {
    const base = { attempts, model: this.config.model, timeoutMs: this.config.timeoutMs };
    if (error instanceof APIUserAbortError || error instanceof APIConnectionTimeoutError || isTimeoutAbort(error)) {
      return new LlmCallError("timeout", `No answer within ${this.config.timeoutMs} ms`, base);
    }
    if (error instanceof APIConnectionError) {
      return new LlmCallError("unreachable", `Could not connect to ${describeServer(this.config.baseUrl)}`, base);
    }
    if (!(error instanceof APIError) || error.status === undefined) throw error;
    const status = error.status;
    const serverMessage = this.serverMessageOf(error);
    const details = { ...base, status, serverMessage };
    if (status === 401 || status === 403) return new LlmCallError("unauthorized", `The server refused the key (HTTP ${status})`, details);
    if (status === 404) {
      // A missing route mentions "/models" too; only a message about the model itself counts.
      const isModel =
        error.code === "model_not_found" ||
        serverMessage.includes(this.config.model) ||
        /\bmodel\b[^/]*\b(not found|does not exist|unknown)/i.test(serverMessage);
      return isModel
        ? new LlmCallError("model_not_found", `No model ${this.config.model} (HTTP 404)`, details)
        : new LlmCallError("endpoint_not_found", "No chat completions endpoint (HTTP 404)", details);
    }
    // An exhausted quota is a 429 too, but waiting does not help.
    if (status === 429 && error.code === "insufficient_quota") return new LlmCallError("rejected_request", `HTTP 429: ${serverMessage}`, details);
    if (status === 429) return new LlmCallError("rate_limited", "Rate limited (HTTP 429)", details);
    if (status === 408 || status === 409 || status >= 500) return new LlmCallError("server_error", `HTTP ${status}: ${serverMessage}`, details);
    return new LlmCallError("rejected_request", `HTTP ${status}: ${serverMessage}`, details);
  }

  private serverMessageOf(error: APIError): string {
    const body = error.error as { message?: unknown } | undefined;
    const text = typeof body?.message === "string" ? body.message : error.message.replace(/^\d{3}\s+/, "");
    return redactSecret(text, this.config.apiKey).slice(0, 300);
  }
}

function isTimeoutAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === "TimeoutError";
}

/** Retry-After as seconds or an HTTP date, or OpenAI's retry-after-ms; undefined when absent or unreadable. */
export function readRetryAfterMs(headers: Headers | undefined, now = Date.now()): number | undefined {
  if (!headers) return undefined;
  const ms = Number.parseFloat(headers.get("retry-after-ms") ?? "");
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers.get("retry-after");
  if (!value) return undefined;
  const seconds = Number(value.trim());
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

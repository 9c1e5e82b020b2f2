import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { BloomCounts } from "@/lib/generation/blooms";
import { JobFailedError } from "@/lib/jobs/job-errors";
import { apiError, chatCompletion, startFakeOpenAiServer, type FakeOpenAiServer } from "@/tests/helpers/fake-openai-server";
import { createLlmGenerator } from "./create-llm-generator";
import { LlmClient, readRetryAfterMs } from "./llm-client";
import type { LlmConfig } from "./llm-config";
import { LlmCallError } from "./llm-errors";
import { createLlmProvider } from "./llm-provider";
import { MATERIAL, answerAsModel } from "./test-fixtures";

const KEY = "sk-proj-right-key-abcdefghijklmnop";
let server: FakeOpenAiServer;
let logged: string[];

beforeAll(async () => {
  server = await startFakeOpenAiServer({ apiKey: KEY, models: ["fake-model"] });
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.requests.length = 0;
  server.maxInFlight = 0;
  server.onChat(answerAsModel);
  logged = [];
  const capture = (...args: unknown[]) => void logged.push(args.map(String).join(" "));
  vi.spyOn(console, "error").mockImplementation(capture);
  vi.spyOn(console, "log").mockImplementation(capture);
});
afterEach(() => {
  vi.restoreAllMocks();
});

function configOf(overrides: Partial<LlmConfig> = {}): LlmConfig {
  return { baseUrl: server.baseUrl, apiKey: KEY, model: "fake-model", timeoutMs: 5_000, maxConcurrency: 4, ...overrides };
}

const ONE_REMEMBER: BloomCounts = { remember: 1, understand: 0, apply: 0, analyze: 0, evaluate: 0, create: 0 };

/** Runs a one-question generation and returns the sentence the job would fail with. */
async function failureOf(config: LlmConfig, counts = ONE_REMEMBER): Promise<JobFailedError> {
  const provider = createLlmProvider(config, { retry: { baseDelayMs: 5, maxDelayMs: 20 } });
  const outcome = await createLlmGenerator(provider)({ passages: [{ text: MATERIAL }], counts }, { signal: new AbortController().signal }).catch(
    (error: unknown) => error,
  );
  if (!(outcome instanceof JobFailedError)) throw new Error(`expected the generation to fail, got ${JSON.stringify(outcome)}`);
  return outcome;
}

describe("calls to the language model server", () => {
  it("waits as long as Retry-After says after a 429, then succeeds", async () => {
    let calls = 0;
    server.onChat((request) => (calls++ === 0 ? apiError(429, "Rate limit reached", { headers: { "retry-after": "1" } }) : answerAsModel(request)));
    const provider = createLlmProvider(configOf(), { retry: { baseDelayMs: 5, maxDelayMs: 20 } });
    const result = await createLlmGenerator(provider)({ passages: [{ text: MATERIAL }], counts: ONE_REMEMBER }, { signal: new AbortController().signal });
    expect(result.mcqs).toHaveLength(1);
    const [first, second] = server.chatRequests();
    // Our own backoff is 5 ms here: only the server's Retry-After explains a wait of a second.
    expect(second.receivedAt - first.receivedAt).toBeGreaterThanOrEqual(950);
  });

  it("gives up on a server that keeps failing with 500, saying so", async () => {
    server.onChat(() => apiError(500, "The server had an error while processing your request."));
    const failure = await failureOf(configOf());
    expect(failure.userMessage).toBe("The language model server failed (HTTP 500) on all 4 attempts; try again later.");
    expect(server.chatRequests()).toHaveLength(4);
  });

  it("times out a reply slower than the per-call timeout, retrying before it gives up", async () => {
    server.onChat((request) => ({ ...answerAsModel(request), delayMs: 3_000 }));
    const failure = await failureOf(configOf({ timeoutMs: 200 }));
    expect(failure.userMessage).toMatch(/^The language model server did not answer within 0.2 seconds, on all 4 attempts/);
    expect(server.chatRequests()).toHaveLength(4);
  });

  it("says the key was rejected, without retrying and without the key anywhere", async () => {
    const wrongKey = "sk-proj-wrong-key-zyxwvutsrqponmlk";
    const failure = await failureOf(configOf({ apiKey: wrongKey }));
    expect(failure.userMessage).toBe("The language model server rejected the API key.");
    expect(server.chatRequests()).toHaveLength(1);
    // The fake server, like OpenAI, echoes the key it was sent; none of it may reach the user or the logs.
    const everything = [failure.userMessage, failure.message, JSON.stringify((failure.cause as LlmCallError).details), ...logged].join("\n");
    expect(everything).not.toContain(wrongKey);
    expect(everything).not.toContain("wrong-key");
    expect(logged.join("\n")).toMatch(/language model call failed.*"kind":"unauthorized"/);
  });

  it("says the model does not exist", async () => {
    const failure = await failureOf(configOf({ model: "gpt-nonexistent" }));
    expect(failure.userMessage).toBe('The language model server has no model named "gpt-nonexistent"; check LLM_MODEL.');
  });

  it("says a wrong base URL has no chat completions endpoint", async () => {
    const failure = await failureOf(configOf({ baseUrl: server.baseUrl.replace(/\/v1$/, "/api") }));
    expect(failure.userMessage).toMatch(/no chat completions endpoint at the configured address; check LLM_BASE_URL/);
  });

  it("says a server that is not running cannot be reached", async () => {
    const gone = await startFakeOpenAiServer();
    await gone.close();
    const failure = await failureOf(configOf({ baseUrl: gone.baseUrl }));
    expect(failure.userMessage).toBe("The language model server could not be reached; check LLM_BASE_URL and that the server is running.");
  });

  it.each([1, 2])("never has more than LLM_MAX_CONCURRENCY=%i calls in flight", async (limit) => {
    server.onChat((request) => ({ ...answerAsModel(request), delayMs: 150 }));
    const provider = createLlmProvider(configOf({ maxConcurrency: limit }));
    const counts: BloomCounts = { remember: 1, understand: 1, apply: 1, analyze: 1, evaluate: 0, create: 0 };
    const result = await createLlmGenerator(provider)({ passages: [{ text: MATERIAL }], counts }, { signal: new AbortController().signal });
    expect(result.mcqs).toHaveLength(4);
    expect(server.maxInFlight).toBe(limit);
  });

  it("lets the job's signal cancel a call in flight, with the job's own reason", async () => {
    server.onChat(() => ({ ...chatCompletion("{}"), delayMs: 10_000 }));
    const client = new LlmClient(configOf());
    const controller = new AbortController();
    const reason = new Error("Job timed out after 600 seconds");
    const call = client.complete({ messages: [{ role: "user", content: "hello" }] }, controller.signal);
    await vi.waitFor(() => expect(server.chatRequests()).toHaveLength(1));
    controller.abort(reason);
    await expect(call).rejects.toBe(reason);
  });

  it("lets the job's signal cut short a wait between retries", async () => {
    server.onChat(() => apiError(503, "Overloaded", { headers: { "retry-after": "30" } }));
    const client = new LlmClient(configOf());
    const controller = new AbortController();
    const reason = new Error("The worker is shutting down");
    const call = client.complete({ messages: [{ role: "user", content: "hello" }] }, controller.signal);
    await vi.waitFor(() => expect(server.chatRequests()).toHaveLength(1));
    controller.abort(reason);
    await expect(call).rejects.toBe(reason);
    expect(server.chatRequests()).toHaveLength(1);
  });

  it("reads Retry-After as seconds or a date, and OpenAI's retry-after-ms", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(readRetryAfterMs(new Headers({ "retry-after": "2" }), now)).toBe(2_000);
    expect(readRetryAfterMs(new Headers({ "retry-after": "Thu, 01 Jan 2026 00:00:05 GMT" }), now)).toBe(5_000);
    expect(readRetryAfterMs(new Headers({ "retry-after-ms": "250", "retry-after": "9" }), now)).toBe(250);
    expect(readRetryAfterMs(new Headers({ "retry-after": "soon" }), now)).toBeUndefined();
    expect(readRetryAfterMs(new Headers(), now)).toBeUndefined();
  });
});

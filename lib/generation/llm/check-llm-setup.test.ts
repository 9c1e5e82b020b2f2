import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { startFakeOpenAiServer, type FakeOpenAiServer, type FakeServerOptions } from "@/tests/helpers/fake-openai-server";
import { checkLlmSetup } from "./check-llm-setup";
import type { LlmConfig } from "./llm-config";
import { answerAsModel } from "./test-fixtures";

const KEY = "sk-check-right-key-0123456789";
let server: FakeOpenAiServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function startServer(options: FakeServerOptions = {}): Promise<FakeOpenAiServer> {
  server = await startFakeOpenAiServer({ apiKey: KEY, models: ["fake-model", "other-model"], ...options });
  server.onChat(answerAsModel);
  return server;
}

function configFor(fake: FakeOpenAiServer, overrides: Partial<LlmConfig> = {}): LlmConfig {
  return { baseUrl: fake.baseUrl, apiKey: KEY, model: "fake-model", timeoutMs: 5_000, maxConcurrency: 2, ...overrides };
}

function statuses(report: Awaited<ReturnType<typeof checkLlmSetup>>): Record<string, string> {
  return Object.fromEntries(report.checks.map((check) => [check.name, check.status]));
}

describe("checkLlmSetup (npm run llm:check)", () => {
  it("reports a working server: reachable, key accepted, model listed, JSON schema, one timed generation", async () => {
    const fake = await startServer();
    const report = await checkLlmSetup(configFor(fake));
    expect(statuses(report)).toEqual({ reachable: "pass", "API key": "pass", "model exists": "pass", "JSON schema": "pass", generation: "pass" });
    expect(report.isReady).toBe(true);
    const generation = report.checks.find((check) => check.name === "generation")!;
    expect(generation.detail).toMatch(/^1 valid question in 1 call\(s\), 100 prompt \+ 50 completion tokens$/);
    expect(generation.ms).toBeGreaterThanOrEqual(0);
    expect(report.server).toBe(fake.baseUrl);
  });

  it("warns, without failing, when the server has no JSON-schema support", async () => {
    const fake = await startServer({ refuseFormats: ["json_schema"] });
    const report = await checkLlmSetup(configFor(fake));
    expect(report.checks.find((check) => check.name === "JSON schema")).toMatchObject({ status: "warn", detail: "not supported; using JSON mode instead" });
    expect(report.isReady).toBe(true);
  });

  it("stops at a rejected key without spending a generation", async () => {
    const fake = await startServer();
    const report = await checkLlmSetup(configFor(fake, { apiKey: "sk-check-wrong-key-0123456789" }));
    expect(statuses(report)).toEqual({ reachable: "pass", "API key": "fail" });
    expect(report.checks[1].detail).toBe("The language model server rejected the API key.");
    expect(fake.chatRequests()).toHaveLength(0);
    expect(report.isReady).toBe(false);
  });

  it("names the models the server has when the configured one is missing", async () => {
    const fake = await startServer();
    const report = await checkLlmSetup(configFor(fake, { model: "llama-9000" }));
    expect(report.checks.at(-1)).toMatchObject({ name: "model exists", status: "fail", detail: '"llama-9000" is not among the listed models: fake-model, other-model' });
  });

  it("reports a server that is not running as unreachable", async () => {
    const gone = await startFakeOpenAiServer();
    await gone.close();
    const report = await checkLlmSetup({ baseUrl: gone.baseUrl, model: "fake-model", timeoutMs: 2_000, maxConcurrency: 1 });
    expect(report.checks).toEqual([expect.objectContaining({ name: "reachable", status: "fail", detail: expect.stringMatching(/could not be reached/) })]);
  });

  it("learns from the generation whether the model exists on a server without a model list", async () => {
    const fake = await startServer({ hasModelList: false });
    expect((await checkLlmSetup(configFor(fake))).isReady).toBe(true);
    const missing = await checkLlmSetup(configFor(fake, { model: "llama-9000" }));
    expect(statuses(missing)).toEqual({ reachable: "pass", "model exists": "fail" });
  });

  it("prints the report from the command line and exits non-zero when the setup does not work, never showing the key", async () => {
    const fake = await startServer();
    const run = async (env: Record<string, string>) => {
      const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");
      return promisify(execFile)(tsx, ["scripts/llm-check.ts"], {
        env: { PATH: process.env.PATH ?? "", NODE_ENV: "test", LOG_LEVEL: "error", LLM_BASE_URL: fake.baseUrl, LLM_MODEL: "fake-model", ...env },
        timeout: 60_000,
      }).then(
        ({ stdout }) => ({ code: 0, stdout }),
        (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
      );
    };
    const good = await run({ LLM_API_KEY: KEY });
    expect(good.code).toBe(0);
    expect(good.stdout).toMatch(/✓ generation\s+1 valid question/);
    expect(good.stdout).toMatch(/API key  set \(not shown\)/);
    expect(good.stdout).not.toContain(KEY);
    const bad = await run({ LLM_API_KEY: "sk-check-wrong-key-0123456789" });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/✗ API key\s+The language model server rejected the API key\./);
    expect(bad.stdout).not.toContain("wrong-key");
  });
});

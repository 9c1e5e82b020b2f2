import { describeJobFailure } from "@/lib/jobs/job-errors";
import { createLlmGenerator } from "./create-llm-generator";
import type { RetryPolicy } from "./llm-client";
import { describeServer, type LlmConfig } from "./llm-config";
import { describeLlmFailure, LlmCallError } from "./llm-errors";
import { createLlmProvider } from "./llm-provider";
import { UsageMeter } from "./usage-meter";

export interface SetupCheck {
  name: "reachable" | "API key" | "model exists" | "JSON schema" | "generation";
  /** "warn": works, but not the best way (e.g. no JSON schema support, so JSON mode is used). */
  status: "pass" | "warn" | "fail";
  detail: string;
  ms?: number;
}

export interface SetupReport {
  server: string;
  model: string;
  hasKey: boolean;
  checks: SetupCheck[];
  isReady: boolean;
}

const SAMPLE_MATERIAL = `The water cycle moves water between the oceans, the air and the land. Heat from the Sun makes water evaporate from oceans and lakes. As the water vapour rises it cools and condenses into tiny droplets that form clouds. When the droplets grow heavy they fall as rain or snow, which is called precipitation. Rivers and groundwater carry the water back to the sea.`;

// A check should answer within a minute or so, not wait through a long backoff.
const CHECK_RETRY: Partial<RetryPolicy> = { maxRetries: 1, baseDelayMs: 500 };

/**
 * What `npm run llm:check` reports: whether the server answers, whether it has the model,
 * whether it accepts a JSON schema, and one small real generation with its timing. Never
 * includes the key.
 */
export async function checkLlmSetup(config: LlmConfig, signal: AbortSignal = new AbortController().signal): Promise<SetupReport> {
  const provider = createLlmProvider(config, { retry: CHECK_RETRY });
  const checks: SetupCheck[] = [];
  const report = (): SetupReport => ({
    server: describeServer(config.baseUrl),
    model: config.model,
    hasKey: Boolean(config.apiKey),
    checks,
    isReady: checks.every((check) => check.status !== "fail"),
  });

  let models: string[] | null = null;
  const listStarted = Date.now();
  const keyAccepted: SetupCheck = { name: "API key", status: "pass", detail: config.apiKey ? "accepted" : "none set, and none asked for" };
  try {
    models = await provider.client.listModels(signal);
    checks.push({ name: "reachable", status: "pass", detail: `the server listed ${models.length} model(s)`, ms: Date.now() - listStarted });
    checks.push(keyAccepted);
  } catch (error) {
    if (!(error instanceof LlmCallError)) throw error;
    const ms = Date.now() - listStarted;
    if (error.kind === "unauthorized") {
      checks.push({ name: "reachable", status: "pass", detail: "the server answers", ms });
      checks.push({ name: "API key", status: "fail", detail: describeLlmFailure(error) });
      return report();
    }
    // Some servers have no model list; the generation below still shows whether they work.
    if (error.kind !== "endpoint_not_found") {
      checks.push({ name: "reachable", status: "fail", detail: describeLlmFailure(error), ms });
      return report();
    }
    checks.push({ name: "reachable", status: "pass", detail: "the server answers (it has no model list at /models)", ms });
  }
  if (models) {
    const isListed = models.includes(config.model);
    checks.push({
      name: "model exists",
      status: isListed ? "pass" : "fail",
      detail: isListed ? `"${config.model}" is listed` : `"${config.model}" is not among the listed models: ${models.slice(0, 10).join(", ") || "none"}`,
    });
    if (!isListed) return report();
  }

  const meter = new UsageMeter(config.model);
  const started = Date.now();
  try {
    const result = await createLlmGenerator(provider, { meter })(
      { passages: [{ text: SAMPLE_MATERIAL }], title: "The water cycle", counts: { remember: 1, understand: 0, apply: 0, analyze: 0, evaluate: 0, create: 0 } },
      { signal },
    );
    const ms = Date.now() - started;
    if (!models) checks.push(keyAccepted, { name: "model exists", status: "pass", detail: `"${config.model}" answered` });
    checks.push(describeJsonSupport(provider.jsonMode));
    const usage = meter.snapshot();
    checks.push({
      name: "generation",
      status: result.mcqs.length === 1 ? "pass" : "fail",
      detail: `${result.mcqs.length} valid question in ${usage.calls} call(s), ${usage.prompt_tokens} prompt + ${usage.completion_tokens} completion tokens`,
      ms,
    });
  } catch (error) {
    const ms = Date.now() - started;
    const cause = error instanceof Error && error.cause instanceof LlmCallError ? error.cause : error;
    if (!models && cause instanceof LlmCallError && cause.kind === "unauthorized") {
      checks.push({ name: "API key", status: "fail", detail: describeLlmFailure(cause) });
    } else if (!models && cause instanceof LlmCallError && cause.kind === "model_not_found") {
      checks.push({ name: "model exists", status: "fail", detail: describeLlmFailure(cause) });
    } else {
      checks.push({ name: "generation", status: "fail", detail: describeJobFailure(error), ms });
    }
  }
  return report();
}

function describeJsonSupport(mode: string): SetupCheck {
  if (mode === "json_schema") return { name: "JSON schema", status: "pass", detail: "supported" };
  // Not a failure: generation works without it, only less reliably.
  const fallback = mode === "json_object" ? "JSON mode" : "JSON asked for in the prompt";
  return { name: "JSON schema", status: "warn", detail: `not supported; using ${fallback} instead` };
}

import { LlmClient, type LlmClientOptions } from "./llm-client";
import { readLlmConfig, type LlmConfig } from "./llm-config";

/** How the server is asked for JSON, best first; a server that refuses one is asked the next way. */
export const JSON_MODES = ["json_schema", "json_object", "prompt"] as const;
export type JsonMode = (typeof JSON_MODES)[number];

/**
 * One configured server: its client (which holds the instance-wide concurrency limit) and the best
 * JSON mode it has accepted so far, remembered so later calls skip modes it refused.
 */
export interface LlmProvider {
  config: LlmConfig;
  client: LlmClient;
  jsonMode: JsonMode;
}

export function createLlmProvider(config: LlmConfig, options: LlmClientOptions = {}): LlmProvider {
  return { config, client: new LlmClient(config, options), jsonMode: "json_schema" };
}

// One provider per process, so LLM_MAX_CONCURRENCY bounds the calls of all jobs of this instance.
// Kept on globalThis (Next bundles the worker's and the routes' copies of this module separately)
// with the configuration it was made for, so a process given another configuration gets another.
const globalForLlm = globalThis as unknown as { __bloomeryLlmProvider?: { key: string; provider: LlmProvider } };

/** The provider for the configured server, or null when no language model is configured. */
export function getConfiguredLlmProvider(): LlmProvider | null {
  const config = readLlmConfig();
  if (!config) return null;
  const key = JSON.stringify(config);
  if (globalForLlm.__bloomeryLlmProvider?.key !== key) {
    globalForLlm.__bloomeryLlmProvider = { key, provider: createLlmProvider(config) };
  }
  return globalForLlm.__bloomeryLlmProvider.provider;
}

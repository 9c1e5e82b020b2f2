import { env, type Env } from "@/lib/env";

/** How to reach the language model: any server speaking OpenAI's chat completions API. */
export interface LlmConfig {
  baseUrl: string;
  /** Absent for servers that need none (Ollama, LM Studio). Never logged or returned. */
  apiKey?: string;
  model: string;
  /** Bound on one call, retries aside. */
  timeoutMs: number;
  /** Calls in flight at once from this instance. */
  maxConcurrency: number;
}

/** The configured language model, or null when the built-in generator is the only one. */
export function readLlmConfig(source: Env = env): LlmConfig | null {
  if (!source.LLM_BASE_URL || !source.LLM_MODEL) return null;
  return {
    baseUrl: source.LLM_BASE_URL,
    apiKey: source.LLM_API_KEY,
    model: source.LLM_MODEL,
    timeoutMs: source.LLM_TIMEOUT_SECONDS * 1000,
    maxConcurrency: source.LLM_MAX_CONCURRENCY,
  };
}

/** The server's address without credentials, fit for logs and the check script. */
export function describeServer(baseUrl: string): string {
  try {
    const url = new URL(baseUrl);
    url.username = "";
    url.password = "";
    url.search = "";
    return url.toString().replace(/\/$/, "");
  } catch {
    return "(invalid URL)";
  }
}

import type { TokenUsage } from "./llm-client";

/** Token usage of one job, recorded on its row for cost accounting. */
export interface LlmUsage {
  model: string;
  calls: number;
  prompt_tokens: number;
  completion_tokens: number;
}

/** Adds up the usage of every call a generation makes, failed rounds included. */
export class UsageMeter {
  private calls = 0;
  private promptTokens = 0;
  private completionTokens = 0;

  constructor(readonly model: string) {}

  add(usage: TokenUsage): void {
    this.calls++;
    this.promptTokens += usage.promptTokens;
    this.completionTokens += usage.completionTokens;
  }

  get hasCalls(): boolean {
    return this.calls > 0;
  }

  snapshot(): LlmUsage {
    return { model: this.model, calls: this.calls, prompt_tokens: this.promptTokens, completion_tokens: this.completionTokens };
  }
}

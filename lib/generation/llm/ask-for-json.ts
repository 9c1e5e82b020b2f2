import { log } from "@/lib/log";
import type { ChatMessage, ChatReply, ResponseFormat } from "./llm-client";
import { LlmCallError } from "./llm-errors";
import { JSON_MODES, type JsonMode, type LlmProvider } from "./llm-provider";
import type { UsageMeter } from "./usage-meter";

export interface JsonRequest {
  /** Must describe the JSON wanted: in the last mode the prompt is all the model has. */
  messages: ChatMessage[];
  schemaName: string;
  schema: Record<string, unknown>;
}

/**
 * Sends a request asking for JSON in the best way the server accepts: a JSON schema, else JSON
 * mode, else the prompt alone. A server that refuses a response format (a 400 or 422) is asked
 * again the next way, and the provider remembers the way that worked. The reply still has to be
 * parsed tolerantly: servers that ignore response_format answer in prose.
 */
export async function askForJson(provider: LlmProvider, request: JsonRequest, signal: AbortSignal, meter?: UsageMeter): Promise<{ reply: ChatReply; mode: JsonMode }> {
  let mode = provider.jsonMode;
  for (;;) {
    try {
      const reply = await provider.client.complete({ messages: request.messages, responseFormat: formatFor(mode, request) }, signal);
      meter?.add(reply.usage);
      if (JSON_MODES.indexOf(mode) > JSON_MODES.indexOf(provider.jsonMode)) {
        log.info("language model server refused a response format; asking for JSON another way", { from: provider.jsonMode, to: mode });
        provider.jsonMode = mode;
      }
      return { reply, mode };
    } catch (error) {
      const isRefusal = error instanceof LlmCallError && error.kind === "rejected_request" && (error.details.status === 400 || error.details.status === 422);
      if (!isRefusal || mode === "prompt") throw error;
      mode = JSON_MODES[JSON_MODES.indexOf(mode) + 1];
    }
  }
}

function formatFor(mode: JsonMode, request: JsonRequest): ResponseFormat | undefined {
  if (mode === "json_schema") return { type: "json_schema", json_schema: { name: request.schemaName, schema: request.schema, strict: true } };
  if (mode === "json_object") return { type: "json_object" };
  return undefined;
}

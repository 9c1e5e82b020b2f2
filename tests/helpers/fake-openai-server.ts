import http from "node:http";
import type { AddressInfo } from "node:net";

/** One request the fake server received, body parsed when it was JSON. */
export interface FakeRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: any;
  receivedAt: number;
  /** Set when the client hung up before the reply was sent (a cancelled or timed-out call). */
  abandonedAt?: number;
}

/** What the fake server answers: a status, headers and a JSON body, optionally after a delay. */
export interface FakeReply {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Wait this long before answering (a slow model); the wait ends if the client hangs up. */
  delayMs?: number;
  /** Close the connection without answering (a server that dies mid-request). */
  hangUp?: boolean;
}

export type FakeChatHandler = (request: FakeRequest) => FakeReply | Promise<FakeReply>;

export interface FakeServerOptions {
  /** Models GET /v1/models lists; a chat request for any other model gets OpenAI's 404. */
  models?: string[];
  /** When set, any other bearer token gets OpenAI's 401, echoing the token back as OpenAI does. */
  apiKey?: string;
  /** Response-format types the server refuses with a 400, like servers without structured output. */
  refuseFormats?: ("json_schema" | "json_object")[];
  /** False for servers without GET /v1/models (it answers 404). */
  hasModelList?: boolean;
}

export interface FakeOpenAiServer {
  /** Base URL to give the client, ending in /v1. */
  baseUrl: string;
  /** Every request received, in order. */
  requests: FakeRequest[];
  /** The chat completion requests that reached the scripted handler. */
  chatRequests(): FakeRequest[];
  /** Scripts the replies to chat completions; replaces any earlier script. */
  onChat(handler: FakeChatHandler): void;
  /** Scripts a fixed sequence of chat replies; the last one repeats once the sequence runs out. */
  replyInTurn(...replies: FakeReply[]): void;
  /** The most chat completions the server was answering at the same moment. */
  maxInFlight: number;
  close(): Promise<void>;
}

/** A chat completion body in OpenAI's shape, carrying `content` as the assistant's message. */
export function chatCompletion(
  content: string,
  { model = "fake-model", usage = { prompt_tokens: 100, completion_tokens: 50 }, finishReason = "stop" } = {},
): FakeReply {
  return {
    status: 200,
    body: {
      id: `chatcmpl-${Math.random().toString(36).slice(2)}`,
      object: "chat.completion",
      created: Math.floor(Date.now() / 1000),
      model,
      choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: finishReason }],
      usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
    },
  };
}

/** An error body in OpenAI's shape. */
export function apiError(status: number, message: string, { code = null as string | null, headers = {} as Record<string, string> } = {}): FakeReply {
  return { status, headers, body: { error: { message, type: "invalid_request_error", param: null, code } } };
}

/**
 * A small OpenAI-compatible server on loopback answering GET /v1/models and POST
 * /v1/chat/completions with scripted replies. It stands in for the external language model only.
 */
export async function startFakeOpenAiServer(options: FakeServerOptions = {}): Promise<FakeOpenAiServer> {
  const models = options.models ?? ["fake-model"];
  const requests: FakeRequest[] = [];
  let handler: FakeChatHandler = () => apiError(500, "The fake server has no scripted reply");
  let inFlight = 0;

  const state: FakeOpenAiServer = {
    baseUrl: "",
    requests,
    maxInFlight: 0,
    chatRequests: () => requests.filter((request) => request.path === "/v1/chat/completions" && request.method === "POST"),
    onChat(next) {
      handler = next;
    },
    replyInTurn(...replies) {
      let turn = 0;
      handler = () => replies[Math.min(turn++, replies.length - 1)];
    },
    close: () => close(),
  };

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    let body: unknown = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = text;
    }
    const path = (req.url ?? "/").split("?")[0];
    const request: FakeRequest = { method: req.method ?? "GET", path, headers: req.headers, body, receivedAt: Date.now() };
    requests.push(request);
    const isChat = path === "/v1/chat/completions";
    if (isChat) state.maxInFlight = Math.max(state.maxInFlight, ++inFlight);
    try {
      await send(req, res, request, await answer(request));
    } finally {
      if (isChat) inFlight--;
    }
  });

  async function answer(request: FakeRequest): Promise<FakeReply> {
    const token = /^Bearer (.*)$/.exec(request.headers.authorization ?? "")?.[1] ?? "";
    if (options.apiKey !== undefined && token !== options.apiKey) {
      return apiError(401, `Incorrect API key provided: ${token}. You can find your API key at https://example.invalid.`, {
        code: "invalid_api_key",
      });
    }
    if (request.method === "GET" && request.path === "/v1/models" && options.hasModelList !== false) {
      return { status: 200, body: { object: "list", data: models.map((id) => ({ id, object: "model", created: 0, owned_by: "fake" })) } };
    }
    if (request.method !== "POST" || request.path !== "/v1/chat/completions") {
      return apiError(404, `No route for ${request.method} ${request.path}`);
    }
    const model = request.body?.model;
    if (!models.includes(model)) {
      return apiError(404, `The model \`${model}\` does not exist or you do not have access to it.`, { code: "model_not_found" });
    }
    const format = request.body?.response_format?.type;
    if (format && options.refuseFormats?.includes(format)) {
      return apiError(400, `response_format of type '${format}' is not supported by this server`);
    }
    return handler(request);
  }

  async function send(req: http.IncomingMessage, res: http.ServerResponse, request: FakeRequest, reply: FakeReply): Promise<void> {
    if (reply.delayMs) {
      let isClientGone = false;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, reply.delayMs);
        res.on("close", () => {
          isClientGone = true;
          clearTimeout(timer);
          resolve();
        });
      });
      if (isClientGone) {
        request.abandonedAt = Date.now();
        return;
      }
    }
    if (reply.hangUp) {
      req.socket.destroy();
      return;
    }
    res.writeHead(reply.status ?? 200, { "content-type": "application/json", ...reply.headers });
    res.end(reply.body === undefined ? "" : JSON.stringify(reply.body));
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  state.baseUrl = `http://127.0.0.1:${port}/v1`;

  function close(): Promise<void> {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(() => resolve()));
  }

  return state;
}

import http from "node:http";
import type { AddressInfo } from "node:net";

/** One POST the receiver got, body as the raw text signed by the sender. */
export interface ReceivedWebhook {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface ReceiverReply {
  status: number;
  headers?: Record<string, string>;
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** Resolves once `count` requests have arrived; rejects after `timeoutMs`. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedWebhook[]>;
  close(): Promise<void>;
}

/**
 * A webhook receiver on loopback for tests: answers each request as `reply` says (by its 0-based
 * turn), 200 by default. It stands in for the API consumer's server.
 */
export async function startWebhookReceiver(reply: (turn: number, request: ReceivedWebhook) => ReceiverReply = () => ({ status: 200 })): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const request = { path: req.url ?? "/", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
    const turn = received.length;
    received.push(request);
    const answer = reply(turn, request);
    res.writeHead(answer.status, { "content-type": "text/plain", ...answer.headers });
    res.end(answer.status < 300 ? "ok" : "not ok");
    for (const waiter of waiters.filter((candidate) => received.length >= candidate.count)) waiter.resolve();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    waitFor(count, timeoutMs = 20_000) {
      if (received.length >= count) return Promise.resolve(received);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`only ${received.length} of ${count} webhooks arrived`)), timeoutMs);
        waiters.push({ count, resolve: () => (clearTimeout(timer), resolve(received)) });
      });
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

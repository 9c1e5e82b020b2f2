// Generate a quiz with Bloomery's API, wait for it (webhook or polling) and save it.
//
//   BLOOMERY_URL=http://localhost:3000 BLOOMERY_API_KEY=blm_… \
//     npx tsx examples/typescript/generate-quiz.ts --material notes.txt --blooms "3 remember, 2 apply" --out quiz.json
//
// Add --webhook to be told by Bloomery instead of asking every two seconds: the script listens on
// --listen (host:port, default 127.0.0.1:8787) and gives Bloomery --public-url (default
// http://<listen>/bloomery) as callback_url; BLOOMERY_WEBHOOK_SECRET (Settings → API keys, the
// secret of the key you use) verifies each delivery. Needs Node 20 and nothing else.
import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { parseArgs } from "node:util";

type JobStatus =
  | { status: null | "queued" | "canceled" }
  | { status: "started"; progress?: { done: number; total: number; stage?: string } }
  | { status: "finished"; result: { mcqs: Question[] } }
  | { status: "failed"; error: string };
interface Question {
  question: string;
  options: string[];
  correct_answer: string;
  bloom_level: string;
  explanation: string;
}

/** A small client on fetch: every call sends the key and turns an error answer into an exception. */
class Bloomery {
  constructor(
    private readonly baseUrl: string,
    private readonly apiKey: string,
  ) {}

  async call<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const response = await fetch(new URL(path, this.baseUrl), {
        method,
        headers: { Authorization: `Bearer ${this.apiKey}`, ...(body ? { "Content-Type": "application/json" } : {}), ...headers },
        body: body ? JSON.stringify(body) : undefined,
      }).catch((error: Error) => error);
      // A network error or an overloaded server is worth a retry; with an Idempotency-Key it is safe.
      const isRetryable = response instanceof Error || response.status === 429 || response.status >= 500;
      if (isRetryable && attempt < 4) {
        const wait = response instanceof Error ? 2 : Number(response.headers.get("Retry-After") ?? 2);
        await sleep(Math.min(wait, 60) * 1000);
        continue;
      }
      if (response instanceof Error) throw response;
      const answer = (await response.json()) as T & { error?: { message: string } };
      if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${answer.error?.message ?? JSON.stringify(answer)}`);
      return answer;
    }
  }

  generate(request: { text: string; title?: string; blooms?: string; callback_url?: string }) {
    // One key for this generation: if the answer is lost and we send again, Bloomery does not start a second job.
    return this.call<{ job_id: string }>("POST", "/api/generate", request, { "Idempotency-Key": randomUUID() });
  }

  async waitByPolling(jobId: string): Promise<JobStatus> {
    for (;;) {
      const status = await this.call<JobStatus>("GET", `/api/job_status?job_id=${jobId}`);
      if (status.status === "finished" || status.status === "failed" || status.status === null) return status;
      await sleep(2000);
    }
  }

  save(jobId: string, title: string) {
    return this.call<{ id: number; question_count: number }>("POST", "/api/assessments", { job_id: jobId, title });
  }
}

/** Bloomery-Signature is t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<body>">; refuse old ones (replays). */
function isSignatureValid(secret: string, header: string | undefined, body: string): boolean {
  const fields = Object.fromEntries((header ?? "").split(",").map((part) => part.split("=") as [string, string]));
  const timestamp = Number(fields.t);
  if (!Number.isInteger(timestamp) || Math.abs(Date.now() / 1000 - timestamp) > 300) return false;
  const expected = createHmac("sha256", secret).update(`${timestamp}.${body}`).digest();
  const given = Buffer.from(fields.v1 ?? "", "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Listens for Bloomery's POST; resolves with the job's final status once a signed delivery for it arrives. */
async function listenForWebhook(listen: string, secret: string) {
  const [host, port] = listen.split(":");
  const received = new Map<string, JobStatus>();
  let notify = () => {};
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    if (!isSignatureValid(secret, request.headers["bloomery-signature"] as string | undefined, body)) {
      response.writeHead(401).end("bad signature");
      return;
    }
    // Answer at once; Bloomery retries anything but a 2xx.
    response.writeHead(204).end();
    received.set(String(request.headers["bloomery-job-id"]), JSON.parse(body) as JobStatus);
    notify();
  });
  await new Promise<void>((resolve) => server.listen(Number(port), host, resolve));
  return {
    close: () => server.close(),
    waitFor: async (jobId: string): Promise<JobStatus> => {
      while (!received.has(jobId)) await new Promise<void>((resolve) => (notify = resolve));
      return received.get(jobId)!;
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main() {
  const { values } = parseArgs({
    options: {
      material: { type: "string" },
      title: { type: "string", default: "Generated quiz" },
      blooms: { type: "string", default: "3 remember, 2 understand, 1 apply" },
      out: { type: "string", default: "quiz.json" },
      webhook: { type: "boolean", default: false },
      listen: { type: "string", default: "127.0.0.1:8787" },
      "public-url": { type: "string" },
    },
  });
  const apiKey = process.env.BLOOMERY_API_KEY;
  if (!values.material || !apiKey) throw new Error("Give --material <file> and set BLOOMERY_API_KEY");
  const bloomery = new Bloomery(process.env.BLOOMERY_URL ?? "http://localhost:3000", apiKey);

  let webhook: Awaited<ReturnType<typeof listenForWebhook>> | undefined;
  if (values.webhook) {
    const secret = process.env.BLOOMERY_WEBHOOK_SECRET;
    if (!secret) throw new Error("Set BLOOMERY_WEBHOOK_SECRET to verify deliveries");
    webhook = await listenForWebhook(values.listen, secret);
  }
  const callbackUrl = webhook ? (values["public-url"] ?? `http://${values.listen}/bloomery`) : undefined;
  const { job_id } = await bloomery.generate({ text: readFileSync(values.material, "utf8"), title: values.title, blooms: values.blooms, callback_url: callbackUrl });
  console.log(`job ${job_id} queued; waiting by ${webhook ? "webhook" : "polling"}`);

  const status = webhook ? await webhook.waitFor(job_id) : await bloomery.waitByPolling(job_id);
  webhook?.close();
  if (status.status !== "finished") throw new Error(status.status === "failed" ? `The job failed: ${status.error}` : "The job is gone");

  const saved = await bloomery.save(job_id, values.title);
  writeFileSync(values.out, JSON.stringify({ assessment_id: saved.id, job_id, title: values.title, mcqs: status.result.mcqs }, null, 2));
  console.log(`saved ${status.result.mcqs.length} questions as assessment ${saved.id} and in ${values.out}`);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});

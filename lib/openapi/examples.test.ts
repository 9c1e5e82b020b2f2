import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { authenticateRequest } from "@/lib/auth/authenticate-request";
import { useDatabase } from "@/lib/db";
import { fingerprintRequest } from "@/lib/idempotency/fingerprint-request";
import { IDEMPOTENCY_HEADER } from "@/lib/idempotency/with-idempotency";
import { JOB_ENDED_HOOKS, JOB_KINDS } from "@/lib/jobs/registry";
import { JobWorker } from "@/lib/jobs/worker";
import { getClientIp } from "@/lib/rate-limit/client-ip";
import { useTestDatabase } from "@/tests/helpers/use-test-database";
import type { ExampleRequest, OperationDoc, ResponseExample } from "./define-operation";
import { createExampleFixtures, type ExampleFixtures } from "./example-fixtures";
import { EXAMPLE } from "./example-values";
import { API_OPERATIONS } from "./registry";
import { exportedMethods, findRouteFiles } from "./route-files";

// The fixture's webhook receiver lives on loopback, which this file's configuration allows; a twin
// request in progress is waited for one second before the documented 409.
const savedEnv = vi.hoisted(() => {
  const saved = { WEBHOOK_ALLOWED_NETWORKS: process.env.WEBHOOK_ALLOWED_NETWORKS, IDEMPOTENCY_WAIT_SECONDS: process.env.IDEMPOTENCY_WAIT_SECONDS };
  process.env.WEBHOOK_ALLOWED_NETWORKS = "127.0.0.0/8";
  process.env.IDEMPOTENCY_WAIT_SECONDS = "1";
  return saved;
});

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

const db = useTestDatabase();
let worker: JobWorker;
let fixtures: ExampleFixtures;
const handlers = new Map<string, Handler>();

beforeAll(async () => {
  worker = new JobWorker({
    pool: db.pool,
    url: db.url,
    kinds: JOB_KINDS,
    concurrency: 2,
    leaseSeconds: 3600,
    ttlSeconds: 3600,
    pollMs: 50,
    onJobEnded: JOB_ENDED_HOOKS,
  });
  await worker.start();
  for (const route of findRouteFiles()) {
    const module = (await import(/* @vite-ignore */ route.file)) as Record<string, Handler>;
    for (const method of exportedMethods(module)) handlers.set(`${method} ${route.path}`, module[method]);
  }
  fixtures = await createExampleFixtures(db.pool);
}, 240_000);

afterAll(async () => {
  await worker?.stop(1000);
  await fixtures?.receiver.close();
  for (const [name, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

/** Swaps each EXAMPLE stand-in for the fixture's real value, in one pass so no swap feeds another. */
function substitute<T>(value: T): T {
  const strings = fixtures.replacements.filter(([from]) => typeof from === "string") as [string, string | number][];
  const pattern = new RegExp(
    strings
      .map(([from]) => from)
      .sort((a, b) => b.length - a.length)
      .map((from) => from.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
      .join("|"),
    "g",
  );
  const lookup = new Map(fixtures.replacements.map(([from, to]) => [String(from), to]));
  const walk = (item: unknown): unknown => {
    if (typeof item === "number") return typeof lookup.get(String(item)) === "number" ? lookup.get(String(item)) : item;
    if (typeof item === "string") {
      const whole = lookup.get(item);
      if (whole !== undefined) return typeof whole === "number" && typeof item === "string" ? String(whole) : whole;
      return item.replace(pattern, (match) => String(lookup.get(match)));
    }
    if (Array.isArray(item)) return item.map(walk);
    if (item && typeof item === "object") return Object.fromEntries(Object.entries(item).map(([key, entry]) => [key, walk(entry)]));
    return item;
  };
  return walk(value) as T;
}

function buildRequest(operation: OperationDoc, call: ExampleRequest): { request: Request; params: Record<string, string> } {
  const params = call.params ?? {};
  let path = operation.path;
  for (const [name, value] of Object.entries(params)) path = path.replace(`{${name}}`, encodeURIComponent(value));
  const url = new URL(path, "http://localhost:3000");
  for (const [name, value] of Object.entries(call.query ?? {})) url.searchParams.set(name, value);
  const headers = new Headers(call.headers);
  let body: BodyInit | undefined;
  if (call.json !== undefined) {
    body = JSON.stringify(call.json);
    headers.set("content-type", "application/json");
  } else if (call.form) {
    body = new URLSearchParams(call.form).toString();
    headers.set("content-type", "application/x-www-form-urlencoded");
  } else if (call.multipart) {
    const form = new FormData();
    for (const [name, value] of Object.entries(call.multipart)) {
      form.set(name, typeof value === "string" ? value : new File([value.content], value.filename, { type: value.type }));
    }
    body = form;
  } else if (call.raw) {
    body = call.raw.text;
    if (call.raw.contentType) headers.set("content-type", call.raw.contentType);
  }
  return { request: new Request(url, { method: operation.method, headers, body }), params };
}

async function send(operation: OperationDoc, call: ExampleRequest): Promise<Response> {
  const handler = handlers.get(`${operation.method} ${operation.path}`);
  if (!handler) throw new Error(`no route for ${operation.method} ${operation.path}`);
  const { request, params } = buildRequest(operation, call);
  return handler(request, { params: Promise.resolve(params) });
}

const typeOf = (value: unknown) => (value === null ? "null" : Array.isArray(value) ? "array" : typeof value);

function isVarying(path: string[], varies: string[]): boolean {
  return varies.some((pattern) => {
    const parts = pattern === "" ? [] : pattern.split(".");
    return parts.length === path.length && parts.every((part, index) => part === "*" || part === path[index]);
  });
}

/** Where the live answer differs from the documented one, outside the paths that vary. */
function differences(actual: unknown, expected: unknown, varies: string[], path: string[] = []): string[] {
  const at = path.join(".") || "(body)";
  if (isVarying(path, varies)) return typeOf(actual) === typeOf(expected) ? [] : [`${at}: documented a ${typeOf(expected)}, got ${JSON.stringify(actual)}`];
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return [`${at}: documented ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
    return expected.flatMap((item, index) => differences(actual[index], item, varies, [...path, String(index)]));
  }
  if (expected && typeof expected === "object") {
    if (typeOf(actual) !== "object") return [`${at}: documented an object, got ${JSON.stringify(actual)}`];
    const actualKeys = Object.keys(actual as object).sort();
    const expectedKeys = Object.keys(expected).sort();
    const keyProblems = JSON.stringify(actualKeys) === JSON.stringify(expectedKeys) ? [] : [`${at}: documented keys ${expectedKeys}, got ${actualKeys}`];
    return [
      ...keyProblems,
      ...expectedKeys.filter((key) => key in (actual as object)).flatMap((key) => differences((actual as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key], varies, [...path, key])),
    ];
  }
  return actual === expected ? [] : [`${at}: documented ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
}

async function prepare(operation: OperationDoc, example: ResponseExample, call: ExampleRequest): Promise<() => Promise<void>> {
  if (example.given === "rate-limit-used-up") {
    const ip = call.headers?.["X-Forwarded-For"] ?? EXAMPLE.limitedIp;
    const keys = (operation.rateLimits ?? []).map((rule) => `${rule.name}:${ip}`);
    for (const rule of operation.rateLimits ?? []) {
      await db.pool.query(`INSERT INTO rate_limits (key, hits, expires_at) VALUES ($1, $2, now() + make_interval(secs => $3))`, [
        `${rule.name}:${ip}`,
        rule.limit,
        rule.windowSeconds,
      ]);
    }
    return async () => void (await db.pool.query(`DELETE FROM rate_limits WHERE key = ANY($1)`, [keys]));
  }
  if (example.given === "idempotency-key-in-progress") {
    const { request } = buildRequest(operation, call);
    const auth = await authenticateRequest(request.clone());
    const scope = auth ? `user:${auth.user.id}` : `ip:${getClientIp(request)}`;
    const fingerprint = await fingerprintRequest(request, 64 * 1024 * 1024);
    await db.pool.query(
      `INSERT INTO idempotency_keys (scope, key, fingerprint, locked_at, expires_at) VALUES ($1, $2, $3, now(), now() + interval '1 hour')`,
      [scope, call.headers?.[IDEMPOTENCY_HEADER], fingerprint],
    );
    return async () => void (await db.pool.query(`DELETE FROM idempotency_keys WHERE key = $1`, [EXAMPLE.idempotencyKey]));
  }
  if (example.given === "database-unreachable") {
    await useDatabase("postgresql://bloomery:nothing@127.0.0.1:1/nowhere").catch(() => {});
    return async () => void (await useDatabase(db.url));
  }
  return async () => {};
}

async function checkExample(operation: OperationDoc, status: number, example: ResponseExample): Promise<string[]> {
  const response = operation.responses[status];
  const call = substitute(example.request);
  // The documented key is shared by several examples: each starts from a key never used.
  if (JSON.stringify(example).includes(EXAMPLE.idempotencyKey)) await db.pool.query(`DELETE FROM idempotency_keys WHERE key = $1`, [EXAMPLE.idempotencyKey]);
  for (const before of example.before ?? []) await send(operation, substitute(before));
  const restore = await prepare(operation, example, call);
  let live: Response;
  try {
    live = await send(operation, call);
  } finally {
    await restore();
  }
  const text = await live.text();
  const problems: string[] = [];
  if (live.status !== status) return [`answered ${live.status} instead of ${status}: ${text.slice(0, 400)}`];
  for (const header of response.headers ?? []) if (!live.headers.has(header)) problems.push(`no ${header} header`);
  if (operation.rateLimits?.length && (live.ok || status === 429)) {
    for (const header of ["RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", ...(status === 429 ? ["Retry-After"] : [])]) {
      if (!live.headers.has(header)) problems.push(`a rate-limited route answered without ${header}`);
    }
  }
  if (example.body === undefined) return text === "" ? problems : [...problems, `documented no body, got ${text.slice(0, 200)}`];
  if (response.mediaType) return [...problems, ...differences(text, substitute(example.body), example.varies ?? [])];
  const body = JSON.parse(text) as unknown;
  const parsed = response.schema?.safeParse(body);
  if (parsed && !parsed.success) problems.push(`the answer does not follow the documented schema: ${parsed.error.message}`);
  return [...problems, ...differences(body, substitute(example.body), example.varies ?? [])];
}

describe("every documented example, sent to the live route", () => {
  for (const operation of API_OPERATIONS) {
    it(`${operation.method} ${operation.path}`, async () => {
      const problems: string[] = [];
      for (const [status, response] of Object.entries(operation.responses)) {
        for (const example of response.examples) {
          for (const problem of await checkExample(operation, Number(status), example)) problems.push(`${status} "${example.summary}": ${problem}`);
        }
      }
      expect(problems).toEqual([]);
    });
  }
});

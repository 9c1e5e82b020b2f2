import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import type { AddressPolicy } from "./address-policy";
import { CallbackRefusedError, CallbackUnresolvableError, resolveCheckedAddress, type LookupHost, type ResolvedAddress } from "./resolve-host";

/** What one attempt came to. */
export interface PostOutcome {
  isDelivered: boolean;
  /** The receiver's HTTP status, when one answered. */
  responseStatus: number | null;
  /** Why it does not count as delivered. */
  error: string | null;
  /** Refused by the address policy: trying again cannot help. */
  isRefused: boolean;
  /** The address tried last: the callback URL, or where a redirect led. */
  url: string;
}

export interface PostWebhookOptions {
  url: string;
  body: string;
  headers: Record<string, string>;
  policy: AddressPolicy;
  timeoutMs: number;
  /** The job's signal: shutdown and the job's own timeout end the attempt. */
  signal?: AbortSignal;
  lookupHost?: LookupHost;
}

// 307 and 308 keep the method and body; 301, 302 and 303 would turn the POST into a GET and drop it.
const REPLAYABLE_REDIRECTS = new Set([307, 308]);
export const MAX_REDIRECTS = 3;
// A receiver has nothing to tell us in its body; read a little so the connection ends cleanly.
const MAX_RESPONSE_BYTES = 64 * 1024;

/**
 * POSTs a body to a callback URL. Every hop is resolved and checked against the address policy,
 * and the connection goes to the checked address itself; 307/308 redirects are followed (checked
 * the same way) up to three times, any other redirect is reported, never followed.
 */
export async function postWebhook(options: PostWebhookOptions): Promise<PostOutcome> {
  let target = new URL(options.url);
  for (let hop = 0; ; hop++) {
    const failure = (error: string, extra: Partial<PostOutcome> = {}): PostOutcome => ({
      isDelivered: false,
      responseStatus: null,
      error,
      isRefused: false,
      url: target.toString(),
      ...extra,
    });
    if (target.protocol !== "http:" && target.protocol !== "https:") {
      return failure(`${target.protocol} is not http or https`, { isRefused: true });
    }
    let address: ResolvedAddress;
    try {
      address = await resolveCheckedAddress(target.hostname, options.policy, options.lookupHost);
    } catch (error) {
      if (error instanceof CallbackRefusedError) {
        return failure(`${hop > 0 ? "redirect refused: " : "refused: "}${error.message}`, { isRefused: true });
      }
      if (error instanceof CallbackUnresolvableError) return failure(error.message);
      throw error;
    }
    let answer: { status: number; location: string | undefined };
    try {
      answer = await send(target, address, options);
    } catch (error) {
      if (options.signal?.aborted) throw options.signal.reason;
      return failure(describeNetworkError(error, options.timeoutMs));
    }
    if (answer.status >= 200 && answer.status < 300) {
      return { isDelivered: true, responseStatus: answer.status, error: null, isRefused: false, url: target.toString() };
    }
    if (answer.status >= 300 && answer.status < 400) {
      if (!REPLAYABLE_REDIRECTS.has(answer.status) || !answer.location) {
        return failure(`redirect (${answer.status}) not followed: only 307 and 308 keep the POST; point callback_url at the final address`, {
          responseStatus: answer.status,
        });
      }
      if (hop >= MAX_REDIRECTS) return failure(`more than ${MAX_REDIRECTS} redirects`, { responseStatus: answer.status });
      if (!URL.canParse(answer.location, target)) return failure(`redirect to an address that is not a URL`, { responseStatus: answer.status });
      target = new URL(answer.location, target);
      continue;
    }
    return failure(`the receiver answered ${answer.status}`, { responseStatus: answer.status });
  }
}

function send(
  target: URL,
  address: ResolvedAddress,
  { body, headers, timeoutMs, signal }: PostWebhookOptions,
): Promise<{ status: number; location: string | undefined }> {
  const isHttps = target.protocol === "https:";
  const hostname = target.hostname.replace(/^\[(.*)\]$/, "$1");
  const attemptSignal = signal ? AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]) : AbortSignal.timeout(timeoutMs);
  return new Promise((resolve, reject) => {
    const request = (isHttps ? https : http).request(
      {
        // The checked address, not the name: the name is never resolved a second time.
        host: address.address,
        family: address.family,
        port: target.port || (isHttps ? 443 : 80),
        path: `${target.pathname}${target.search}`,
        method: "POST",
        headers: { ...headers, host: target.host, "content-length": String(Buffer.byteLength(body)) },
        // TLS still verifies the certificate against the name in the URL.
        ...(isHttps && !isIP(hostname) ? { servername: hostname } : {}),
        agent: false,
        signal: attemptSignal,
      },
      (response) => {
        let received = 0;
        response.on("data", (chunk: Buffer) => {
          received += chunk.length;
          if (received > MAX_RESPONSE_BYTES) response.destroy();
        });
        const settle = () => resolve({ status: response.statusCode ?? 0, location: response.headers.location });
        response.on("end", settle);
        response.on("close", settle);
        response.on("error", settle);
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

function describeNetworkError(error: unknown, timeoutMs: number): string {
  const name = (error as { name?: string }).name;
  const code = (error as { code?: string }).code;
  if (name === "AbortError" || name === "TimeoutError" || code === "ABORT_ERR") {
    return `no answer within ${Math.round(timeoutMs / 100) / 10} s`;
  }
  if (code === "ECONNREFUSED") return "connection refused";
  if (code === "ECONNRESET") return "connection reset by the receiver";
  if (code === "EHOSTUNREACH" || code === "ENETUNREACH") return "host unreachable";
  if (code?.startsWith("ERR_TLS") || code?.includes("CERT")) return `TLS failed (${code})`;
  return `could not connect${code ? ` (${code})` : ""}`;
}

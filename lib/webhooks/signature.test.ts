import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { generateSigningSecret, signWebhookBody, verifyWebhookSignature } from "./signature";

describe("webhook signatures", () => {
  const secret = generateSigningSecret();
  const body = JSON.stringify({ status: "failed", error: "The material is too short." });
  const now = Date.UTC(2026, 10, 30, 12, 0, 0);
  const timestamp = now / 1000;

  it("is t=<unix>,v1=<hex HMAC-SHA256 of '<t>.<body>'> keyed with the whole secret", () => {
    const header = signWebhookBody(secret, body, timestamp);
    const expected = createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
    expect(header).toBe(`t=${timestamp},v1=${expected}`);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
  });

  it("verifies the body as sent and nothing else", () => {
    const header = signWebhookBody(secret, body, timestamp);
    expect(verifyWebhookSignature(secret, header, body, { now })).toBe(true);
    expect(verifyWebhookSignature(secret, header, body.replace("short", "long"), { now })).toBe(false);
    expect(verifyWebhookSignature(generateSigningSecret(), header, body, { now })).toBe(false);
    expect(verifyWebhookSignature(secret, header.replace(`t=${timestamp}`, `t=${timestamp + 1}`), body, { now })).toBe(false);
    expect(verifyWebhookSignature(secret, null, body, { now })).toBe(false);
    expect(verifyWebhookSignature(secret, "v1=abc", body, { now })).toBe(false);
  });

  it("refuses a signature older or newer than five minutes: a replay", () => {
    const header = signWebhookBody(secret, body, timestamp);
    expect(verifyWebhookSignature(secret, header, body, { now: now + 299_000 })).toBe(true);
    expect(verifyWebhookSignature(secret, header, body, { now: now + 301_000 })).toBe(false);
    expect(verifyWebhookSignature(secret, header, body, { now: now - 301_000 })).toBe(false);
  });
});

import { beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.RATE_LIMIT_FORGOT_PER_ACCOUNT = "3";
  process.env.RATE_LIMIT_FORGOT_PER_IP = "100";
});

import { createTestAccount, uniqueEmail, type TestAccount } from "@/tests/helpers/accounts";
import { useTestDatabase } from "@/tests/helpers/use-test-database";
import { callRoute } from "@/tests/helpers/call-route";
import { POST } from "./route";

const db = useTestDatabase();
let account: TestAccount;
beforeAll(async () => {
  account = await createTestAccount("forgot");
});

const forgot = (json: unknown, ip = "172.16.0.1") =>
  callRoute(POST, { method: "POST", path: "/api/forgot-password", json, headers: { "x-forwarded-for": ip, host: "bloomery.test" } });

async function mailTo(email: string): Promise<{ subject: string; text: string }[]> {
  const { rows } = await db.pool.query(`SELECT subject, text FROM dev_mailbox WHERE "to" = $1 ORDER BY created_at`, [email]);
  return rows;
}

describe("POST /api/forgot-password", () => {
  it("answers exactly the same for a known and an unknown email, and never returns a token", async () => {
    const known = await forgot({ email: account.email });
    const unknown = await forgot({ email: uniqueEmail("nobody") });
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    expect(known.body).toEqual({ message: "If the email exists, a reset link has been sent." });
    expect(unknown.body).toEqual(known.body);
    expect(JSON.stringify(known.body)).not.toMatch(/token/i);
    expect([...known.headers.keys()].sort()).toEqual([...unknown.headers.keys()].sort());
  });

  it("mails a reset link to a known address, valid 15 minutes, with the token stored only as a hash", async () => {
    const user = await createTestAccount("mailme");
    await forgot({ email: user.email.toUpperCase() });
    await vi.waitFor(async () => expect(await mailTo(user.email)).toHaveLength(1));
    const [mail] = await mailTo(user.email);
    expect(mail.subject).toBe("Reset your Bloomery password");
    const token = /http:\/\/bloomery\.test\/reset-password\?token=([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
    expect(token).toBeDefined();
    const { rows } = await db.pool.query(`SELECT identifier, expires_at FROM verifications`);
    expect(rows.some((row) => row.identifier.includes(token!))).toBe(false);
    const lifetime = Math.max(...rows.map((row) => row.expires_at.getTime())) - Date.now();
    expect(lifetime).toBeGreaterThan(14 * 60 * 1000);
    expect(lifetime).toBeLessThanOrEqual(15 * 60 * 1000);
  });

  it("sends nothing for an unknown address", async () => {
    const nobody = uniqueEmail("ghost");
    await forgot({ email: nobody });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await mailTo(nobody)).toEqual([]);
  });

  it("limits requests per account with 429 and Retry-After, for unknown addresses alike", async () => {
    const fresh = await createTestAccount("limited");
    for (const email of [fresh.email, uniqueEmail("unknown")]) {
      const statuses = [];
      for (let attempt = 0; attempt < 4; attempt++) statuses.push((await forgot({ email }, `172.16.1.${attempt}`)).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
    }
    const limited = await forgot({ email: fresh.email });
    expect(limited.headers.get("Retry-After")).toMatch(/^\d+$/);
    expect(limited.body.detail).toMatch(/Too many password-reset requests/);
  });

  it.each([
    ["a missing email", {}, /email is required/],
    ["a malformed email", { email: "no-at-sign" }, /not a valid email address/],
  ])("answers 422 for %s", async (_name, json, message) => {
    const { status, body } = await forgot(json);
    expect(status).toBe(422);
    expect(body.detail).toMatch(message);
  });
});

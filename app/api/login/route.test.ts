import { beforeAll, describe, expect, it, vi } from "vitest";

// Low limits so the 429 is reached in a few attempts; read by lib/env.ts when it loads.
vi.hoisted(() => {
  process.env.RATE_LIMIT_LOGIN_PER_ACCOUNT = "4";
  process.env.RATE_LIMIT_LOGIN_PER_IP = "6";
});

import { createTestAccount, bearer, type TestAccount } from "@/tests/helpers/accounts";
import { useTestDatabase } from "@/tests/helpers/use-test-database";
import { callRoute } from "@/tests/helpers/call-route";
import { GET as me } from "../me/route";
import { POST } from "./route";

useTestDatabase();
let account: TestAccount;
beforeAll(async () => {
  account = await createTestAccount("login");
});

let ipCounter = 0;
const freshIp = () => `192.168.7.${++ipCounter}`;
const login = (fields: Record<string, string>, ip = freshIp(), contentType = "application/x-www-form-urlencoded") =>
  callRoute(POST, {
    method: "POST",
    path: "/api/login",
    body: new URLSearchParams(fields).toString(),
    headers: { "content-type": contentType, "x-forwarded-for": ip },
  });

describe("POST /api/login", () => {
  it("answers {access_token, token_type: bearer} for the right form-encoded email and password", async () => {
    const { status, body, headers } = await login({ username: account.email, password: account.password });
    expect(status).toBe(200);
    expect(Object.keys(body)).toEqual(["access_token", "token_type"]);
    expect(body.token_type).toBe("bearer");
    expect(body.access_token).toEqual(expect.any(String));
    expect(headers.get("RateLimit-Limit")).toBe("6");
    expect(headers.get("set-cookie")).toBeNull();
    const whoAmI = await callRoute(me, { path: "/api/me", headers: bearer(body.access_token) });
    expect(whoAmI.body).toEqual({ id: account.id, name: account.name, email: account.email });
  });

  it("matches the email case-insensitively and accepts OAuth2's optional fields", async () => {
    const { status } = await login({ username: account.email.toUpperCase(), password: account.password, grant_type: "password", scope: "" });
    expect(status).toBe(200);
  });

  it("accepts a multipart form too, as FastAPI's form parser does", async () => {
    const form = new FormData();
    form.set("username", account.email);
    form.set("password", account.password);
    const { status, body } = await callRoute(POST, { method: "POST", path: "/api/login", body: form, headers: { "x-forwarded-for": freshIp() } });
    expect(status).toBe(200);
    expect(body.token_type).toBe("bearer");
  });

  it("answers the same 400 Incorrect email or password for a wrong password and an unknown email", async () => {
    const wrong = await login({ username: account.email, password: "not-the-password" });
    const unknown = await login({ username: "nobody-here@example.org", password: "whatever-it-is" });
    for (const response of [wrong, unknown]) {
      expect(response.status).toBe(400);
      expect(response.body.detail).toBe("Incorrect email or password");
    }
  });

  it.each([
    ["a missing username", { password: "x" }, /username is required/],
    ["a missing password", { username: "a@example.org" }, /password is required/],
    ["another grant_type", { username: "a@example.org", password: "x", grant_type: "client_credentials" }, /grant_type must be "password"/],
  ])("answers 422 for %s", async (_name, fields, message) => {
    const { status, body } = await login(fields as Record<string, string>);
    expect(status).toBe(422);
    expect(body.detail).toMatch(message);
  });

  it("answers 422 for a JSON body, which OAuth2's password form does not accept", async () => {
    const { status, body } = await callRoute(POST, {
      method: "POST",
      path: "/api/login",
      json: { username: account.email, password: account.password },
      headers: { "x-forwarded-for": freshIp() },
    });
    expect(status).toBe(422);
    expect(body.detail).toMatch(/form fields/);
  });

  it("limits failed attempts per account with 429 and Retry-After, even from many addresses, and then refuses the right password too", async () => {
    const victim = await createTestAccount("victim");
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      statuses.push((await login({ username: victim.email, password: `guess-${attempt}` })).status);
    }
    expect(statuses).toEqual([400, 400, 400, 400, 429]);
    const refused = await login({ username: victim.email, password: victim.password });
    expect(refused.status).toBe(429);
    expect(refused.body.detail).toMatch(/Too many failed sign-in attempts for this account/);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(refused.headers.get("RateLimit-Remaining")).toBe("0");
  });

  it("limits attempts per IP address across accounts", async () => {
    const ip = freshIp();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 7; attempt++) {
      statuses.push((await login({ username: `someone-${attempt}@example.org`, password: "guess-guess" }, ip)).status);
    }
    expect(statuses.slice(0, 6).every((status) => status === 400)).toBe(true);
    expect(statuses[6]).toBe(429);
    const other = await login({ username: account.email, password: account.password });
    expect(other.status).toBe(200);
  });

  it("clears an account's failed attempts when the right password is given", async () => {
    const user = await createTestAccount("forgetful");
    for (let attempt = 0; attempt < 3; attempt++) await login({ username: user.email, password: "wrong-wrong" });
    expect((await login({ username: user.email, password: user.password })).status).toBe(200);
    for (let attempt = 0; attempt < 3; attempt++) {
      expect((await login({ username: user.email, password: "wrong-wrong" })).status).toBe(400);
    }
  });
});

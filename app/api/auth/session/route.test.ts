import { beforeAll, describe, expect, it } from "vitest";
import { bearer, createTestAccount, type TestAccount } from "@/tests/helpers/accounts";
import { useTestDatabase } from "@/tests/helpers/use-test-database";
import { callRoute } from "@/tests/helpers/call-route";
import { GET as me } from "../../me/route";
import { DELETE, GET, POST } from "./route";

useTestDatabase();
let account: TestAccount;
beforeAll(async () => {
  account = await createTestAccount("browser");
});

const signIn = (json: unknown, headers: Record<string, string> = {}) =>
  callRoute(POST, { method: "POST", path: "/api/auth/session", json, headers: { "x-forwarded-for": "10.9.9.9", ...headers } });

/** "name=value" of the session cookie from a sign-in response. */
function cookieOf(headers: Headers): string {
  const cookie = headers.getSetCookie().find((value) => value.startsWith("bloomery.session_token="));
  if (!cookie) throw new Error("no session cookie was set");
  return cookie.split(";")[0];
}

describe("the browser session (/api/auth/session)", () => {
  it("sets an HttpOnly, SameSite=Lax session cookie that identifies the user", async () => {
    const { status, body, headers } = await signIn({ email: account.email, password: account.password });
    expect(status).toBe(200);
    expect(body.user).toEqual({ id: account.id, name: account.name, email: account.email });
    const setCookie = headers.getSetCookie().find((value) => value.startsWith("bloomery.session_token="))!;
    expect(setCookie).toMatch(/;\s*HttpOnly/i);
    expect(setCookie).toMatch(/;\s*SameSite=Lax/i);
    expect(setCookie).toMatch(/;\s*Path=\//i);
    expect(setCookie).not.toMatch(/;\s*Secure/i);
    const session = await callRoute(GET, { path: "/api/auth/session", headers: { cookie: cookieOf(headers) } });
    expect(session.body).toEqual({ user: { id: account.id, name: account.name, email: account.email } });
    expect((await callRoute(me, { path: "/api/me", headers: { cookie: cookieOf(headers) } })).body.email).toBe(account.email);
  });

  it("marks the cookie Secure behind an HTTPS proxy", async () => {
    const { headers } = await signIn({ email: account.email, password: account.password }, { "x-forwarded-proto": "https" });
    const setCookie = headers.getSetCookie().find((value) => value.startsWith("bloomery.session_token="))!;
    expect(setCookie).toMatch(/;\s*Secure/i);
    expect(setCookie).toMatch(/;\s*HttpOnly/i);
  });

  it("answers {user: null} without a session, and for a forged cookie", async () => {
    expect((await callRoute(GET, { path: "/api/auth/session" })).body).toEqual({ user: null });
    const forged = await callRoute(GET, { path: "/api/auth/session", headers: { cookie: "bloomery.session_token=abc.def" } });
    expect(forged.body).toEqual({ user: null });
  });

  it("refuses a sign-in posted from another site", async () => {
    const crossSite: Record<string, string>[] = [{ origin: "https://evil.example" }, { "sec-fetch-site": "cross-site" }, { origin: "null" }];
    for (const headers of crossSite) {
      const { status, body } = await signIn({ email: account.email, password: account.password }, headers);
      expect(status).toBe(403);
      expect(body.detail).toMatch(/Cross-site request refused/);
    }
    const sameOrigin = await signIn(
      { email: account.email, password: account.password },
      { origin: "http://localhost:3000", "sec-fetch-site": "same-origin" },
    );
    expect(sameOrigin.status).toBe(200);
  });

  it("answers 400 Incorrect email or password for wrong credentials", async () => {
    const { status, body, headers } = await signIn({ email: account.email, password: "wrong-password" });
    expect(status).toBe(400);
    expect(body.detail).toBe("Incorrect email or password");
    expect(headers.getSetCookie()).toEqual([]);
  });

  it("signs out: the session ends at once and the cookie is cleared", async () => {
    const cookie = cookieOf((await signIn({ email: account.email, password: account.password })).headers);
    const out = await callRoute(DELETE, { method: "DELETE", path: "/api/auth/session", headers: { cookie, origin: "http://localhost:3000" } });
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie()[0]).toMatch(/^bloomery\.session_token=;.*Max-Age=0/);
    expect((await callRoute(GET, { path: "/api/auth/session", headers: { cookie } })).body).toEqual({ user: null });
  });

  it("refuses a cookie-authenticated sign-out from another site, leaving the session alone", async () => {
    const cookie = cookieOf((await signIn({ email: account.email, password: account.password })).headers);
    const out = await callRoute(DELETE, { method: "DELETE", path: "/api/auth/session", headers: { cookie, origin: "https://evil.example" } });
    expect(out.status).toBe(403);
    expect((await callRoute(GET, { path: "/api/auth/session", headers: { cookie } })).body.user.email).toBe(account.email);
  });

  it("signs out a login token too", async () => {
    const other = await createTestAccount("token-out");
    expect((await callRoute(DELETE, { method: "DELETE", path: "/api/auth/session", headers: bearer(other.token) })).status).toBe(204);
    expect((await callRoute(me, { path: "/api/me", headers: bearer(other.token) })).status).toBe(401);
  });
});

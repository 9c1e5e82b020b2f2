import { describe, expect, it, vi } from "vitest";
import { bearer, createTestAccount, loginToken } from "@/tests/helpers/accounts";
import { useTestDatabase } from "@/tests/helpers/use-test-database";
import { callRoute } from "@/tests/helpers/call-route";
import { POST as forgotPassword } from "../forgot-password/route";
import { GET as me } from "../me/route";
import { POST } from "./route";

const db = useTestDatabase();

/** Asks for a reset and reads the token out of the mailed link, as the account's owner would. */
async function resetTokenFor(email: string): Promise<string> {
  const before = (await db.pool.query(`SELECT count(*)::int AS n FROM dev_mailbox WHERE "to" = $1`, [email])).rows[0].n;
  await callRoute(forgotPassword, { method: "POST", path: "/api/forgot-password", json: { email } });
  let text = "";
  await vi.waitFor(async () => {
    const { rows } = await db.pool.query(`SELECT text FROM dev_mailbox WHERE "to" = $1 ORDER BY created_at`, [email]);
    expect(rows.length).toBe(before + 1);
    text = rows[rows.length - 1].text;
  });
  return /reset-password\?token=([A-Za-z0-9_-]+)/.exec(text)![1];
}

const reset = (json: unknown) => callRoute(POST, { method: "POST", path: "/api/reset-password", json });

describe("POST /api/reset-password", () => {
  it("sets the new password, answers EduMate's message, and ends every session of the user", async () => {
    const user = await createTestAccount("reset");
    const otherDevice = await loginToken(user.email, user.password);
    const token = await resetTokenFor(user.email);
    const { status, body } = await reset({ token, new_password: "brand-new-password" });
    expect(status).toBe(200);
    expect(body).toEqual({ message: "Password has been reset successfully" });
    for (const old of [user.token, otherDevice]) {
      expect((await callRoute(me, { path: "/api/me", headers: bearer(old) })).status).toBe(401);
    }
    await expect(loginToken(user.email, user.password)).rejects.toThrow(/Incorrect email or password/);
    const fresh = await loginToken(user.email, "brand-new-password");
    expect((await callRoute(me, { path: "/api/me", headers: bearer(fresh) })).body.email).toBe(user.email);
  });

  it("accepts a token once only", async () => {
    const user = await createTestAccount("once");
    const token = await resetTokenFor(user.email);
    expect((await reset({ token, new_password: "first-new-password" })).status).toBe(200);
    const again = await reset({ token, new_password: "second-new-password" });
    expect(again.status).toBe(400);
    expect(again.body.detail).toBe("Invalid token");
    await loginToken(user.email, "first-new-password");
  });

  it("refuses an expired token with 400 Reset token has expired and keeps the password", async () => {
    const user = await createTestAccount("late");
    const token = await resetTokenFor(user.email);
    await db.pool.query(`UPDATE verifications SET expires_at = now() - interval '1 second'`);
    const { status, body } = await reset({ token, new_password: "too-late-password" });
    expect(status).toBe(400);
    expect(body.detail).toBe("Reset token has expired");
    await loginToken(user.email, user.password);
  });

  it("refuses a made-up token with 400 Invalid token", async () => {
    const { status, body } = await reset({ token: "not-a-token-we-issued", new_password: "whatever-password" });
    expect(status).toBe(400);
    expect(body.detail).toBe("Invalid token");
  });

  it("never accepts a reset token as an access token", async () => {
    const user = await createTestAccount("sneaky");
    const token = await resetTokenFor(user.email);
    const { status, body } = await callRoute(me, { path: "/api/me", headers: bearer(token) });
    expect(status).toBe(401);
    expect(body.detail).toBe("Invalid token");
    // …and it still works for what it is for.
    expect((await reset({ token, new_password: "still-usable-password" })).status).toBe(200);
  });

  it("refuses a new password shorter than 8 characters without spending the token", async () => {
    const user = await createTestAccount("short");
    const token = await resetTokenFor(user.email);
    const short = await reset({ token, new_password: "1234567" });
    expect(short.status).toBe(422);
    expect(short.body.detail).toMatch(/new_password must be at least 8 characters/);
    expect((await reset({ token, new_password: "12345678" })).status).toBe(200);
  });

  it.each([
    ["a missing token", { new_password: "long-enough-1" }, /token is required/],
    ["a missing new_password", { token: "abc" }, /new_password is required/],
  ])("answers 422 for %s", async (_name, json, message) => {
    const { status, body } = await reset(json);
    expect(status).toBe(422);
    expect(body.detail).toMatch(message);
  });
});

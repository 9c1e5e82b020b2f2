import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/helpers/use-test-database";
import { callRoute } from "@/tests/helpers/call-route";
import { POST } from "./route";

const db = useTestDatabase();

let counter = 0;
const uniqueEmail = () => `signup-${Date.now()}-${++counter}@example.org`;
const signUp = (json: unknown, ip = "10.1.0.1") =>
  callRoute(POST, { method: "POST", path: "/api/signup", json, headers: { "x-forwarded-for": ip } });

describe("POST /api/signup", () => {
  it("creates an account and answers EduMate's {id, name, email} exactly", async () => {
    const email = uniqueEmail();
    const { status, body } = await signUp({ name: "Ada Lovelace", email, password: "analytical-engine" });
    expect(status).toBe(200);
    expect(Object.keys(body)).toEqual(["id", "name", "email"]);
    expect(body).toEqual({ id: expect.any(Number), name: "Ada Lovelace", email });
    const { rows } = await db.pool.query(
      `SELECT u.email, a.password FROM users u JOIN accounts a ON a.user_id = u.id AND a.provider_id = 'credential' WHERE u.id = $1`,
      [body.id],
    );
    // Stored as a salted scrypt hash ("salt:key"), never as the password.
    expect(rows[0].password).toMatch(/^[0-9a-f]+:[0-9a-f]+$/);
    expect(rows[0].password).not.toContain("analytical-engine");
    // EduMate's sign-up opens no session; neither do we.
    expect((await db.pool.query(`SELECT count(*)::int AS n FROM sessions WHERE user_id = $1`, [body.id])).rows[0].n).toBe(0);
  });

  it("refuses a second account for the same email, whatever its case, with 400 Email already registered", async () => {
    const email = uniqueEmail();
    expect((await signUp({ name: "A", email, password: "password-one" })).status).toBe(200);
    for (const again of [email, email.toUpperCase()]) {
      const { status, body } = await signUp({ name: "B", email: again, password: "password-two" });
      expect(status).toBe(400);
      expect(body.detail).toBe("Email already registered");
    }
  });

  it("gives one account to two simultaneous sign-ups with the same email", async () => {
    const email = uniqueEmail();
    const results = await Promise.all([1, 2, 3].map(() => signUp({ name: "Racer", email, password: "password-race" })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 400, 400]);
    expect((await db.pool.query(`SELECT count(*)::int AS n FROM users WHERE email = $1`, [email])).rows[0].n).toBe(1);
  });

  it.each([
    ["a missing name", { email: "x@example.org", password: "long-enough" }, /name is required/],
    ["a missing email", { name: "X", password: "long-enough" }, /email is required/],
    ["a missing password", { name: "X", email: "x@example.org" }, /password is required/],
    ["a malformed email", { name: "X", email: "not-an-email", password: "long-enough" }, /email is not a valid email address/],
    ["a 7-character password", { name: "X", email: "x@example.org", password: "1234567" }, /at least 8 characters/],
    ["a body that is not an object", ["X"], /expected object/i],
  ])("answers 422 naming the problem for %s", async (_name, json, message) => {
    const { status, body } = await signUp(json);
    expect(status).toBe(422);
    expect(body.detail).toMatch(message);
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { bearer, createTestAccount, type TestAccount } from "@/tests/helpers/accounts";
import { useTestDatabase } from "@/tests/helpers/use-test-database";
import { callRoute } from "@/tests/helpers/call-route";
import { GET as me } from "../me/route";
import { DELETE } from "./[id]/route";
import { GET, POST } from "./route";

const db = useTestDatabase();
let alice: TestAccount;
let bob: TestAccount;
beforeAll(async () => {
  [alice, bob] = await Promise.all([createTestAccount("alice"), createTestAccount("bob")]);
});

const create = (token: string, json: unknown) => callRoute(POST, { method: "POST", path: "/api/api-keys", json, headers: bearer(token) });
const list = (token: string) => callRoute(GET, { path: "/api/api-keys", headers: bearer(token) });
// Dynamic routes type their params exactly; the helper passes them as a plain record.
const revokeRoute = DELETE as unknown as Parameters<typeof callRoute>[0];
const revoke = (token: string, id: string) =>
  callRoute(revokeRoute, { method: "DELETE", path: `/api/api-keys/${id}`, headers: bearer(token), params: { id } });

describe("API keys", () => {
  it("creates a named key shown once, stores only its hash, and lists it without the key", async () => {
    const { status, body } = await create(alice.token, { name: "Grading script" });
    expect(status).toBe(201);
    expect(body).toMatchObject({ id: expect.any(String), name: "Grading script", key: expect.stringMatching(/^blm_[A-Za-z0-9_-]{43}$/) });
    expect(body.key.startsWith(body.prefix)).toBe(true);
    const stored = (await db.pool.query(`SELECT * FROM api_keys WHERE id = $1`, [body.id])).rows[0];
    expect(JSON.stringify(stored)).not.toContain(body.key);
    const listed = await list(alice.token);
    expect(listed.body.keys).toEqual([
      { id: body.id, name: "Grading script", prefix: body.prefix, created_at: expect.any(String), last_used_at: null },
    ]);
  });

  it("authenticates every API route with Authorization: Bearer <key>", async () => {
    const { body } = await create(alice.token, { name: "CI" });
    const whoAmI = await callRoute(me, { path: "/api/me", headers: bearer(body.key) });
    expect(whoAmI.status).toBe(200);
    expect(whoAmI.body.email).toBe(alice.email);
    const listed = await list(alice.token);
    expect(listed.body.keys.find((key: { id: string }) => key.id === body.id).last_used_at).not.toBeNull();
  });

  it("refuses a revoked key at once", async () => {
    const { body } = await create(alice.token, { name: "Short-lived" });
    expect((await callRoute(me, { path: "/api/me", headers: bearer(body.key) })).status).toBe(200);
    expect((await revoke(alice.token, body.id)).status).toBe(204);
    const after = await callRoute(me, { path: "/api/me", headers: bearer(body.key) });
    expect(after.status).toBe(401);
    expect(after.body.detail).toBe("Invalid token");
    expect((await list(alice.token)).body.keys.map((key: { id: string }) => key.id)).not.toContain(body.id);
  });

  it("lets nobody else see or revoke a user's key: 404, as for a missing one", async () => {
    const { body } = await create(alice.token, { name: "Alice's" });
    expect((await list(bob.token)).body.keys).toEqual([]);
    for (const id of [body.id, "00000000-0000-4000-8000-000000000000", "not-a-uuid"]) {
      const response = await revoke(bob.token, id);
      expect(response.status).toBe(404);
      expect(response.body.detail).toBe("API key not found");
    }
    expect((await callRoute(me, { path: "/api/me", headers: bearer(body.key) })).status).toBe(200);
  });

  it("does not let a key manage keys", async () => {
    const { body } = await create(alice.token, { name: "Limited" });
    const minted = await create(body.key, { name: "Minted by a key" });
    expect(minted.status).toBe(403);
    expect(minted.body.detail).toMatch(/API keys cannot manage API keys/);
    expect((await revoke(body.key, body.id)).status).toBe(403);
  });

  it("needs a signed-in user", async () => {
    const anonymous = await callRoute(GET, { path: "/api/api-keys" });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.detail).toBe("Not authenticated");
  });

  it.each([
    ["no name", {}, /name is required/],
    ["an empty name", { name: "   " }, /name is empty/],
    ["a 101-character name", { name: "x".repeat(101) }, /longer than 100/],
  ])("refuses %s with 400", async (_name, json, message) => {
    const { status, body } = await create(bob.token, json);
    expect(status).toBe(400);
    expect(body.detail).toMatch(message);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";
import { getAuthSecret } from "./auth-secret";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

describe("getAuthSecret without BETTER_AUTH_SECRET", () => {
  it("generates one strong secret at first start, which every instance then shares", async () => {
    const secrets = await Promise.all(Array.from({ length: 8 }, () => getAuthSecret(db.pool)));
    expect(new Set(secrets).size).toBe(1);
    expect(secrets[0]).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await getAuthSecret(db.pool)).toBe(secrets[0]);
    const { rows } = await db.pool.query(`SELECT value FROM app_settings WHERE key = 'auth_secret'`);
    expect(rows).toEqual([{ value: secrets[0] }]);
  });
});

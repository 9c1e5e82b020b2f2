import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPool } from "@/lib/db";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";
import { getClientIp } from "./client-ip";
import { consumeRateLimit, resetRateLimit, sweepRateLimits, tightestState, type RateLimitRule } from "./rate-limit";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

const rule: RateLimitRule = { name: "test", limit: 10, windowSeconds: 60 };

describe("consumeRateLimit", () => {
  it("counts every hit exactly, even from many instances at once", async () => {
    // Three pools stand for three app instances sharing the database.
    const pools = [createPool(db.url, 5), createPool(db.url, 5), createPool(db.url, 5)];
    const states = await Promise.all(Array.from({ length: 30 }, (_, i) => consumeRateLimit(pools[i % 3], rule, "crowd")));
    await Promise.all(pools.map((pool) => pool.end()));
    expect(states.filter((state) => !state.isLimited)).toHaveLength(10);
    expect(states.filter((state) => state.isLimited)).toHaveLength(20);
    expect(Math.min(...states.map((state) => state.remaining))).toBe(0);
    expect(new Set(states.filter((s) => !s.isLimited).map((s) => s.remaining))).toEqual(new Set([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
  });

  it("reports the seconds left in the window, and starts a new window once it lapses", async () => {
    const first = await consumeRateLimit(db.pool, { ...rule, limit: 1 }, "lapsing");
    expect(first).toMatchObject({ limit: 1, remaining: 0, isLimited: false });
    expect(first.resetSeconds).toBeGreaterThan(55);
    expect(first.resetSeconds).toBeLessThanOrEqual(60);
    expect((await consumeRateLimit(db.pool, { ...rule, limit: 1 }, "lapsing")).isLimited).toBe(true);
    await db.pool.query(`UPDATE rate_limits SET expires_at = now() - interval '1 second' WHERE key = 'test:lapsing'`);
    expect(await consumeRateLimit(db.pool, { ...rule, limit: 1 }, "lapsing")).toMatchObject({ remaining: 0, isLimited: false });
  });

  it("keeps subjects and rules apart", async () => {
    await consumeRateLimit(db.pool, { ...rule, limit: 1 }, "ann");
    expect((await consumeRateLimit(db.pool, { ...rule, limit: 1 }, "bob")).isLimited).toBe(false);
    expect((await consumeRateLimit(db.pool, { ...rule, name: "other", limit: 1 }, "ann")).isLimited).toBe(false);
  });

  it("forgets a subject on reset, and the sweep deletes only lapsed windows", async () => {
    await consumeRateLimit(db.pool, { ...rule, limit: 1 }, "forgiven");
    await resetRateLimit(db.pool, { ...rule, limit: 1 }, "forgiven");
    expect((await consumeRateLimit(db.pool, { ...rule, limit: 1 }, "forgiven")).isLimited).toBe(false);
    await consumeRateLimit(db.pool, rule, "stale");
    await db.pool.query(`UPDATE rate_limits SET expires_at = now() - interval '1 minute' WHERE key = 'test:stale'`);
    await sweepRateLimits(db.pool);
    const { rows } = await db.pool.query(`SELECT key FROM rate_limits WHERE key IN ('test:stale', 'test:forgiven')`);
    expect(rows.map((row) => row.key)).toEqual(["test:forgiven"]);
  });
});

describe("tightestState", () => {
  it("picks a limited state, else the one with the least left", () => {
    const open = { limit: 10, remaining: 7, resetSeconds: 30, isLimited: false };
    const low = { limit: 5, remaining: 1, resetSeconds: 90, isLimited: false };
    const over = { limit: 3, remaining: 0, resetSeconds: 400, isLimited: true };
    expect(tightestState([open, low])).toBe(low);
    expect(tightestState([open, over, low])).toBe(over);
  });
});

describe("getClientIp", () => {
  const request = (forwarded?: string) => new Request("http://localhost/", { headers: forwarded ? { "x-forwarded-for": forwarded } : {} });

  it("takes the address the nearest trusted hop saw, not what the client wrote further left", () => {
    expect(getClientIp(request("203.0.113.9"), 1)).toBe("203.0.113.9");
    expect(getClientIp(request("6.6.6.6, 203.0.113.9"), 1)).toBe("203.0.113.9");
    expect(getClientIp(request("6.6.6.6, 203.0.113.9, 10.0.0.2"), 2)).toBe("203.0.113.9");
  });

  it("falls back sensibly when the header is short or missing", () => {
    expect(getClientIp(request("203.0.113.9"), 3)).toBe("203.0.113.9");
    expect(getClientIp(request(), 1)).toBe("unknown");
  });
});

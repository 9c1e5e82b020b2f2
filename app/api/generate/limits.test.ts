import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.RATE_LIMIT_GENERATE_ANONYMOUS = "2";
  process.env.RATE_LIMIT_GENERATE_SIGNED_IN = "4";
});

import { bearer, createTestAccount } from "@/tests/helpers/accounts";
import { useTestDatabase } from "@/tests/helpers/use-test-database";
import { callRoute } from "@/tests/helpers/call-route";
import { POST } from "./route";

const db = useTestDatabase();

const material = "Photosynthesis converts light energy into chemical energy. Chlorophyll absorbs light.";
const generate = (headers: Record<string, string>, json: unknown = { text: material, blooms: "1 remember" }) =>
  callRoute(POST, { method: "POST", path: "/api/generate", json, headers });

describe("POST /api/generate for accounts", () => {
  it("links a job started by a signed-in user to them, and leaves an anonymous one unlinked", async () => {
    const user = await createTestAccount("generator");
    const mine = await generate({ ...bearer(user.token), "x-forwarded-for": "10.20.0.1" });
    const anonymous = await generate({ "x-forwarded-for": "10.20.0.2" });
    const owners = await db.pool.query(`SELECT id, user_id FROM jobs WHERE id = ANY($1::uuid[])`, [[mine.body.job_id, anonymous.body.job_id]]);
    const ownerOf = new Map(owners.rows.map((row) => [row.id, row.user_id]));
    expect(ownerOf.get(mine.body.job_id)).toBe(user.id);
    expect(ownerOf.get(anonymous.body.job_id)).toBeNull();
  });

  it("limits anonymous generation per IP with 429, Retry-After and RateLimit headers", async () => {
    const ip = { "x-forwarded-for": "10.21.0.1" };
    const first = await generate(ip);
    expect(first.status).toBe(202);
    expect(first.headers.get("RateLimit-Limit")).toBe("2");
    expect(first.headers.get("RateLimit-Remaining")).toBe("1");
    expect(Number(first.headers.get("RateLimit-Reset"))).toBeGreaterThan(0);
    expect((await generate(ip)).status).toBe(202);
    const refused = await generate(ip);
    expect(refused.status).toBe(429);
    expect(refused.body.detail).toMatch(/sign in for a higher limit/);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect((await db.pool.query(`SELECT count(*)::int AS n FROM jobs WHERE payload->>'text' = $1`, [material])).rows[0].n).toBeGreaterThan(0);
    // Another address has its own budget.
    expect((await generate({ "x-forwarded-for": "10.21.0.2" })).status).toBe(202);
  });

  it("gives a signed-in user a higher limit, counted per user whatever the address", async () => {
    const user = await createTestAccount("busy");
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await generate({ ...bearer(user.token), "x-forwarded-for": `10.22.0.${i}` })).status);
    expect(statuses).toEqual([202, 202, 202, 202, 429]);
  });

  it("does not count requests it refuses as invalid", async () => {
    const ip = { "x-forwarded-for": "10.23.0.1" };
    for (let i = 0; i < 3; i++) expect((await generate(ip, { text: "" })).status).toBe(400);
    expect((await generate(ip)).status).toBe(202);
  });

  it("answers 401 Invalid token for a bad bearer token instead of generating anonymously", async () => {
    const { status, body } = await generate({ ...bearer("not-a-token"), "x-forwarded-for": "10.24.0.1" });
    expect(status).toBe(401);
    expect(body.detail).toBe("Invalid token");
  });
});

import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.RATE_LIMIT_UPLOAD_ANONYMOUS = "2";
  process.env.RATE_LIMIT_UPLOAD_SIGNED_IN = "3";
});

import { bearer, createTestAccount } from "@/tests/helpers/accounts";
import { callRoute } from "@/tests/helpers/call-route";
import { useTestDatabase } from "@/tests/helpers/use-test-database";
import { POST as uploadDocument } from "../api/documents/route";
import { POST as chunking } from "./route";

const db = useTestDatabase();

function upload(handler: typeof chunking, path: string, headers: Record<string, string>) {
  const form = new FormData();
  form.set("file", new File(["Volcanoes form where magma reaches the surface. Lava cools into rock."], "notes.txt"));
  return callRoute(handler, { method: "POST", path, body: form, headers });
}

const documentCount = async () => (await db.pool.query("SELECT count(*)::int AS n FROM documents")).rows[0].n;

describe("upload limits", () => {
  it("limits anonymous uploads per address across both upload routes, with 429, Retry-After and RateLimit headers", async () => {
    const ip = { "x-forwarded-for": "10.31.0.1" };
    const first = await upload(chunking, "/chunking", ip);
    expect(first.status).toBe(200);
    expect(first.headers.get("RateLimit-Limit")).toBe("2");
    expect(first.headers.get("RateLimit-Remaining")).toBe("1");
    expect((await upload(uploadDocument, "/api/documents", ip)).status).toBe(202);
    const before = await documentCount();
    const refused = await upload(chunking, "/chunking", ip);
    expect(refused.status).toBe(429);
    expect(refused.body.detail).toMatch(/Too many uploads from this address/);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(await documentCount()).toBe(before);
    // Another address has its own budget.
    expect((await upload(chunking, "/chunking", { "x-forwarded-for": "10.31.0.2" })).status).toBe(200);
  });

  it("counts a signed-in user's uploads per user, whatever the address", async () => {
    const user = await createTestAccount("uploader");
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await upload(uploadDocument, "/api/documents", { ...bearer(user.token), "x-forwarded-for": `10.32.0.${i}` })).status);
    }
    expect(statuses).toEqual([202, 202, 202, 429]);
  });
});

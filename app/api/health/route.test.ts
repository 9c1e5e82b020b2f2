import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, useDatabase } from "@/lib/db";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";
import { callRoute } from "@/tests/helpers/call-route";
import { GET } from "./route";
import { GET as live } from "./live/route";
import { GET as unknownApi } from "../[...path]/route";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await closeDatabase();
  await db.drop();
});

describe("GET /api/health", () => {
  it("is 200 ok when the database answers", async () => {
    await useDatabase(db.url);
    expect(await callRoute(GET, { path: "/api/health" })).toMatchObject({ status: 200, body: { status: "ok" } });
  });

  it("is 503 when the database does not answer", async () => {
    await useDatabase("postgresql://nobody:nothing@127.0.0.1:1/none").catch(() => {});
    const response = await callRoute(GET, { path: "/api/health" });
    expect(response.status).toBe(503);
    expect(response.body.status).toBe("unavailable");
    expect(await callRoute(live, { path: "/api/health/live" })).toMatchObject({ status: 200, body: { status: "ok" } });
  });
});

describe("an /api path no route claims", () => {
  it("is a JSON 404", async () => {
    const response = await callRoute(unknownApi, { path: "/api/nothing/here" });
    expect(response.status).toBe(404);
    expect(response.body.error).toEqual({ code: "not_found", message: "No API route at /api/nothing/here" });
  });
});

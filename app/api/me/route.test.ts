import { beforeAll, describe, expect, it } from "vitest";
import { createTestAccount, bearer, type TestAccount } from "@/tests/helpers/accounts";
import { useTestDatabase } from "@/tests/helpers/use-test-database";
import { callRoute } from "@/tests/helpers/call-route";
import { GET } from "./route";

const db = useTestDatabase();
let account: TestAccount;
beforeAll(async () => {
  account = await createTestAccount("me");
});

describe("GET /api/me", () => {
  it("answers {id, name, email} for a valid bearer token", async () => {
    const { status, body } = await callRoute(GET, { path: "/api/me", headers: bearer(account.token) });
    expect(status).toBe(200);
    expect(Object.keys(body)).toEqual(["id", "name", "email"]);
    expect(body).toEqual({ id: account.id, name: account.name, email: account.email });
  });

  it("answers 401 Not authenticated with WWW-Authenticate: Bearer without a token", async () => {
    const withoutToken: Record<string, string>[] = [{}, { authorization: "Basic dXNlcjpwYXNz" }, { authorization: "Bearer " }];
    for (const headers of withoutToken) {
      const { status, body, headers: responseHeaders } = await callRoute(GET, { path: "/api/me", headers });
      expect(status).toBe(401);
      expect(body.detail).toBe("Not authenticated");
      expect(responseHeaders.get("WWW-Authenticate")).toBe("Bearer");
    }
  });

  it("answers 401 Invalid token for a token that is not one of ours", async () => {
    for (const token of ["made-up", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln", "blm_not-a-real-key"]) {
      const { status, body } = await callRoute(GET, { path: "/api/me", headers: bearer(token) });
      expect(status).toBe(401);
      expect(body.detail).toBe("Invalid token");
    }
  });

  it("refuses a token whose session has expired", async () => {
    const other = await createTestAccount("expired");
    await db.pool.query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [other.id]);
    const { status, body } = await callRoute(GET, { path: "/api/me", headers: bearer(other.token) });
    expect(status).toBe(401);
    expect(body.detail).toBe("Invalid token");
  });
});

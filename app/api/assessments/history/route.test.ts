import { describe, expect, it } from "vitest";
import { bearer, createTestAccount } from "@/tests/helpers/accounts";
import { saveTestAssessment } from "@/tests/helpers/assessments";
import { useTestDatabase } from "@/tests/helpers/use-test-database";
import { callRoute } from "@/tests/helpers/call-route";
import { GET } from "./route";

useTestDatabase();

describe("GET /api/assessments/history", () => {
  it("answers a bare array of the caller's assessments, newest first, in EduMate's fields", async () => {
    const [alice, bob] = await Promise.all([createTestAccount("alice"), createTestAccount("bob")]);
    const first = await saveTestAssessment(alice.token, "Chapter 1");
    const second = await saveTestAssessment(alice.token, "Chapter 2", { mcqs: [] });
    await saveTestAssessment(bob.token, "Bob's chapter");
    const { status, body } = await callRoute(GET, { path: "/api/assessments/history", headers: bearer(alice.token) });
    expect(status).toBe(200);
    expect(Array.isArray(body)).toBe(true);
    expect(body).toEqual([
      { id: second, chapter_name: "Chapter 2", questions: 0, created_at: expect.any(String), status: "completed" },
      { id: first, chapter_name: "Chapter 1", questions: 3, created_at: expect.any(String), status: "completed" },
    ]);
    expect(Object.keys(body[0])).toEqual(["id", "chapter_name", "questions", "created_at", "status"]);
    expect(new Date(body[0].created_at).getTime()).toBeGreaterThanOrEqual(new Date(body[1].created_at).getTime());
  });

  it("answers [] for a user with nothing saved", async () => {
    const carol = await createTestAccount("carol");
    expect((await callRoute(GET, { path: "/api/assessments/history", headers: bearer(carol.token) })).body).toEqual([]);
  });

  it("answers 401 Not authenticated without a token, and 401 Invalid token for a bad one", async () => {
    const missing = await callRoute(GET, { path: "/api/assessments/history" });
    expect(missing.status).toBe(401);
    expect(missing.body.detail).toBe("Not authenticated");
    const invalid = await callRoute(GET, { path: "/api/assessments/history", headers: bearer("forged") });
    expect(invalid.status).toBe(401);
    expect(invalid.body.detail).toBe("Invalid token");
  });
});

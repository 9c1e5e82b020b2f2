import { beforeAll, describe, expect, it } from "vitest";
import { bearer, createTestAccount, type TestAccount } from "@/tests/helpers/accounts";
import { saveTestAssessment } from "@/tests/helpers/assessments";
import { useTestDatabase } from "@/tests/helpers/use-test-database";
import { callRoute } from "@/tests/helpers/call-route";
import { DELETE, GET, PATCH } from "./route";

const db = useTestDatabase();
let teacher: TestAccount;
beforeAll(async () => {
  teacher = await createTestAccount("teacher");
});

type Handler = Parameters<typeof callRoute>[0];
const call = (handler: unknown, method: string, id: string, extra: { json?: unknown; headers?: Record<string, string> } = {}) =>
  callRoute(handler as Handler, {
    method,
    path: `/api/assessments/${id}`,
    params: { id },
    headers: extra.headers ?? bearer(teacher.token),
    json: extra.json,
  });

describe("GET /api/assessments/{id}", () => {
  it("answers exactly {id, chapter_name, content: {mcqs}} with the questions in order", async () => {
    const id = await saveTestAssessment(teacher.token, "Chapter 3: Photosynthesis");
    const { status, body } = await call(GET, "GET", String(id));
    expect(status).toBe(200);
    expect(Object.keys(body)).toEqual(["id", "chapter_name", "content"]);
    expect(Object.keys(body.content)).toEqual(["mcqs"]);
    expect(body.id).toBe(id);
    expect(body.chapter_name).toBe("Chapter 3: Photosynthesis");
    expect(body.content.mcqs.map((mcq: { question: string }) => mcq.question)).toEqual([
      "What does chlorophyll absorb?",
      "Why do leaves look green?",
      "A plant kept in the dark will most likely…",
    ]);
  });

  it("answers 404 Assessment not found for an id that does not exist", async () => {
    const { status, body } = await call(GET, "GET", "999999");
    expect(status).toBe(404);
    expect(body.detail).toBe("Assessment not found");
  });

  it.each(["abc", "1.5", "-3", "1e3", "99999999999999"])("answers 422 for the id %s, which is not an integer", async (id) => {
    const { status, body } = await call(GET, "GET", id);
    expect(status).toBe(422);
    expect(body.detail).toMatch(/assessment_id must be an integer/);
  });

  it("answers 401 without a token", async () => {
    const id = await saveTestAssessment(teacher.token);
    const { status, body } = await call(GET, "GET", String(id), { headers: {} });
    expect(status).toBe(401);
    expect(body.detail).toBe("Not authenticated");
  });
});

describe("PATCH /api/assessments/{id}", () => {
  it("renames the assessment, as the history then shows", async () => {
    const id = await saveTestAssessment(teacher.token, "Old title");
    const { status, body } = await call(PATCH, "PATCH", String(id), { json: { title: "  New title  " } });
    expect(status).toBe(200);
    expect(body).toEqual({ id, title: "New title" });
    expect((await call(GET, "GET", String(id))).body.chapter_name).toBe("New title");
  });

  it.each([
    ["no title", {}, /title is required/],
    ["an empty title", { title: "  " }, /title is empty/],
    ["a 301-character title", { title: "x".repeat(301) }, /longer than 300/],
  ])("refuses %s with 400 and keeps the old title", async (_name, json, message) => {
    const id = await saveTestAssessment(teacher.token, "Kept");
    const { status, body } = await call(PATCH, "PATCH", String(id), { json });
    expect(status).toBe(400);
    expect(body.detail).toMatch(message);
    expect((await call(GET, "GET", String(id))).body.chapter_name).toBe("Kept");
  });
});

describe("DELETE /api/assessments/{id}", () => {
  it("deletes the assessment and its questions", async () => {
    const id = await saveTestAssessment(teacher.token);
    expect((await call(DELETE, "DELETE", String(id))).status).toBe(204);
    expect((await call(GET, "GET", String(id))).status).toBe(404);
    expect((await db.pool.query(`SELECT count(*)::int AS n FROM questions WHERE assessment_id = $1`, [id])).rows[0].n).toBe(0);
    expect((await call(DELETE, "DELETE", String(id))).status).toBe(404);
  });
});

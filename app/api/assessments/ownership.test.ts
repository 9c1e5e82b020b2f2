import { beforeAll, describe, expect, it } from "vitest";
import { POST as signInRoute } from "@/app/api/auth/session/route";
import { bearer, createTestAccount, type TestAccount } from "@/tests/helpers/accounts";
import { saveTestAssessment } from "@/tests/helpers/assessments";
import { useTestDatabase } from "@/tests/helpers/use-test-database";
import { callRoute } from "@/tests/helpers/call-route";
import { DELETE as deleteQuestion, PATCH as patchQuestion } from "./[id]/questions/[questionId]/route";
import { PUT as reorder } from "./[id]/questions/order/route";
import { POST as addQuestion } from "./[id]/questions/route";
import { DELETE as deleteAssessment, GET as getAssessment, PATCH as renameAssessment } from "./[id]/route";
import { GET as history } from "./history/route";
import { GET as list, POST as saveFromJob } from "./route";
import { POST as save } from "./save/route";

type Handler = Parameters<typeof callRoute>[0];

const db = useTestDatabase();
let alice: TestAccount;
let bob: TestAccount;
let aliceAssessment: number;
let aliceQuestionIds: string[];
beforeAll(async () => {
  [alice, bob] = await Promise.all([createTestAccount("alice"), createTestAccount("bob")]);
  aliceAssessment = await saveTestAssessment(alice.token, "Alice's secret quiz");
  const { rows } = await db.pool.query(`SELECT id FROM questions WHERE assessment_id = $1 ORDER BY position`, [aliceAssessment]);
  aliceQuestionIds = rows.map((row) => row.id);
});

interface Attempt {
  name: string;
  handler: unknown;
  method: string;
  path: string;
  params: Record<string, string>;
  json?: unknown;
}

/** Every route that reaches one assessment, as user B would try it on user A's. */
function attemptsOn(id: number, questionId: string): Attempt[] {
  const path = `/api/assessments/${id}`;
  return [
    { name: "read it", handler: getAssessment, method: "GET", path, params: { id: String(id) } },
    { name: "rename it", handler: renameAssessment, method: "PATCH", path, params: { id: String(id) }, json: { title: "Stolen" } },
    { name: "delete it", handler: deleteAssessment, method: "DELETE", path, params: { id: String(id) } },
    {
      name: "add a question",
      handler: addQuestion,
      method: "POST",
      path: `${path}/questions`,
      params: { id: String(id) },
      json: { question: { question: "Q?", options: ["a", "b", "c", "d"], correct_answer: "a", bloom_level: "remember", explanation: "E." } },
    },
    {
      name: "edit a question",
      handler: patchQuestion,
      method: "PATCH",
      path: `${path}/questions/${questionId}`,
      params: { id: String(id), questionId },
      json: { question: "Defaced?" },
    },
    { name: "delete a question", handler: deleteQuestion, method: "DELETE", path: `${path}/questions/${questionId}`, params: { id: String(id), questionId } },
    {
      name: "reorder its questions",
      handler: reorder,
      method: "PUT",
      path: `${path}/questions/order`,
      params: { id: String(id) },
      json: { question_ids: [...aliceQuestionIds].reverse() },
    },
  ];
}

async function aliceStillHasEverything() {
  const { rows } = await db.pool.query(`SELECT title FROM assessments WHERE id = $1`, [aliceAssessment]);
  expect(rows[0].title).toBe("Alice's secret quiz");
  const questions = await db.pool.query(`SELECT id, question FROM questions WHERE assessment_id = $1 ORDER BY position`, [aliceAssessment]);
  expect(questions.rows.map((row) => row.id)).toEqual(aliceQuestionIds);
  expect(questions.rows.some((row) => row.question === "Defaced?")).toBe(false);
}

describe("another user's assessment", () => {
  it.each(["read it", "rename it", "delete it", "add a question", "edit a question", "delete a question", "reorder its questions"])(
    "is a 404 Assessment not found when user B tries to %s, exactly as a missing one",
    async (name) => {
      const attempt = attemptsOn(aliceAssessment, aliceQuestionIds[0]).find((candidate) => candidate.name === name)!;
      const asBob = await callRoute(attempt.handler as unknown as Handler, { ...attempt, headers: bearer(bob.token) });
      const missing = attemptsOn(987654, aliceQuestionIds[0]).find((candidate) => candidate.name === name)!;
      const asBobOnMissing = await callRoute(missing.handler as unknown as Handler, { ...missing, headers: bearer(bob.token) });
      expect(asBob.status).toBe(404);
      expect(asBob.body).toEqual(asBobOnMissing.body);
      expect(asBob.body.detail).toBe("Assessment not found");
      await aliceStillHasEverything();
    },
  );

  it("never appears in user B's history or paged list", async () => {
    const bobHistory = await callRoute(history, { path: "/api/assessments/history", headers: bearer(bob.token) });
    expect(bobHistory.body).toEqual([]);
    const bobList = await callRoute(list, { path: "/api/assessments?q=secret", headers: bearer(bob.token) });
    expect(bobList.body.items).toEqual([]);
    const aliceHistory = await callRoute(history, { path: "/api/assessments/history", headers: bearer(alice.token) });
    expect(aliceHistory.body.map((entry: { id: number }) => entry.id)).toContain(aliceAssessment);
  });

  it("stays A's after all of B's attempts: A can still read it whole", async () => {
    const { status, body } = await callRoute(getAssessment as unknown as Handler, {
      path: `/api/assessments/${aliceAssessment}`,
      params: { id: String(aliceAssessment) },
      headers: bearer(alice.token),
    });
    expect(status).toBe(200);
    expect(body.content.mcqs).toHaveLength(3);
  });
});

describe("cookie-authenticated changes from another site", () => {
  let cookie: string;
  beforeAll(async () => {
    const signIn = await callRoute(signInRoute, {
      method: "POST",
      path: "/api/auth/session",
      json: { email: alice.email, password: alice.password },
      headers: { "x-forwarded-for": "10.40.0.1" },
    });
    cookie = signIn.headers.getSetCookie()[0].split(";")[0];
  });

  it("are refused with 403 on every state-changing route, and change nothing", async () => {
    for (const attempt of attemptsOn(aliceAssessment, aliceQuestionIds[0]).filter((candidate) => candidate.method !== "GET")) {
      const response = await callRoute(attempt.handler as unknown as Handler, {
        ...attempt,
        headers: { cookie, origin: "https://evil.example", "sec-fetch-site": "cross-site" },
      });
      expect(response.status, attempt.name).toBe(403);
    }
    const edumateSave = await callRoute(save, {
      method: "POST",
      path: "/api/assessments/save",
      json: { chapter_name: "Planted", bloom_factors: {}, content_json: { mcqs: [] } },
      headers: { cookie, origin: "https://evil.example" },
    });
    expect(edumateSave.status).toBe(403);
    const fromJob = await callRoute(saveFromJob, {
      method: "POST",
      path: "/api/assessments",
      json: { job_id: "00000000-0000-4000-8000-000000000000" },
      headers: { cookie, "sec-fetch-site": "same-site" },
    });
    expect(fromJob.status).toBe(403);
    await aliceStillHasEverything();
  });

  it("are accepted from our own pages", async () => {
    const response = await callRoute(renameAssessment as unknown as Handler, {
      method: "PATCH",
      path: `/api/assessments/${aliceAssessment}`,
      params: { id: String(aliceAssessment) },
      json: { title: "Alice's secret quiz" },
      headers: { cookie, origin: "http://localhost:3000", "sec-fetch-site": "same-origin" },
    });
    expect(response.status).toBe(200);
  });

  it("let reads through, since a cross-site page cannot read the answer", async () => {
    const response = await callRoute(history, { path: "/api/assessments/history", headers: { cookie, "sec-fetch-site": "cross-site" } });
    expect(response.status).toBe(200);
  });
});

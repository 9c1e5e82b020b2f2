import { beforeAll, describe, expect, it } from "vitest";
import { POST as signInRoute } from "@/app/api/auth/session/route";
import { PATCH as patchQuestion } from "@/app/api/assessments/[id]/questions/[questionId]/route";
import { GET as publicQuiz } from "@/app/api/quizzes/[key]/route";
import { bearer, createTestAccount, type TestAccount } from "@/tests/helpers/accounts";
import { saveTestAssessment } from "@/tests/helpers/assessments";
import { callRoute } from "@/tests/helpers/call-route";
import { useTestDatabase } from "@/tests/helpers/use-test-database";
import { GET as results } from "./results/route";
import { DELETE, GET, PATCH, POST } from "./route";

type Handler = Parameters<typeof callRoute>[0];

const db = useTestDatabase();
let teacher: TestAccount;
let other: TestAccount;
beforeAll(async () => {
  [teacher, other] = await Promise.all([createTestAccount("sharer"), createTestAccount("stranger")]);
});

const call = (handler: unknown, method: string, id: number | string, extra: { json?: unknown; headers?: Record<string, string | undefined>; body?: BodyInit } = {}) =>
  callRoute(handler as Handler, {
    method,
    path: `/api/assessments/${id}/quiz`,
    params: { id: String(id) },
    headers: extra.headers ?? bearer(teacher.token),
    json: extra.json,
    body: extra.body,
  });
const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();

describe("POST /api/assessments/{id}/quiz (publish)", () => {
  it("publishes with a link token and a six-character code, version 1, defaults for what is left out", async () => {
    const id = await saveTestAssessment(teacher.token, "Light and leaves");
    const { status, body } = await call(POST, "POST", id);
    expect(status).toBe(201);
    expect(body).toMatchObject({
      outcome: "created",
      assessment_id: id,
      is_published: true,
      is_open: true,
      closed_reason: null,
      version: 1,
      has_unpublished_changes: false,
      settings: { shuffle_questions: false, shuffle_options: false, review: "after_submit", review_at: null, allows_retakes: false, closes_at: null },
    });
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(body.code).toMatch(/^[A-HJKMNP-Z2-9]{6}$/);
    expect(body.path).toBe(`/q/${body.token}`);
    expect(body.url).toBe(`http://localhost:3000/q/${body.token}`);
    expect(body.versions).toEqual([expect.objectContaining({ version: 1, title: "Light and leaves", question_count: 3, attempts: 0, submitted: 0 })]);
  });

  it("takes settings, and GET shows them", async () => {
    const id = await saveTestAssessment(teacher.token);
    const closesAt = inAnHour();
    const settings = { shuffle_questions: true, shuffle_options: true, review: "after_date", review_at: closesAt, allows_retakes: true, closes_at: closesAt };
    expect((await call(POST, "POST", id, { json: settings })).status).toBe(201);
    const { status, body } = await call(GET, "GET", id);
    expect(status).toBe(200);
    expect(body.settings).toEqual({ ...settings, review_at: new Date(closesAt).toISOString(), closes_at: new Date(closesAt).toISOString() });
  });

  it("publishing again unchanged reopens the same version; after an edit it makes version 2 on the same link", async () => {
    const id = await saveTestAssessment(teacher.token);
    const first = (await call(POST, "POST", id)).body;
    const again = await call(POST, "POST", id);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ outcome: "reopened", version: 1, token: first.token, code: first.code });

    const { rows } = await db.pool.query(`SELECT id FROM questions WHERE assessment_id = $1 ORDER BY position`, [id]);
    await callRoute(patchQuestion as unknown as Handler, {
      method: "PATCH",
      path: `/api/assessments/${id}/questions/${rows[0].id}`,
      params: { id: String(id), questionId: rows[0].id },
      headers: bearer(teacher.token),
      json: { question: "Which energy does chlorophyll absorb?" },
    });
    expect((await call(GET, "GET", id)).body.has_unpublished_changes).toBe(true);
    // The live quiz still asks the published wording.
    const live = await callRoute(publicQuiz as unknown as Handler, { path: `/api/quizzes/${first.token}`, params: { key: first.token } });
    expect(live.body.questions[0].question).toBe("What does chlorophyll absorb?");

    const republished = await call(POST, "POST", id);
    expect(republished.body).toMatchObject({ outcome: "new_version", version: 2, token: first.token, code: first.code, has_unpublished_changes: false });
    expect(republished.body.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const updated = await callRoute(publicQuiz as unknown as Handler, { path: `/api/quizzes/${first.code}`, params: { key: first.code } });
    expect(updated.body.questions[0].question).toBe("Which energy does chlorophyll absorb?");
    expect(updated.body.version).toBe(2);
  });

  it("refuses an assessment with no questions (422) and settings that cannot work (400, naming the field)", async () => {
    const empty = await saveTestAssessment(teacher.token, "Empty", { mcqs: [] });
    const none = await call(POST, "POST", empty);
    expect(none.status).toBe(422);
    expect(none.body.detail).toMatch(/at least one question/);

    const id = await saveTestAssessment(teacher.token);
    const noDate = await call(POST, "POST", id, { json: { review: "after_date" } });
    expect(noDate.status).toBe(400);
    expect(noDate.body.error.issues).toEqual([{ path: "review_at", message: expect.stringMatching(/review_at is required/) }]);
    const past = await call(POST, "POST", id, { json: { closes_at: "2020-01-01T00:00:00Z" } });
    expect(past.status).toBe(400);
    expect(past.body.detail).toMatch(/closes_at is in the past/);
    const typo = await call(POST, "POST", id, { json: { shuffle: true } });
    expect(typo.status).toBe(400);
    const badDate = await call(POST, "POST", id, { json: { closes_at: "next friday" } });
    expect(badDate.status).toBe(400);
    expect(badDate.body.detail).toMatch(/closes_at must be a date and time/);
    const badPolicy = await call(POST, "POST", id, { json: { review: "sometimes" } });
    expect(badPolicy.status).toBe(400);
    const notJson = await call(POST, "POST", id, { body: "review=never", headers: { ...bearer(teacher.token), "content-type": "text/plain" } });
    expect(notJson.status).toBe(415);
    // Nothing was published by the refused requests.
    expect((await call(GET, "GET", id)).status).toBe(404);
  });
});

describe("PATCH and DELETE /api/assessments/{id}/quiz", () => {
  it("changes settings without a new version, unpublishes (closed, results kept) and publishes again on the same link", async () => {
    const id = await saveTestAssessment(teacher.token);
    const published = (await call(POST, "POST", id)).body;
    const patched = await call(PATCH, "PATCH", id, { json: { allows_retakes: true, review: "never" } });
    expect(patched.status).toBe(200);
    expect(patched.body.settings).toMatchObject({ allows_retakes: true, review: "never", shuffle_questions: false });
    expect(patched.body.version).toBe(1);

    const closed = await call(DELETE, "DELETE", id);
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ is_published: false, is_open: false, closed_reason: "unpublished" });
    const link = await callRoute(publicQuiz as unknown as Handler, { path: `/api/quizzes/${published.token}`, params: { key: published.token } });
    expect(link.status).toBe(200);
    expect(link.body).toMatchObject({ is_open: false, closed_reason: "unpublished", questions: [] });

    const reopened = await call(POST, "POST", id);
    expect(reopened.body).toMatchObject({ outcome: "reopened", is_open: true, token: published.token, settings: { allows_retakes: true, review: "never" } });
  });

  it("answers 404 before the first publication", async () => {
    const id = await saveTestAssessment(teacher.token);
    for (const [handler, method] of [[GET, "GET"], [PATCH, "PATCH"], [DELETE, "DELETE"]] as const) {
      const { status, body } = await call(handler, method, id, method === "PATCH" ? { json: { allows_retakes: true } } : {});
      expect(status).toBe(404);
      expect(body.detail).toBe("This assessment has not been shared as a quiz yet");
    }
  });
});

describe("only the owner", () => {
  it("another user gets the same 404 as for a missing assessment, on every owner route", async () => {
    const id = await saveTestAssessment(teacher.token);
    await call(POST, "POST", id);
    const attempts: [unknown, string, string, { json?: unknown }][] = [
      [GET, "GET", "", {}],
      [POST, "POST", "", { json: { allows_retakes: true } }],
      [PATCH, "PATCH", "", { json: { allows_retakes: true } }],
      [DELETE, "DELETE", "", {}],
      [results, "GET", "/results", {}],
    ];
    for (const [handler, method, suffix, extra] of attempts) {
      const asOther = await callRoute(handler as Handler, { method, path: `/api/assessments/${id}/quiz${suffix}`, params: { id: String(id) }, headers: bearer(other.token), ...extra });
      expect(asOther.status).toBe(404);
      expect(asOther.body.detail).toBe("Assessment not found");
    }
    expect((await call(GET, "GET", id)).body).toMatchObject({ is_published: true, settings: { allows_retakes: false } });
  });

  it("anonymous callers get 401; a non-integer id 422", async () => {
    expect((await call(GET, "GET", 1, { headers: {} })).status).toBe(401);
    expect((await call(GET, "GET", "abc")).status).toBe(422);
  });

  it("a signed-in browser cannot be made to publish or unpublish from another site", async () => {
    const id = await saveTestAssessment(teacher.token);
    const signIn = await callRoute(signInRoute, { method: "POST", path: "/api/auth/session", json: { email: teacher.email, password: teacher.password } });
    const cookie = signIn.headers.getSetCookie()[0].split(";")[0];
    const crossSite = await call(POST, "POST", id, { headers: { cookie, origin: "https://evil.example", "sec-fetch-site": "cross-site" } });
    expect(crossSite.status).toBe(403);
    expect((await call(GET, "GET", id)).status).toBe(404);
    const sameSite = await call(POST, "POST", id, { headers: { cookie, origin: "http://localhost:3000", "sec-fetch-site": "same-origin" } });
    expect(sameSite.status).toBe(201);
  });
});

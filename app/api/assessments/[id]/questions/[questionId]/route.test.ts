import { beforeAll, describe, expect, it } from "vitest";
import { bearer, createTestAccount, type TestAccount } from "@/tests/helpers/accounts";
import { saveTestAssessment } from "@/tests/helpers/assessments";
import { callRoute } from "@/tests/helpers/call-route";
import { useTestDatabase } from "@/tests/helpers/use-test-database";
import { GET as detailRoute } from "../../route";
import { PUT } from "./route";

useTestDatabase();
let teacher: TestAccount;
beforeAll(async () => {
  teacher = await createTestAccount("replace");
});

type Handler = Parameters<typeof callRoute>[0];
const regenerated = {
  question: "Which pigment captures light in a leaf?",
  options: ["Chlorophyll", "Keratin", "Melanin", "Haemoglobin"],
  correct_answer: "Chlorophyll",
  bloom_level: "remember",
  explanation: "Chlorophyll absorbs light energy.",
  source: { quote: "Chlorophyll absorbs light energy." },
  lint: [{ code: "short_stem", message: "The stem is short." }],
  generator: "builtin",
};
const put = (id: number, questionId: string, json: unknown, token = teacher.token) =>
  callRoute(PUT as unknown as Handler, {
    method: "PUT",
    path: `/api/assessments/${id}/questions/${questionId}`,
    params: { id: String(id), questionId },
    json,
    headers: bearer(token),
  });
const mcqsOf = async (id: number) =>
  (await callRoute(detailRoute as unknown as Handler, { path: `/api/assessments/${id}`, params: { id: String(id) }, headers: bearer(teacher.token) })).body.content.mcqs;

describe("PUT /api/assessments/{id}/questions/{questionId}", () => {
  it("replaces the whole question in place, keeping its id and position, with its source, lint and generator", async () => {
    const id = await saveTestAssessment(teacher.token);
    const before = await mcqsOf(id);
    const { status, body } = await put(id, before[1].id, { question: regenerated });
    expect(status).toBe(200);
    expect(body).toEqual({ id: before[1].id, ...regenerated });
    const after = await mcqsOf(id);
    expect(after.map((mcq: { id: string }) => mcq.id)).toEqual(before.map((mcq: { id: string }) => mcq.id));
    expect(after[1]).toEqual(body);
    expect(after[0]).toEqual(before[0]);
  });

  it("refuses a malformed question with 400 and leaves the old one", async () => {
    const id = await saveTestAssessment(teacher.token);
    const before = await mcqsOf(id);
    const { status, body } = await put(id, before[0].id, { question: { ...regenerated, correct_answer: "Water" } });
    expect(status).toBe(400);
    expect(body.detail).toMatch(/correct_answer must equal one of the options/);
    expect(await mcqsOf(id)).toEqual(before);
  });

  it("answers 404 for a question of another assessment, or someone else's assessment", async () => {
    const [mine, other] = [await saveTestAssessment(teacher.token), await saveTestAssessment(teacher.token)];
    const otherQuestion = (await mcqsOf(other))[0].id;
    expect((await put(mine, otherQuestion, { question: regenerated })).status).toBe(404);
    const stranger = await createTestAccount("replace-stranger");
    expect((await put(mine, (await mcqsOf(mine))[0].id, { question: regenerated }, stranger.token)).status).toBe(404);
  });
});

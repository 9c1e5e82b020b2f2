import { beforeAll, describe, expect, it } from "vitest";
import { bearer, createTestAccount, type TestAccount } from "@/tests/helpers/accounts";
import { saveTestAssessment } from "@/tests/helpers/assessments";
import { callRoute } from "@/tests/helpers/call-route";
import { useTestDatabase } from "@/tests/helpers/use-test-database";
import { GET as detailRoute } from "../route";
import { POST } from "./route";

const db = useTestDatabase();
let teacher: TestAccount;
beforeAll(async () => {
  teacher = await createTestAccount("duplicate");
});

type Handler = Parameters<typeof callRoute>[0];
const duplicate = (id: string, token = teacher.token) =>
  callRoute(POST as unknown as Handler, { method: "POST", path: `/api/assessments/${id}/duplicate`, params: { id }, headers: bearer(token) });
const detail = (id: number) => callRoute(detailRoute as unknown as Handler, { path: `/api/assessments/${id}`, params: { id: String(id) }, headers: bearer(teacher.token) });

describe("POST /api/assessments/{id}/duplicate", () => {
  it("copies the questions in order and the material under a new id, leaving the original as it was", async () => {
    const id = await saveTestAssessment(teacher.token, "Plants");
    await db.pool.query(`UPDATE assessments SET material = '{"text": "Leaves are green."}' WHERE id = $1`, [id]);
    const { status, body } = await duplicate(String(id));
    expect(status).toBe(201);
    expect(body).toEqual({ id: expect.any(Number), title: "Plants (copy)", question_count: 3 });
    expect(body.id).not.toBe(id);
    const [original, copy] = [await detail(id), await detail(body.id)];
    const withoutIds = (mcqs: { id: string }[]) => mcqs.map(({ id: _id, ...mcq }) => mcq);
    expect(withoutIds(copy.body.content.mcqs)).toEqual(withoutIds(original.body.content.mcqs));
    expect(copy.body.content.mcqs[0].id).not.toBe(original.body.content.mcqs[0].id);
    const { rows } = await db.pool.query(`SELECT material, source_job_id FROM assessments WHERE id = $1`, [body.id]);
    expect(rows[0]).toEqual({ material: { text: "Leaves are green." }, source_job_id: null });
  });

  it("answers 404 for someone else's assessment and 401 without a token", async () => {
    const other = await createTestAccount("dup-other");
    const id = await saveTestAssessment(other.token);
    expect((await duplicate(String(id))).status).toBe(404);
    const anonymous = await callRoute(POST as unknown as Handler, { method: "POST", path: `/api/assessments/${id}/duplicate`, params: { id: String(id) } });
    expect(anonymous.status).toBe(401);
  });
});

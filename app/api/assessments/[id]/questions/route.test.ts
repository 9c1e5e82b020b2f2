import { beforeAll, describe, expect, it } from "vitest";
import { bearer, createTestAccount, type TestAccount } from "@/tests/helpers/accounts";
import { saveTestAssessment } from "@/tests/helpers/assessments";
import { useTestDatabase } from "@/tests/helpers/use-test-database";
import { callRoute } from "@/tests/helpers/call-route";
import { GET as detailRoute } from "../route";
import { DELETE as deleteRoute, PATCH as patchRoute } from "./[questionId]/route";
import { PUT as orderRoute } from "./order/route";
import { POST as addRoute } from "./route";

const db = useTestDatabase();
let teacher: TestAccount;
beforeAll(async () => {
  teacher = await createTestAccount("editor");
});

type Handler = Parameters<typeof callRoute>[0];
function call(handler: unknown, method: string, path: string, params: Record<string, string>, json?: unknown) {
  return callRoute(handler as Handler, { method, path, params, json, headers: bearer(teacher.token) });
}
async function questionsOf(id: number): Promise<{ id: string; question: string; correct_answer: string; options: string[]; lint?: unknown[] }[]> {
  return (await call(detailRoute, "GET", `/api/assessments/${id}`, { id: String(id) })).body.content.mcqs;
}
async function positionsOf(id: number): Promise<number[]> {
  const { rows } = await db.pool.query(`SELECT position FROM questions WHERE assessment_id = $1 ORDER BY position`, [id]);
  return rows.map((row) => row.position);
}
const newQuestion = {
  question: "Where does photosynthesis happen?",
  options: ["Chloroplasts", "Mitochondria", "Nucleus", "Ribosomes"],
  correct_answer: "Chloroplasts",
  bloom_level: "remember",
  explanation: "Chloroplasts hold chlorophyll.",
};

describe("adding a question", () => {
  it("appends it by default and answers 201 with its id", async () => {
    const id = await saveTestAssessment(teacher.token);
    const { status, body } = await call(addRoute, "POST", `/api/assessments/${id}/questions`, { id: String(id) }, { question: newQuestion });
    expect(status).toBe(201);
    expect(body).toEqual({ id: expect.any(String), ...newQuestion });
    const questions = await questionsOf(id);
    expect(questions.map((q) => q.question).at(-1)).toBe(newQuestion.question);
    expect(await positionsOf(id)).toEqual([0, 1, 2, 3]);
  });

  it("inserts it at a given position, in EduMate's spelling too", async () => {
    const id = await saveTestAssessment(teacher.token);
    const edumate = { question: "Q?", answer_options: ["A) a", "B) b", "C) c", "D) d"], correct_answer: "C", bloom_level: "Analyze", explaination: "E." };
    const { status } = await call(addRoute, "POST", `/api/assessments/${id}/questions`, { id: String(id) }, { question: edumate, position: 1 });
    expect(status).toBe(201);
    const questions = await questionsOf(id);
    expect(questions[1]).toMatchObject({ question: "Q?", options: ["A) a", "B) b", "C) c", "D) d"], correct_answer: "C) c", bloom_level: "analyze", explanation: "E." });
    expect(await positionsOf(id)).toEqual([0, 1, 2, 3]);
  });

  it("refuses a malformed question with 400 naming the problem", async () => {
    const id = await saveTestAssessment(teacher.token);
    const { status, body } = await call(addRoute, "POST", `/api/assessments/${id}/questions`, { id: String(id) }, {
      question: { ...newQuestion, options: ["Chloroplasts", "Chloroplasts", "Nucleus", "Ribosomes"] },
    });
    expect(status).toBe(400);
    expect(body.detail).toMatch(/options must be distinct/);
    expect(await positionsOf(id)).toEqual([0, 1, 2]);
  });
});

describe("editing a question", () => {
  it("changes the fields given, keeps the others, and drops lint findings about the old wording", async () => {
    const id = await saveTestAssessment(teacher.token, "With lint", {
      mcqs: [{ ...newQuestion, lint: [{ code: "stem_word_cue", message: "Cue." }] }],
    });
    const [question] = await questionsOf(id);
    const path = `/api/assessments/${id}/questions/${question.id}`;
    const { status, body } = await call(patchRoute, "PATCH", path, { id: String(id), questionId: question.id }, {
      question: "In which organelle does photosynthesis take place?",
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: question.id, question: "In which organelle does photosynthesis take place?", correct_answer: "Chloroplasts", lint: [] });
  });

  it("keeps the Bloom level editable on its own, without touching lint", async () => {
    const id = await saveTestAssessment(teacher.token, "Level", { mcqs: [{ ...newQuestion, lint: [{ code: "x", message: "Kept." }] }] });
    const [question] = await questionsOf(id);
    const { body } = await call(patchRoute, "PATCH", `/api/assessments/${id}/questions/${question.id}`, { id: String(id), questionId: question.id }, {
      bloom_level: "Understand",
    });
    expect(body).toMatchObject({ bloom_level: "understand", lint: [{ code: "x", message: "Kept." }] });
  });

  it.each([
    ["new options without the answer", { options: ["A", "B", "C", "D"] }, /correct_answer must equal one of the options/],
    ["an empty question", { question: " " }, /question is empty/],
    ["an unknown field", { difficulty: "hard" }, /Unrecognized key/i],
    ["nothing at all", {}, /Send at least one of/],
  ])("refuses %s with 400 and changes nothing", async (_name, patch, message) => {
    const id = await saveTestAssessment(teacher.token);
    const [question] = await questionsOf(id);
    const { status, body } = await call(patchRoute, "PATCH", `/api/assessments/${id}/questions/${question.id}`, { id: String(id), questionId: question.id }, patch);
    expect(status).toBe(400);
    expect(body.detail).toMatch(message);
    expect((await questionsOf(id))[0]).toEqual(question);
  });

  it("answers 404 Question not found for a question of another assessment", async () => {
    const first = await saveTestAssessment(teacher.token);
    const second = await saveTestAssessment(teacher.token);
    const [foreign] = await questionsOf(second);
    for (const questionId of [foreign.id, "00000000-0000-4000-8000-000000000000", "nope"]) {
      const { status, body } = await call(patchRoute, "PATCH", `/api/assessments/${first}/questions/${questionId}`, { id: String(first), questionId }, { question: "Hijacked?" });
      expect(status).toBe(404);
      expect(body.detail).toBe("Question not found");
    }
    expect((await questionsOf(second))[0].question).toBe(foreign.question);
  });
});

describe("deleting a question", () => {
  it("removes it and closes the gap", async () => {
    const id = await saveTestAssessment(teacher.token);
    const questions = await questionsOf(id);
    const { status } = await call(deleteRoute, "DELETE", `/api/assessments/${id}/questions/${questions[1].id}`, { id: String(id), questionId: questions[1].id });
    expect(status).toBe(204);
    expect((await questionsOf(id)).map((q) => q.id)).toEqual([questions[0].id, questions[2].id]);
    expect(await positionsOf(id)).toEqual([0, 1]);
    const again = await call(deleteRoute, "DELETE", `/api/assessments/${id}/questions/${questions[1].id}`, { id: String(id), questionId: questions[1].id });
    expect(again.status).toBe(404);
  });
});

describe("reordering questions", () => {
  it("puts them in the order given", async () => {
    const id = await saveTestAssessment(teacher.token);
    const ids = (await questionsOf(id)).map((q) => q.id);
    const order = [ids[2], ids[0], ids[1]];
    const { status, body } = await call(orderRoute, "PUT", `/api/assessments/${id}/questions/order`, { id: String(id) }, { question_ids: order });
    expect(status).toBe(200);
    expect(body).toEqual({ question_ids: order });
    expect((await questionsOf(id)).map((q) => q.id)).toEqual(order);
    expect(await positionsOf(id)).toEqual([0, 1, 2]);
  });

  it.each([
    ["a missing question", (ids: string[]) => [ids[0], ids[1]]],
    ["a repeated question", (ids: string[]) => [ids[0], ids[0], ids[1]]],
    ["a question of another assessment", (ids: string[]) => [ids[0], ids[1], "00000000-0000-4000-8000-000000000000"]],
  ])("refuses a list with %s and keeps the order", async (_name, reorder) => {
    const id = await saveTestAssessment(teacher.token);
    const ids = (await questionsOf(id)).map((q) => q.id);
    const { status, body } = await call(orderRoute, "PUT", `/api/assessments/${id}/questions/order`, { id: String(id) }, { question_ids: reorder(ids) });
    expect(status).toBe(400);
    expect(body.detail).toMatch(/each of this assessment's 3 questions exactly once/);
    expect((await questionsOf(id)).map((q) => q.id)).toEqual(ids);
  });

  it("keeps positions consistent when edits arrive at the same time", async () => {
    const id = await saveTestAssessment(teacher.token);
    await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        call(addRoute, "POST", `/api/assessments/${id}/questions`, { id: String(id) }, { question: { ...newQuestion, question: `Added ${i}?` }, position: 0 }),
      ),
    );
    expect(await positionsOf(id)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { bearer, createTestAccount, type TestAccount } from "@/tests/helpers/accounts";
import { BLOOM_FACTORS, edumateContent } from "@/tests/helpers/assessments";
import { useTestDatabase } from "@/tests/helpers/use-test-database";
import { callRoute } from "@/tests/helpers/call-route";
import { GET as detailRoute } from "../[id]/route";
import { POST } from "./route";

const db = useTestDatabase();
let teacher: TestAccount;
beforeAll(async () => {
  teacher = await createTestAccount("saver");
});

const save = (json: unknown, headers: Record<string, string> = bearer(teacher.token)) =>
  callRoute(POST, { method: "POST", path: "/api/assessments/save", json, headers });
const detail = (id: number) =>
  callRoute(detailRoute as unknown as Parameters<typeof callRoute>[0], {
    path: `/api/assessments/${id}`,
    headers: bearer(teacher.token),
    params: { id: String(id) },
  });

describe("POST /api/assessments/save", () => {
  it('answers exactly {"status": "saved", "id": <integer>} and keeps every question as its own row', async () => {
    const { status, body } = await save({ chapter_name: "Chapter 3: Photosynthesis", bloom_factors: BLOOM_FACTORS, content_json: edumateContent() });
    expect(status).toBe(200);
    expect(Object.keys(body)).toEqual(["status", "id"]);
    expect(body.status).toBe("saved");
    expect(Number.isInteger(body.id)).toBe(true);
    const { rows } = await db.pool.query(`SELECT position, correct_answer FROM questions WHERE assessment_id = $1 ORDER BY position`, [body.id]);
    expect(rows).toEqual([
      { position: 0, correct_answer: "A) Light" },
      { position: 1, correct_answer: "A) They reflect green light" },
      { position: 2, correct_answer: "B) stop making sugar" },
    ]);
  });

  it("normalises EduMate's spellings to options and explanation, and letter answers to the option", async () => {
    const { body } = await save({ chapter_name: "Spellings", bloom_factors: BLOOM_FACTORS, content_json: edumateContent() });
    const saved = await detail(body.id);
    expect(saved.body.content.mcqs[0]).toEqual({
      id: expect.any(String),
      question: "What does chlorophyll absorb?",
      options: ["A) Light", "B) Water", "C) Oxygen", "D) Sugar"],
      correct_answer: "A) Light",
      bloom_level: "remember",
      explanation: "Chlorophyll absorbs light energy.",
    });
    expect(JSON.stringify(saved.body)).not.toMatch(/answer_options|explaination|question_no/);
  });

  it("accepts our own spelling and keeps source, lint and generator", async () => {
    const mcq = {
      question: "Which gas do plants release?",
      options: ["Oxygen", "Nitrogen", "Helium", "Argon"],
      correct_answer: "Oxygen",
      bloom_level: "remember",
      explanation: "Oxygen is released as a by-product.",
      source: { quote: "Plants release oxygen.", page: 2 },
      lint: [{ code: "stem_word_cue", message: "A cue." }],
      generator: "builtin",
    };
    const { status, body } = await save({ chapter_name: "Ours", bloom_factors: { remember: 1 }, content_json: { mcqs: [mcq] } });
    expect(status).toBe(200);
    expect((await detail(body.id)).body.content.mcqs[0]).toEqual({ id: expect.any(String), ...mcq });
  });

  it("answers 401 Not authenticated without a token, and saves nothing", async () => {
    const before = (await db.pool.query(`SELECT count(*)::int AS n FROM assessments`)).rows[0].n;
    const { status, body, headers } = await save({ chapter_name: "X", bloom_factors: BLOOM_FACTORS, content_json: edumateContent() }, {});
    expect(status).toBe(401);
    expect(body.detail).toBe("Not authenticated");
    expect(headers.get("WWW-Authenticate")).toBe("Bearer");
    expect((await db.pool.query(`SELECT count(*)::int AS n FROM assessments`)).rows[0].n).toBe(before);
  });

  const threeOptions = { ...edumateContent().mcqs[0], answer_options: ["A) Light", "B) Water", "C) Oxygen"] };
  it.each([
    ["a missing chapter_name", { bloom_factors: BLOOM_FACTORS, content_json: edumateContent() }, /chapter_name is required/],
    ["a missing bloom_factors", { chapter_name: "X", content_json: edumateContent() }, /bloom_factors/],
    ["a missing content_json", { chapter_name: "X", bloom_factors: BLOOM_FACTORS }, /content_json must be an object/],
    ["a bloom_factors that is not an object", { chapter_name: "X", bloom_factors: [5, 3], content_json: edumateContent() }, /bloom_factors must be an object/],
    ["an unknown Bloom level", { chapter_name: "X", bloom_factors: { memorise: 2 }, content_json: edumateContent() }, /Unknown Bloom level "memorise"/],
    ["a content_json of null", { chapter_name: "X", bloom_factors: BLOOM_FACTORS, content_json: null }, /content_json must be an object/],
    ["mcqs that are not a list", { chapter_name: "X", bloom_factors: BLOOM_FACTORS, content_json: { mcqs: "many" } }, /mcqs must be an array/],
    ["a question with three options", { chapter_name: "X", bloom_factors: BLOOM_FACTORS, content_json: { mcqs: [threeOptions] } }, /content_json\.mcqs\.0\.options: a question needs exactly 4 options/],
    [
      "an answer that is not an option",
      { chapter_name: "X", bloom_factors: BLOOM_FACTORS, content_json: { mcqs: [{ ...edumateContent().mcqs[0], correct_answer: "Photons" }] } },
      /correct_answer must equal one of the options/,
    ],
    [
      "an unknown bloom_level",
      { chapter_name: "X", bloom_factors: BLOOM_FACTORS, content_json: { mcqs: [{ ...edumateContent().mcqs[0], bloom_level: "memorise" }] } },
      /bloom_level/,
    ],
  ])("answers 422 naming the problem for %s, and saves nothing", async (_name, json, message) => {
    const before = (await db.pool.query(`SELECT count(*)::int AS n FROM assessments`)).rows[0].n;
    const { status, body } = await save(json);
    expect(status).toBe(422);
    expect(body.detail).toMatch(message);
    expect((await db.pool.query(`SELECT count(*)::int AS n FROM assessments`)).rows[0].n).toBe(before);
  });
});

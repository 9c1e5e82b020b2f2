import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as resultsRoute } from "@/app/api/assessments/[id]/quiz/results/route";
import { GET as responsesRoute } from "@/app/api/assessments/[id]/quiz/responses/route";
import { DELETE as unpublishRoute, PATCH as settingsRoute, POST as publishRoute } from "@/app/api/assessments/[id]/quiz/route";
import { closeDatabase, useDatabase } from "@/lib/db";
import { bearer, createTestAccount, type TestAccount } from "@/tests/helpers/accounts";
import { saveTestAssessment } from "@/tests/helpers/assessments";
import { callRoute } from "@/tests/helpers/call-route";
import { useTestDatabase } from "@/tests/helpers/use-test-database";
import { PUT as answerRoute } from "./[key]/attempts/[attempt]/answers/[questionId]/route";
import { GET as attemptRoute } from "./[key]/attempts/[attempt]/route";
import { POST as submitRoute } from "./[key]/attempts/[attempt]/submit/route";
import { POST as startRoute } from "./[key]/attempts/route";
import { GET as publicRoute } from "./[key]/route";

type Handler = Parameters<typeof callRoute>[0];
const h = (handler: unknown) => handler as Handler;

// Four questions, two remember and two analyze; each explanation is a string that appears nowhere else.
const CONTENT = {
  mcqs: [
    { question: "What does chlorophyll absorb?", options: ["Light", "Water", "Oxygen", "Sugar"], correct_answer: "Light", bloom_level: "remember", explanation: "EXPLAIN-light-absorbed" },
    { question: "Which gas do plants release?", options: ["Helium", "Oxygen", "Argon", "Neon"], correct_answer: "Oxygen", bloom_level: "remember", explanation: "EXPLAIN-oxygen-released" },
    { question: "Why does a plant in the dark stop growing?", options: ["No water", "No soil", "No light for sugar", "Too cold"], correct_answer: "No light for sugar", bloom_level: "analyze", explanation: "EXPLAIN-dark-no-sugar" },
    { question: "Which change would most raise photosynthesis?", options: ["Less light", "More light", "Less CO2", "Less water"], correct_answer: "More light", bloom_level: "analyze", explanation: "EXPLAIN-more-light" },
  ],
};
const EXPLANATIONS = CONTENT.mcqs.map((mcq) => mcq.explanation);
const KEY_FIELDS = ["correct_answer", "correct_index", "correct_option", "is_correct", "explanation", "is_key", "key_option", "correctAnswer"];

const db = useTestDatabase();
let teacher: TestAccount;
beforeAll(async () => {
  teacher = await createTestAccount("quizmaster");
});

let takerCount = 0;
const newTakerKey = () => `taker-key-${String(++takerCount).padStart(8, "0")}`;

async function publishQuiz(settings: Record<string, unknown> = {}) {
  const id = await saveTestAssessment(teacher.token, "Plants and light", CONTENT);
  const { status, body } = await callRoute(h(publishRoute), { method: "POST", path: `/api/assessments/${id}/quiz`, params: { id: String(id) }, headers: bearer(teacher.token), json: settings });
  expect(status).toBe(201);
  return { id, token: body.token as string, code: body.code as string };
}
const owner = (handler: unknown, method: string, id: number, suffix = "", json?: unknown) =>
  callRoute(h(handler), { method, path: `/api/assessments/${id}/quiz${suffix}`, params: { id: String(id) }, headers: bearer(teacher.token), json });
const getPublic = (key: string) => callRoute(h(publicRoute), { path: `/api/quizzes/${key}`, params: { key } });
const start = (key: string, name = "Ada", takerKey: string | undefined = newTakerKey()) =>
  callRoute(h(startRoute), { method: "POST", path: `/api/quizzes/${key}/attempts`, params: { key }, json: { name, taker_key: takerKey } });
const getAttempt = (key: string, attempt: string) => callRoute(h(attemptRoute), { path: `/api/quizzes/${key}/attempts/${attempt}`, params: { key, attempt } });
const answer = (key: string, attempt: string, questionId: string, option: unknown) =>
  callRoute(h(answerRoute), { method: "PUT", path: `/api/quizzes/${key}/attempts/${attempt}/answers/${questionId}`, params: { key, attempt, questionId }, json: { option } });
const submit = (key: string, attempt: string, json?: unknown) =>
  callRoute(h(submitRoute), { method: "POST", path: `/api/quizzes/${key}/attempts/${attempt}/submit`, params: { key, attempt }, json });

interface ShownQuestion {
  id: string;
  question: string;
  options: string[];
}
/** The shown position of the correct option, looked up in the teacher's content (the browser never has it). */
function correctShown(question: ShownQuestion): number {
  const mcq = CONTENT.mcqs.find((candidate) => candidate.question === question.question)!;
  return question.options.indexOf(mcq.correct_answer);
}
const wrongShown = (question: ShownQuestion) => (correctShown(question) + 1) % question.options.length;

/** Every key name and explanation text anywhere in a payload. */
function findKeys(payload: unknown): string[] {
  const found: string[] = [];
  const visit = (value: unknown, path: string) => {
    if (typeof value === "string" && EXPLANATIONS.includes(value)) found.push(`${path} = ${value}`);
    if (Array.isArray(value)) value.forEach((item, index) => visit(item, `${path}[${index}]`));
    else if (value && typeof value === "object") {
      for (const [key, inner] of Object.entries(value)) {
        if (KEY_FIELDS.includes(key)) found.push(`${path}.${key}`);
        visit(inner, `${path}.${key}`);
      }
    }
  };
  visit(payload, "$");
  return found;
}

describe("the public payloads", () => {
  it("carry no key and no explanation before submission, however the quiz is reached", async () => {
    const quiz = await publishQuiz({ shuffle_options: true, shuffle_questions: true });
    const byToken = await getPublic(quiz.token);
    const byCode = await getPublic(quiz.code.toLowerCase());
    expect(byToken.status).toBe(200);
    expect(byCode.body).toEqual(byToken.body);
    // Looking quizzes up is counted per address, and says so.
    expect(Number(byCode.headers.get("RateLimit-Remaining"))).toBe(Number(byToken.headers.get("RateLimit-Remaining")) - 1);
    expect(byToken.body).toMatchObject({ title: "Plants and light", question_count: 4, is_open: true, bloom_counts: { remember: 2, analyze: 2 }, options_order: "alphabetical" });
    // Shuffled options are listed alphabetically, so the written order (and the key's place in it) is not given away.
    expect(byToken.body.questions[1].options).toEqual(["Argon", "Helium", "Neon", "Oxygen"]);

    const started = await start(quiz.token);
    expect(started.status).toBe(201);
    const attempt = started.body.attempt_token;
    const first = started.body.questions[0];
    const saved = await answer(quiz.token, attempt, first.id, correctShown(first));
    const reread = await getAttempt(quiz.token, attempt);
    for (const payload of [byToken.body, byCode.body, started.body, saved.body, reread.body]) {
      expect(findKeys(payload)).toEqual([]);
      expect(JSON.stringify(payload)).not.toMatch(/EXPLAIN-|correct/i);
    }
    expect(reread.body).toMatchObject({ status: "in_progress", result: null, review: null, answered_count: 1 });
  });
});

describe("answers saved one at a time", () => {
  it("survive a restart: a new pool and Prisma client read back every answer, in the attempt's own order", async () => {
    const quiz = await publishQuiz({ shuffle_questions: true, shuffle_options: true });
    const { body } = await start(quiz.token, "Grace");
    const [q1, q2] = body.questions;
    expect((await answer(quiz.token, body.attempt_token, q1.id, 2)).body).toMatchObject({ question_id: q1.id, option: 2, answered_count: 1 });
    expect((await answer(quiz.token, body.attempt_token, q2.id, 0)).body.answered_count).toBe(2);
    // A changed mind replaces the earlier choice.
    expect((await answer(quiz.token, body.attempt_token, q2.id, 3)).body.answered_count).toBe(2);

    await closeDatabase();
    await useDatabase(db.url);

    const resumed = await getAttempt(quiz.token, body.attempt_token);
    expect(resumed.status).toBe(200);
    expect(resumed.body.questions.map((q: ShownQuestion) => q.id)).toEqual(body.questions.map((q: ShownQuestion) => q.id));
    expect(resumed.body.questions.map((q: ShownQuestion) => q.options)).toEqual(body.questions.map((q: ShownQuestion) => q.options));
    expect(resumed.body.questions.map((q: { answer: number | null }) => q.answer)).toEqual([2, 3, null, null]);
    const { rows } = await db.pool.query(`SELECT count(*)::int AS n FROM quiz_answers a JOIN quiz_attempts t ON t.id = a.attempt_id WHERE t.token = $1`, [body.attempt_token]);
    expect(rows[0].n).toBe(2);
  });

  it("the same browser starting again resumes its attempt instead of making another", async () => {
    const quiz = await publishQuiz({ allows_retakes: true });
    const takerKey = newTakerKey();
    const first = await start(quiz.token, "Lin", takerKey);
    const second = await start(quiz.code, "Lin", takerKey);
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ resumed: true, attempt_token: first.body.attempt_token, taker_key: takerKey });
  });

  it("one attempt keeps its order on every read; another attempt gets its own", async () => {
    const quiz = await publishQuiz({ shuffle_questions: true, shuffle_options: true });
    const one = await start(quiz.token);
    const again = await getAttempt(quiz.token, one.body.attempt_token);
    expect(again.body.questions).toEqual(one.body.questions);
    const orders = new Set<string>();
    for (let i = 0; i < 4; i++) orders.add(JSON.stringify((await start(quiz.token)).body.questions.map((q: ShownQuestion) => [q.id, q.options])));
    expect(orders.size).toBeGreaterThan(1);
  });

  it("refuses what cannot be an answer with a clear 4xx", async () => {
    const quiz = await publishQuiz();
    const other = await publishQuiz();
    const { body } = await start(quiz.token);
    const attempt = body.attempt_token;
    const qid = body.questions[0].id;
    const outOfRange = await answer(quiz.token, attempt, qid, 4);
    expect(outOfRange.status).toBe(400);
    expect(outOfRange.body.detail).toBe("option must be from 0 to 3 for this question");
    expect((await answer(quiz.token, attempt, qid, 1.5)).status).toBe(400);
    expect((await answer(quiz.token, attempt, qid, "B")).status).toBe(400);
    expect((await answer(quiz.token, attempt, "no-such-question", 0)).status).toBe(404);
    expect((await answer(quiz.token, "A".repeat(24), qid, 0)).body.detail).toBe("Attempt not found");
    // An attempt is reachable only through its own quiz.
    expect((await getAttempt(other.token, attempt)).status).toBe(404);
    expect((await getAttempt(quiz.code, attempt)).status).toBe(200);
    expect((await start(quiz.token, "   ")).body.detail).toMatch(/name is empty/);
    expect((await start(quiz.token, "x".repeat(81))).status).toBe(400);
    expect((await start(quiz.token, "Ada", "short")).status).toBe(400);
    const unknown = await getPublic("ZZZZZZ");
    expect(unknown.status).toBe(404);
    expect(unknown.body.detail).toBe("No quiz has this code; check it with your teacher");
    expect((await getPublic("A".repeat(24))).body.detail).toBe("No quiz at this link; ask your teacher for it again");
    expect((await getPublic("not a key at all")).status).toBe(404);
    const notJson = await callRoute(h(startRoute), { method: "POST", path: `/api/quizzes/${quiz.token}/attempts`, params: { key: quiz.token }, body: "name=Ada", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(notJson.status).toBe(415);
  });
});

describe("submitting", () => {
  it("scores against the key, gives the result per Bloom level and the review with explanations", async () => {
    const quiz = await publishQuiz({ shuffle_questions: true, shuffle_options: true });
    const { body } = await start(quiz.token, "Ada");
    const attempt = body.attempt_token;
    const byQuestion = (text: string) => body.questions.find((q: ShownQuestion) => q.question === text) as ShownQuestion;
    // Right on both remember questions and one analyze question, wrong on the other, via save and via submit.
    await answer(quiz.token, attempt, byQuestion(CONTENT.mcqs[0].question).id, correctShown(byQuestion(CONTENT.mcqs[0].question)));
    await answer(quiz.token, attempt, byQuestion(CONTENT.mcqs[1].question).id, correctShown(byQuestion(CONTENT.mcqs[1].question)));
    const q3 = byQuestion(CONTENT.mcqs[2].question);
    const q4 = byQuestion(CONTENT.mcqs[3].question);
    const submitted = await submit(quiz.token, attempt, { answers: { [q3.id]: correctShown(q3), [q4.id]: wrongShown(q4) } });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({
      status: "submitted",
      result: { score: 3, total: 4, percent: 75, by_level: [{ level: "remember", correct: 2, total: 2 }, { level: "analyze", correct: 1, total: 2 }] },
      review_status: "available",
    });
    const reviewed = submitted.body.review.questions.find((q: ShownQuestion) => q.id === q4.id);
    expect(reviewed).toMatchObject({ answer: wrongShown(q4), correct_option: correctShown(q4), is_correct: false, explanation: "EXPLAIN-more-light" });
    expect(reviewed.options[reviewed.correct_option]).toBe("More light");
    // The review is there on every later read too.
    expect((await getAttempt(quiz.token, attempt)).body.review.questions).toHaveLength(4);
  });

  it("happens once: a second submit and any later answer are refused", async () => {
    const quiz = await publishQuiz();
    const { body } = await start(quiz.token);
    expect((await submit(quiz.token, body.attempt_token)).status).toBe(200);
    const again = await submit(quiz.token, body.attempt_token);
    expect(again.status).toBe(409);
    expect(again.body.detail).toBe("This attempt was already submitted; its answers can no longer change");
    expect((await answer(quiz.token, body.attempt_token, body.questions[0].id, 0)).status).toBe(409);
  });

  it("keeps the score equal to the answers kept when answers race the submission", async () => {
    const quiz = await publishQuiz();
    const { body } = await start(quiz.token);
    const attempt = body.attempt_token;
    const calls = await Promise.all([
      ...body.questions.map((q: ShownQuestion) => answer(quiz.token, attempt, q.id, correctShown(q))),
      submit(quiz.token, attempt),
    ]);
    expect(calls.every((call) => call.status === 200 || call.status === 409)).toBe(true);
    const { rows } = await db.pool.query(
      `SELECT t.score, count(a.*)::int AS kept FROM quiz_attempts t LEFT JOIN quiz_answers a ON a.attempt_id = t.id WHERE t.token = $1 GROUP BY t.score`,
      [attempt],
    );
    // Every answer here is correct, so the score must count exactly the answers that were kept.
    expect(rows[0].score).toBe(rows[0].kept);
    const saved = calls.slice(0, -1).filter((call) => call.status === 200).length;
    expect(rows[0].kept).toBe(saved);
  });

  it("is refused once the quiz is unpublished, and once its closing time has passed", async () => {
    const quiz = await publishQuiz();
    const { body } = await start(quiz.token);
    await owner(unpublishRoute, "DELETE", quiz.id);
    const refused = await submit(quiz.token, body.attempt_token);
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toBe("This quiz is closed: its teacher is no longer sharing it.");
    expect((await answer(quiz.token, body.attempt_token, body.questions[0].id, 0)).status).toBe(409);
    expect((await start(quiz.token)).status).toBe(409);
    expect((await getPublic(quiz.token)).body).toMatchObject({ is_open: false, closed_reason: "unpublished", questions: [] });

    await owner(publishRoute, "POST", quiz.id);
    await db.pool.query(`UPDATE quizzes SET closes_at = now() - interval '1 minute' WHERE token = $1`, [quiz.token]);
    const late = await submit(quiz.token, body.attempt_token);
    expect(late.status).toBe(409);
    expect(late.body.detail).toMatch(/^This quiz closed at \d{4}-/);
    expect((await start(quiz.token)).status).toBe(409);
    expect((await getAttempt(quiz.token, body.attempt_token)).body).toMatchObject({ status: "in_progress", quiz: { is_open: false, closed_reason: "past_closing_time" } });
  });
});

describe("one attempt per browser", () => {
  it("refuses a second attempt after submitting; allowing retakes lets the same browser go again", async () => {
    const quiz = await publishQuiz();
    const takerKey = newTakerKey();
    const first = await start(quiz.token, "Ada", takerKey);
    await submit(quiz.token, first.body.attempt_token);
    const second = await start(quiz.token, "Ada", takerKey);
    expect(second.status).toBe(409);
    expect(second.body.detail).toBe("You have already taken this quiz; it allows one attempt per browser");
    // The same browser through the short code is the same taker.
    expect((await start(quiz.code, "Ada", takerKey)).status).toBe(409);
    // Someone else is not affected.
    expect((await start(quiz.token, "Bo")).status).toBe(201);

    await owner(settingsRoute, "PATCH", quiz.id, "", { allows_retakes: true });
    const retake = await start(quiz.token, "Ada", takerKey);
    expect(retake.status).toBe(201);
    expect(retake.body.attempt_token).not.toBe(first.body.attempt_token);
  });
});

describe("when the review is shown", () => {
  it("never: the score and levels only, no key in the payload", async () => {
    const quiz = await publishQuiz({ review: "never" });
    const { body } = await start(quiz.token);
    const submitted = await submit(quiz.token, body.attempt_token, { answers: { [body.questions[0].id]: correctShown(body.questions[0]) } });
    expect(submitted.body).toMatchObject({ status: "submitted", result: { score: 1, total: 4 }, review: null, review_status: "never", review_at: null });
    expect(findKeys(submitted.body)).toEqual([]);
  });

  it("after a date: nothing before it, the full review once it has passed", async () => {
    const reviewAt = new Date(Date.now() + 86_400_000).toISOString();
    const quiz = await publishQuiz({ review: "after_date", review_at: reviewAt });
    const { body } = await start(quiz.token);
    const submitted = await submit(quiz.token, body.attempt_token);
    expect(submitted.body).toMatchObject({ review: null, review_status: "after_date", review_at: reviewAt });
    expect(findKeys(submitted.body)).toEqual([]);
    await db.pool.query(`UPDATE quizzes SET review_at = now() - interval '1 second' WHERE token = $1`, [quiz.token]);
    const later = await getAttempt(quiz.token, body.attempt_token);
    expect(later.body.review_status).toBe("available");
    expect(later.body.review.questions.map((q: { explanation: string }) => q.explanation).sort()).toEqual([...EXPLANATIONS].sort());
  });
});

describe("results for the owner", () => {
  it("list every attempt, analyse the submitted ones, and download every response as CSV", async () => {
    const quiz = await publishQuiz({ shuffle_options: true, shuffle_questions: true });
    const plans: [string, boolean[]][] = [
      ["Strong", [true, true, true, true]],
      ["Middle", [true, true, false, false]],
      ["=HYPERLINK(\"http://evil\")", [true, false, false, false]],
    ];
    for (const [name, rights] of plans) {
      const { body } = await start(quiz.token, name);
      const answers: Record<string, number> = {};
      for (const q of body.questions as ShownQuestion[]) {
        const index = CONTENT.mcqs.findIndex((mcq) => mcq.question === q.question);
        answers[q.id] = rights[index] ? correctShown(q) : wrongShown(q);
      }
      await submit(quiz.token, body.attempt_token, { answers });
    }
    await start(quiz.token, "Unfinished");

    const { status, body } = await owner(resultsRoute, "GET", quiz.id, "/results");
    expect(status).toBe(200);
    expect(body.attempts.map((a: { name: string; status: string; score: number | null }) => [a.name, a.status, a.score])).toEqual([
      ["Strong", "submitted", 4],
      ["Middle", "submitted", 2],
      ["=HYPERLINK(\"http://evil\")", "submitted", 1],
      ["Unfinished", "in_progress", null],
    ]);
    expect(body.summary).toMatchObject({ submitted: 3, in_progress: 1, score_distribution: [0, 1, 1, 0, 1] });
    expect(body.items.map((item: { difficulty: number }) => item.difficulty)).toEqual([1, 2 / 3, 1 / 3, 1 / 3]);
    // Items are numbered in the teacher's order with the teacher's letters, whatever order takers saw.
    expect(body.items[0]).toMatchObject({ number: 1, question: CONTENT.mcqs[0].question, key_option: "A" });
    expect(body.items[0].options.map((o: { count: number; is_unchosen: boolean }) => [o.count, o.is_unchosen])).toEqual([[3, false], [0, true], [0, true], [0, true]]);
    expect(body.levels).toEqual([
      { level: "remember", questions: 2, share_correct: 5 / 6 },
      { level: "analyze", questions: 2, share_correct: 2 / 6 },
    ]);
    expect(body.readings.map((r: { text: string }) => r.text)).toContain("Only 3 takers so far: read these figures as hints; they settle with about 20 or more.");
    expect(body.items[0].readings[0].text).toBe("Q1: everyone got it right — fine as a warm-up, but it does not tell takers apart.");

    const csv = await owner(responsesRoute, "GET", quiz.id, "/responses");
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toMatch(/plants-and-light-responses\.csv/);
    const records: Record<string, string>[] = parse((csv.body as string).replace(/^\uFEFF/, ""), { columns: true });
    expect(records).toHaveLength(4 * 4);
    const strong = records.filter((row) => row.name === "Strong");
    expect(strong.map((row) => [row.question_number, row.is_correct, row.chosen_letter === row.correct_letter])).toEqual([
      ["1", "true", true],
      ["2", "true", true],
      ["3", "true", true],
      ["4", "true", true],
    ]);
    expect(records.filter((row) => row.name === "Unfinished").every((row) => row.status === "in_progress" && row.chosen_letter === "")).toBe(true);
    // A taker's name that a spreadsheet would run as a formula is written as text.
    expect(records.filter((row) => row.name === `'=HYPERLINK("http://evil")`)).toHaveLength(4);
  });

  it("are per version: a new version starts with no attempts, the old one keeps its own", async () => {
    const quiz = await publishQuiz();
    const { body } = await start(quiz.token);
    await submit(quiz.token, body.attempt_token);
    await db.pool.query(`UPDATE questions SET question = question || ' (revised)' WHERE assessment_id = $1 AND position = 0`, [quiz.id]);
    expect((await owner(publishRoute, "POST", quiz.id)).body.outcome).toBe("new_version");
    const latest = await owner(resultsRoute, "GET", quiz.id, "/results");
    expect(latest.body).toMatchObject({ version: 2, attempts: [], summary: { submitted: 0 } });
    expect(latest.body.versions).toEqual([expect.objectContaining({ version: 2, attempts: 0 }), expect.objectContaining({ version: 1, attempts: 1, submitted: 1 })]);
    const first = await callRoute(h(resultsRoute), { path: `/api/assessments/${quiz.id}/quiz/results?version=1`, params: { id: String(quiz.id) }, headers: bearer(teacher.token) });
    expect(first.body.attempts).toHaveLength(1);
    const missing = await callRoute(h(resultsRoute), { path: `/api/assessments/${quiz.id}/quiz/results?version=9`, params: { id: String(quiz.id) }, headers: bearer(teacher.token) });
    expect(missing.status).toBe(404);
    const bad = await callRoute(h(resultsRoute), { path: `/api/assessments/${quiz.id}/quiz/results?version=two`, params: { id: String(quiz.id) }, headers: bearer(teacher.token) });
    expect(bad.status).toBe(400);
  });
});

import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { createApiConsumer, runExample, SAMPLE_MATERIAL } from "./helpers";

// The three programs in examples/, run as their README says, against the real app: each generates
// from the sample material, waits by polling, and saves the quiz to the account and to a file.
let workDir: string;
test.beforeAll(() => {
  workDir = mkdtempSync(path.join(tmpdir(), "bloomery-examples-"));
});
test.afterAll(() => rmSync(workDir, { recursive: true, force: true }));

async function expectSavedQuiz(request: import("@playwright/test").APIRequestContext, key: string, file: string) {
  const quiz = JSON.parse(readFileSync(file, "utf8"));
  expect(quiz.mcqs.length).toBeGreaterThan(0);
  for (const mcq of quiz.mcqs) expect(mcq.options).toContain(mcq.correct_answer);
  const saved = await request.get(`/api/assessments/${quiz.assessment_id}`, { headers: { Authorization: `Bearer ${key}` } });
  expect(saved.status()).toBe(200);
  expect((await saved.json()).content.mcqs.map((mcq: { question: string }) => mcq.question)).toEqual(quiz.mcqs.map((mcq: { question: string }) => mcq.question));
}

test("the TypeScript client generates, polls and saves", async ({ request, baseURL }) => {
  const consumer = await createApiConsumer(request, baseURL!);
  const out = path.join(workDir, "typescript.json");
  const output = await runExample(
    "node_modules/.bin/tsx",
    ["examples/typescript/generate-quiz.ts", "--material", SAMPLE_MATERIAL, "--title", "Photosynthesis (TS)", "--blooms", "2 remember, 1 understand", "--out", out],
    { BLOOMERY_URL: baseURL!, BLOOMERY_API_KEY: consumer.key },
  );
  expect(output).toMatch(/waiting by polling/);
  expect(output).toMatch(/saved \d+ questions as assessment \d+/);
  await expectSavedQuiz(request, consumer.key, out);
});

test("the Python script generates, polls and saves", async ({ request, baseURL }) => {
  const consumer = await createApiConsumer(request, baseURL!);
  const out = path.join(workDir, "python.json");
  const output = await runExample(
    "python3",
    ["examples/python/generate_quiz.py", "--material", SAMPLE_MATERIAL, "--title", "Photosynthesis (Python)", "--blooms", "2 remember, 1 understand", "--out", out],
    { BLOOMERY_URL: baseURL!, BLOOMERY_API_KEY: consumer.key },
  );
  expect(output).toMatch(/saved \d+ questions as assessment \d+/);
  await expectSavedQuiz(request, consumer.key, out);
});

test("the curl walk-through generates, polls, saves and downloads GIFT", async ({ request, baseURL }) => {
  const consumer = await createApiConsumer(request, baseURL!);
  const out = path.join(workDir, "curl.json");
  const output = await runExample("bash", ["examples/curl.sh", SAMPLE_MATERIAL, out], { BLOOMERY_URL: baseURL!, BLOOMERY_API_KEY: consumer.key });
  expect(output).toMatch(/saved \d+ questions as assessment \d+/);
  await expectSavedQuiz(request, consumer.key, out);
  expect(readFileSync(out.replace(/\.json$/, ".gift"), "utf8")).toMatch(/::.*\{/);
});

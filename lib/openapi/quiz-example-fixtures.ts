import { expect } from "vitest";
import { GET as detailRoute } from "@/app/api/assessments/[id]/route";
import { POST as publishRoute } from "@/app/api/assessments/[id]/quiz/route";
import { POST as saveRoute } from "@/app/api/assessments/save/route";
import { PUT as answerRoute } from "@/app/api/quizzes/[key]/attempts/[attempt]/answers/[questionId]/route";
import { POST as submitRoute } from "@/app/api/quizzes/[key]/attempts/[attempt]/submit/route";
import { POST as startRoute } from "@/app/api/quizzes/[key]/attempts/route";
import { callRoute } from "@/tests/helpers/call-route";
import { EXAMPLE_QUESTIONS } from "./example-values";
import { QUIZ_EXAMPLE } from "./quiz-example-values";

type Route = Parameters<typeof callRoute>[0];

async function ok(route: unknown, call: Parameters<typeof callRoute>[1]) {
  const answer = await callRoute(route as Route, call);
  expect(answer.status, `${call.method ?? "GET"} ${call.path}: ${JSON.stringify(answer.body)}`).toBeLessThan(300);
  return answer.body;
}

/** Makes the quiz examples' world through the routes themselves; returns the stand-in → real value pairs. */
export async function createQuizExampleFixtures(headers: Record<string, string>): Promise<[string | number, string | number][]> {
  const save = (title: string, mcqs: unknown[]) =>
    ok(saveRoute, { method: "POST", path: "/api/assessments/save", json: { chapter_name: title, bloom_factors: { remember: 1, understand: 1 }, content_json: { mcqs } }, headers });
  const shared = await save("Photosynthesis quiz", [...EXAMPLE_QUESTIONS]);
  const spare = await save("Leaves", [EXAMPLE_QUESTIONS[0]]);
  const detail = await ok(detailRoute, { path: `/api/assessments/${shared.id}`, params: { id: String(shared.id) }, headers });
  const [first, second] = detail.content.mcqs.map((mcq: { id: string }) => mcq.id);
  const quiz = await ok(publishRoute, { method: "POST", path: `/api/assessments/${shared.id}/quiz`, params: { id: String(shared.id) }, headers, json: {} });

  const start = (name: string, takerKey: string) =>
    ok(startRoute, { method: "POST", path: `/api/quizzes/${quiz.token}/attempts`, params: { key: quiz.token }, json: { name, taker_key: takerKey } });
  const grace = await start("Grace", QUIZ_EXAMPLE.takerKey);
  await ok(answerRoute, {
    method: "PUT",
    path: `/api/quizzes/${quiz.token}/attempts/${grace.attempt_token}/answers/${first}`,
    params: { key: quiz.token, attempt: grace.attempt_token, questionId: first },
    json: { option: 0 },
  });
  const alan = await start("Alan", QUIZ_EXAMPLE.spareTakerKey);
  for (const questionId of [first, second]) {
    await ok(answerRoute, {
      method: "PUT",
      path: `/api/quizzes/${quiz.token}/attempts/${alan.attempt_token}/answers/${questionId}`,
      params: { key: quiz.token, attempt: alan.attempt_token, questionId },
      json: { option: 0 },
    });
  }
  const bo = await start("Bo", QUIZ_EXAMPLE.submittedTakerKey);
  await ok(submitRoute, {
    method: "POST",
    path: `/api/quizzes/${quiz.token}/attempts/${bo.attempt_token}/submit`,
    params: { key: quiz.token, attempt: bo.attempt_token },
    json: { answers: { [first]: 1, [second]: 0 } },
  });

  return [
    [QUIZ_EXAMPLE.assessmentId, shared.id],
    [QUIZ_EXAMPLE.spareAssessmentId, spare.id],
    [QUIZ_EXAMPLE.token, quiz.token],
    [QUIZ_EXAMPLE.code, quiz.code],
    [QUIZ_EXAMPLE.attemptToken, grace.attempt_token],
    [QUIZ_EXAMPLE.spareAttemptToken, alan.attempt_token],
    [QUIZ_EXAMPLE.submittedAttemptToken, bo.attempt_token],
    [QUIZ_EXAMPLE.questionId, first],
    [QUIZ_EXAMPLE.secondQuestionId, second],
  ];
}

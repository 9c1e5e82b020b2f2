import { expect } from "vitest";
import { z } from "zod";
import { POST as createKeyRoute } from "@/app/api/api-keys/route";
import { POST as saveRoute } from "@/app/api/assessments/save/route";
import { GET as detailRoute } from "@/app/api/assessments/[id]/route";
import { POST as uploadRoute } from "@/app/api/documents/route";
import { POST as forgotRoute } from "@/app/api/forgot-password/route";
import { POST as generateRoute } from "@/app/api/generate/route";
import { POST as loginRoute } from "@/app/api/login/route";
import { POST as signupRoute } from "@/app/api/signup/route";
import { GET as deliveriesRoute } from "@/app/api/webhooks/deliveries/route";
import { claimJobs } from "@/lib/jobs/claim-jobs";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { saveProgress } from "@/lib/jobs/job-lease";
import { defineJobKind } from "@/lib/jobs/types";
import { callRoute } from "@/tests/helpers/call-route";
import type pg from "pg";
import { startWebhookReceiver, type WebhookReceiver } from "../webhooks/test-receiver";
import { EXAMPLE, EXAMPLE_MATERIAL, EXAMPLE_QUESTIONS } from "./example-values";
import { createQuizExampleFixtures } from "./quiz-example-fixtures";

/** Kinds no worker runs, so their jobs stay queued, or started, for as long as the test needs. */
const waitingKind = defineJobKind({ kind: "example-waiting", payloadSchema: z.object({}), handle: async () => null });
const runningKind = defineJobKind({ kind: "example-running", payloadSchema: z.object({}), handle: async () => null });

type Route = Parameters<typeof callRoute>[0];
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function until<T>(what: string, read: () => Promise<T | undefined>, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function ok(route: Route, call: Parameters<typeof callRoute>[1]) {
  const answer = await callRoute(route, call);
  expect(answer.status, `${call.method ?? "GET"} ${call.path}: ${JSON.stringify(answer.body)}`).toBeLessThan(300);
  return answer.body;
}

export interface ExampleFixtures {
  /** Each EXAMPLE stand-in and the real value it stands for in this database. */
  replacements: [string | number, string | number][];
  userId: number;
  receiver: WebhookReceiver;
}

/**
 * Makes, through the routes themselves, everything the documented examples refer to: the example
 * user and their tokens and keys, jobs in each state, an assessment, documents, a webhook delivery.
 */
export async function createExampleFixtures(pool: pg.Pool): Promise<ExampleFixtures> {
  const receiver = await startWebhookReceiver();
  const callbackUrl = `${receiver.url}/hooks/bloomery`;
  const ada = await ok(signupRoute, { method: "POST", path: "/api/signup", json: { name: EXAMPLE.name, email: EXAMPLE.email, password: EXAMPLE.password } });
  const login = () =>
    ok(loginRoute, {
      method: "POST",
      path: "/api/login",
      body: new URLSearchParams({ username: EXAMPLE.email, password: EXAMPLE.password }).toString(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
  const token = (await login()).access_token as string;
  const spareToken = (await login()).access_token as string;
  const key = await ok(createKeyRoute, { method: "POST", path: "/api/api-keys", json: { name: "LMS plugin" }, headers: bearer(token) });
  const spareKey = await ok(createKeyRoute, { method: "POST", path: "/api/api-keys", json: { name: "Old script" }, headers: bearer(token) });
  const asKey = bearer(key.key);

  const finished = await ok(generateRoute, {
    method: "POST",
    path: "/api/generate",
    json: { text: EXAMPLE_MATERIAL, title: "Photosynthesis", blooms: "3 remember, 2 understand, 1 apply", callback_url: callbackUrl },
    headers: asKey,
  });
  const spareFinished = await ok(generateRoute, {
    method: "POST",
    path: "/api/generate",
    json: { text: EXAMPLE_MATERIAL, blooms: "3 remember, 2 understand, 1 apply", seed: 1 },
    headers: asKey,
  });
  const failed = await ok(generateRoute, { method: "POST", path: "/api/generate", json: { text: "Too short." }, headers: asKey });
  const queued = await enqueueJob(pool, waitingKind, {}, { userId: ada.id });
  const running = await enqueueJob(pool, runningKind, {}, { userId: ada.id });
  await claimJobs(pool, "example-worker", [runningKind.kind], 1);
  await saveProgress(pool, "example-worker", running.id, { done: 2, total: 6, stage: "writing questions" });

  const saved = await ok(saveRoute, {
    method: "POST",
    path: "/api/assessments/save",
    json: { chapter_name: "Photosynthesis", bloom_factors: { remember: 1, understand: 1 }, content_json: { mcqs: EXAMPLE_QUESTIONS } },
    headers: asKey,
  });
  const spare = await ok(saveRoute, {
    method: "POST",
    path: "/api/assessments/save",
    json: { chapter_name: "Spare", bloom_factors: { remember: 1 }, content_json: { mcqs: [EXAMPLE_QUESTIONS[0]] } },
    headers: asKey,
  });
  const detail = await ok(detailRoute as Route, { path: `/api/assessments/${saved.id}`, headers: asKey, params: { id: String(saved.id) } });

  const upload = () => {
    const form = new FormData();
    form.set("file", new File([EXAMPLE_MATERIAL], "photosynthesis.txt", { type: "text/plain" }));
    return ok(uploadRoute, { method: "POST", path: "/api/documents", body: form, headers: asKey });
  };
  const document = await upload();
  const spareDocument = await upload();

  await ok(signupRoute, { method: "POST", path: "/api/signup", json: { name: "Reset", email: "reset@example.org", password: "reset-password-1" } });
  await ok(forgotRoute, { method: "POST", path: "/api/forgot-password", json: { email: "reset@example.org" } });
  const resetToken = await until("the reset mail", async () => {
    const { rows } = await pool.query<{ text: string }>(`SELECT text FROM dev_mailbox WHERE "to" = 'reset@example.org'`);
    return rows[0] ? /reset-password\?token=([A-Za-z0-9_-]+)/.exec(rows[0].text)?.[1] : undefined;
  });

  const jobStatus = async (id: string, wanted: string) => {
    const { rows } = await pool.query<{ status: string }>(`SELECT status FROM jobs WHERE id = $1`, [id]);
    return rows[0]?.status === wanted ? true : undefined;
  };
  await until("the finished job", () => jobStatus(finished.job_id, "finished"));
  await until("the failed job", () => jobStatus(failed.job_id, "failed"));
  await until("the second finished job", () => jobStatus(spareFinished.job_id, "finished"));
  await until("the documents", () => jobStatus(document.job_id, "finished"));
  await until("the spare document", () => jobStatus(spareDocument.job_id, "finished"));
  const delivery = await until("the webhook delivery", async () => {
    const { body } = await callRoute(deliveriesRoute, { path: `/api/webhooks/deliveries?job_id=${finished.job_id}`, headers: asKey });
    return body.deliveries?.[0]?.status === "delivered" ? body.deliveries[0] : undefined;
  });

  const quizReplacements = await createQuizExampleFixtures(asKey);

  const replacements: [string | number, string | number][] = [
    ...quizReplacements,
    [EXAMPLE.userId, ada.id],
    [EXAMPLE.loginToken, token],
    [EXAMPLE.spareLoginToken, spareToken],
    [EXAMPLE.apiKey, key.key],
    [EXAMPLE.apiKeyId, key.id],
    [EXAMPLE.apiKeyPrefix, key.prefix],
    [EXAMPLE.spareApiKeyId, spareKey.id],
    [EXAMPLE.resetToken, resetToken],
    [EXAMPLE.finishedJobId, finished.job_id],
    [EXAMPLE.spareFinishedJobId, spareFinished.job_id],
    [EXAMPLE.failedJobId, failed.job_id],
    [EXAMPLE.queuedJobId, queued.id],
    [EXAMPLE.startedJobId, running.id],
    [EXAMPLE.assessmentId, saved.id],
    [EXAMPLE.spareAssessmentId, spare.id],
    [EXAMPLE.questionId, detail.content.mcqs[0].id],
    [EXAMPLE.spareQuestionId, detail.content.mcqs[1].id],
    [EXAMPLE.documentId, document.document_id],
    [EXAMPLE.spareDocumentId, spareDocument.document_id],
    [EXAMPLE.collectionName, document.collection_name],
    [EXAMPLE.chunkingJobId, document.job_id],
    [EXAMPLE.callbackUrl, callbackUrl],
    [EXAMPLE.deliveryId, delivery.id],
    // Some 2 MB of real words: the limit is on the text, not on its JSON.
    [EXAMPLE.oversizedText, "Photosynthesis makes glucose. ".repeat(Math.ceil((2 * 1024 * 1024 + 1) / 30))],
  ];
  return { replacements, userId: ada.id, receiver };
}

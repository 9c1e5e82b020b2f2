import { chmodSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { startAppProcess, type AppProcess } from "../../tests/helpers/app-process";
import { createApiConsumer, runExample, SAMPLE_MATERIAL, type ApiConsumer } from "./helpers";

// A second instance of the app, configured as an operator would for a receiver on the same
// machine: loopback callbacks allowed (every other private network still refused), quick retries.
let app: AppProcess;
let dataDir: string;
let consumer: ApiConsumer;
let secret: string;

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ request }) => {
  test.setTimeout(240_000);
  dataDir = mkdtempSync(path.join(tmpdir(), "bloomery-webhooks-"));
  // The embedded PostgreSQL runs as an unprivileged user when we are root: it must be able to enter.
  chmodSync(dataDir, 0o755);
  app = await startAppProcess({
    BLOOMERY_DATA_DIR: dataDir,
    WEBHOOK_ALLOWED_NETWORKS: "127.0.0.0/8",
    WEBHOOK_RETRY_BASE_SECONDS: "1",
    WORKER_POLL_MS: "200",
    RATE_LIMIT_SIGNUP_PER_IP: "1000",
    RATE_LIMIT_LOGIN_PER_IP: "1000",
  });
  consumer = await createApiConsumer(request, app.url);
  const secrets = await request.get(`${app.url}/api/webhooks/secrets`, { headers: { Authorization: `Bearer ${consumer.token}` } });
  secret = (await secrets.json()).secrets.find((entry: { api_key: { id: string } | null }) => entry.api_key?.id === consumer.keyId).secret;
});

test.afterAll(async () => {
  await app?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function deliveriesOf(request: import("@playwright/test").APIRequestContext, jobId: string) {
  const answer = await request.get(`${app.url}/api/webhooks/deliveries?job_id=${jobId}`, { headers: { Authorization: `Bearer ${consumer.key}` } });
  return (await answer.json()).deliveries;
}

for (const [language, command, script] of [
  ["TypeScript", "node_modules/.bin/tsx", "examples/typescript/generate-quiz.ts"],
  ["Python", "python3", "examples/python/generate_quiz.py"],
] as const) {
  test(`the ${language} example waits by webhook, verifies the signature and saves`, async ({ request }) => {
    const out = path.join(dataDir, `${language}.json`);
    const listen = `127.0.0.1:${await freePort()}`;
    const output = await runExample(
      command,
      [script, "--material", SAMPLE_MATERIAL, "--title", `Webhook (${language})`, "--blooms", "2 remember", "--out", out, "--webhook", "--listen", listen],
      { BLOOMERY_URL: app.url, BLOOMERY_API_KEY: consumer.key, BLOOMERY_WEBHOOK_SECRET: secret },
    );
    expect(output).toMatch(/waiting by webhook/);
    const quiz = JSON.parse(readFileSync(out, "utf8"));
    expect(quiz.mcqs.length).toBeGreaterThan(0);
    // The example answered 204 only after checking the signature; Bloomery logged it as delivered.
    await expect.poll(async () => (await deliveriesOf(request, quiz.job_id))[0]?.status).toBe("delivered");
    const [delivery] = await deliveriesOf(request, quiz.job_id);
    expect(delivery).toMatchObject({ url: `http://${listen}/bloomery`, event: "job.finished", attempt_count: 1, attempts: [{ response_status: 204, delivered: true }] });
  });
}

test("an example with the wrong secret refuses the delivery, and Bloomery keeps retrying", async ({ request }) => {
  const listen = `127.0.0.1:${await freePort()}`;
  const run = runExample(
    "python3",
    ["examples/python/generate_quiz.py", "--material", SAMPLE_MATERIAL, "--blooms", "1 remember", "--out", path.join(dataDir, "wrong.json"), "--webhook", "--listen", listen],
    { BLOOMERY_URL: app.url, BLOOMERY_API_KEY: consumer.key, BLOOMERY_WEBHOOK_SECRET: "whsec_not-the-right-one" },
    20_000,
  ).catch((error: Error) => error);
  // The script never accepts a delivery it cannot verify (401), so Bloomery tries again and again.
  await expect
    .poll(
      async () => {
        const answer = await request.get(`${app.url}/api/webhooks/deliveries`, { headers: { Authorization: `Bearer ${consumer.key}` } });
        const latest = (await answer.json()).deliveries[0];
        if (latest?.url !== `http://${listen}/bloomery`) return 0;
        return latest.attempts.filter((attempt: { response_status: number }) => attempt.response_status === 401).length;
      },
      { timeout: 30_000 },
    )
    .toBeGreaterThanOrEqual(2);
  expect(await run).toBeInstanceOf(Error);
});

test("settings show the signing secrets, replace one, and list every delivery attempt", async ({ page }) => {
  expect((await page.request.post(`${app.url}/api/auth/session`, { data: { email: consumer.email, password: consumer.password } })).status()).toBe(200);
  await page.goto(`${app.url}/settings/api-keys`);
  await expect(page.getByRole("heading", { name: "Webhook signing secrets" })).toBeVisible();
  const keySecret = page.getByRole("listitem").filter({ hasText: "Key “Example script”" });
  await keySecret.getByRole("button", { name: /^Show/ }).click();
  await expect(keySecret.getByTestId("webhook-secret")).toHaveText(secret);

  page.once("dialog", (dialog) => dialog.accept());
  await keySecret.getByRole("button", { name: /^Replace/ }).click();
  await expect(keySecret.getByTestId("webhook-secret")).toHaveText(/^whsec_/);
  await expect(keySecret.getByTestId("webhook-secret")).not.toHaveText(secret);

  const deliveries = page.getByRole("list", { name: "Recent deliveries" });
  await expect(deliveries.getByRole("listitem").filter({ hasText: "delivered" }).first()).toBeVisible();
  await deliveries.getByRole("listitem").filter({ hasText: /pending|failed/ }).first().locator("summary").click();
  await expect(page.getByRole("cell", { name: "401" }).first()).toBeVisible();
});

import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

test("the OpenAPI document is served and names this server", async ({ request, baseURL }) => {
  const answer = await request.get("/api/openapi.json");
  expect(answer.status()).toBe(200);
  const document = await answer.json();
  expect(document.openapi).toBe("3.1.0");
  expect(document.servers).toEqual([{ url: baseURL }]);
  expect(document.paths["/api/generate"].post.requestBody.content["application/json"].schema.$ref).toBe("#/components/schemas/PostApiGenerateRequest");
  expect(document.paths["/job_status"].get["x-edumate-compatible"]).toBe(true);
});

test("the reference page shows the guide and every route, with examples, and is accessible", async ({ page, request }) => {
  const document = await (await request.get("/api/openapi.json")).json();
  await page.goto("/docs/api");
  await expect(page.getByRole("heading", { level: 1, name: "Bloomery API reference" })).toBeVisible();
  const guide = page.getByRole("region", { name: "Guide" });
  for (const heading of ["Authentication", "Bloom requirements", "Job lifecycle", "Webhooks", "Idempotency", "EduMate compatibility"]) {
    await expect(guide.getByRole("heading", { level: 2, name: heading, exact: true })).toBeVisible();
  }
  for (const [path, methods] of Object.entries(document.paths) as [string, Record<string, { operationId: string }>][]) {
    for (const [method, operation] of Object.entries(methods)) {
      await expect(page.locator(`#${operation.operationId}`), `${method} ${path}`).toContainText(path);
    }
  }
  const generate = page.locator("#postApiGenerate");
  await expect(generate.getByText("EduMate-compatible", { exact: true })).toHaveCount(0);
  await expect(generate.getByText("Idempotency-Key").first()).toBeVisible();
  await expect(generate.locator("pre").first()).toContainText("curl -X POST");
  await expect(page.locator("#getJobStatus").getByText("EduMate-compatible", { exact: true })).toBeVisible();

  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
});

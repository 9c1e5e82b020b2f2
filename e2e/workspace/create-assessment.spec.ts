import { expect, test } from "@playwright/test";
import { photosynthesis, screenshotBothThemes, signUpThroughApi, stems, uniqueUser } from "./helpers";

test("a teacher builds an assessment in three steps, watches it generate, reviews it and saves it", async ({ page }) => {
  await signUpThroughApi(page, uniqueUser("creator"));
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "New assessment" })).toBeVisible();

  // Step 2 starts at EduMate's defaults, 20 in total, which is the Balanced preset.
  await expect(page.getByTestId("bloom-total")).toHaveText("20 questions in total");
  await expect(page.getByRole("button", { name: /^Balanced/ })).toHaveAttribute("aria-pressed", "true");

  // The button says why it cannot run yet.
  const generate = page.getByRole("button", { name: /^Generate/ });
  await expect(generate).toBeDisabled();
  await expect(page.locator("#generate-hint")).toHaveText("Paste some teaching material first.");
  await page.getByLabel("Teaching material").fill(photosynthesis);
  await expect(page.locator("#generate-hint")).toHaveText("Ready when you are.");
  await screenshotBothThemes(page, "new-assessment");

  // Presets, −/+ and typing all change the live total.
  await page.getByRole("button", { name: /^Quick check/ }).click();
  await expect(page.getByTestId("bloom-total")).toHaveText("6 questions in total");
  await page.getByRole("button", { name: "One more create question" }).click();
  await expect(page.getByTestId("bloom-total")).toHaveText("7 questions in total");
  await expect(page.getByRole("button", { name: /^Quick check/ })).toHaveAttribute("aria-pressed", "false");
  await page.getByRole("button", { name: "One fewer create question" }).click();
  for (const level of ["Remember", "Understand", "Apply", "Analyze", "Evaluate", "Create"]) await page.getByLabel(`${level} questions`).fill("0");
  await expect(page.locator("#generate-hint")).toHaveText("Ask for at least one question.");
  await page.getByLabel("Remember questions").fill("2");
  await page.getByLabel("Understand questions").fill("1");
  await page.getByLabel("Apply questions").fill("1");
  await expect(page.getByTestId("bloom-total")).toHaveText("4 questions in total");

  // The guide explains each level with an example.
  await page.getByRole("button", { name: "What are Bloom's levels?" }).click();
  const guide = page.getByRole("dialog", { name: "What are Bloom's levels?" });
  await expect(guide.getByRole("listitem")).toHaveCount(6);
  await expect(guide).toContainText("Which plan would save the most water in a drought");
  await screenshotBothThemes(page, "blooms-guide", { fullPage: false });
  await page.keyboard.press("Escape");
  await expect(guide).toBeHidden();

  await page.getByLabel("Title", { exact: false }).first().fill("Light and life");
  await generate.click();

  // The job id is in the address, and the review replaces the progress when it finishes.
  await expect(page).toHaveURL(/\/\?job=[0-9a-f-]{36}$/);
  // The built-in generator is quick: the progress screen is photographed when it is caught, not waited for.
  if (await page.getByTestId("generation-progress").isVisible()) await page.screenshot({ path: "e2e/.artifacts/screenshots/generating-light.png" });
  await expect(page.getByTestId("summary-strip")).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole("heading", { level: 1, name: "Light and life" })).toBeVisible();
  await expect(page.getByTestId("question-total")).toHaveText("4");
  const cards = page.getByTestId("question-card");
  await expect(cards).toHaveCount(4);
  for (const card of await cards.all()) {
    await expect(card.getByTestId("bloom-badge")).toHaveText(/^(Remember|Understand|Apply)$/);
    await expect(card.locator("ol > li")).toHaveCount(4);
    await expect(card.getByText("Correct answer")).toHaveCount(1);
    await expect(card.getByTestId("source-quote")).toContainText("From the material");
    await expect(card.getByTestId("generator")).toHaveText("Built-in generator");
  }
  await expect(page.getByTestId("bloom-chart").getByRole("img")).toHaveAttribute("aria-label", /Remember 2, Understand 1, Apply 1/);
  await screenshotBothThemes(page, "review");

  // Question paper hides the answers; Answer key brings them back.
  await page.getByRole("button", { name: "Question paper" }).click();
  await expect(page.getByText("Correct answer")).toHaveCount(0);
  await expect(page.getByTestId("source-quote")).toHaveCount(0);
  await page.getByRole("button", { name: "Answer key" }).click();
  await expect(page.getByText("Correct answer")).toHaveCount(4);

  const questions = await stems(page);
  await page.getByRole("button", { name: "Save to library" }).click();
  await expect(page).toHaveURL(/\/library\/\d+\?saved=1$/);
  await expect(page.getByText("Saved to your library.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Light and life" })).toBeVisible();
  expect(await stems(page)).toEqual(questions);
});

test("leaving a running job and coming back to its address resumes it; an unknown job says it expired", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Teaching material").fill(photosynthesis);
  await page.getByRole("button", { name: /^Quick check/ }).click();
  await page.getByRole("button", { name: /^Generate/ }).click();
  await expect(page).toHaveURL(/\?job=/);
  const address = page.url();
  await page.goto("/documents");
  await page.goto(address);
  await expect(page.getByTestId("summary-strip")).toBeVisible({ timeout: 60_000 });
  expect(await page.getByTestId("question-card").count()).toBeGreaterThan(0);

  await page.goto("/?job=00000000-0000-4000-8000-000000000000");
  await expect(page.getByText("This job expired or does not exist.")).toBeVisible();
  await expect(page.getByRole("link", { name: "← New assessment" })).toBeVisible();
  await screenshotBothThemes(page, "expired-job");
});

test("material can be an uploaded file, or a document uploaded before, optionally focused by a query", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("radio", { name: /Upload a file/ }).check();
  await expect(page.locator("#generate-hint")).toHaveText("Upload a file first.");
  await page.getByLabel("Choose files").setInputFiles({ name: "photosynthesis.txt", mimeType: "text/plain", buffer: Buffer.from(photosynthesis) });
  await expect(page.getByTestId("chosen-document").getByTestId("document-status")).toHaveText("Ready", { timeout: 60_000 });
  await expect(page.locator("#generate-hint")).toHaveText("Ready when you are.");

  // The same file is now among "documents uploaded before" (in this browser, without an account).
  await page.getByRole("radio", { name: /Use a document/ }).check();
  await expect(page.locator("#generate-hint")).toHaveText("Ready when you are.");
  await page.getByRole("radio", { name: /photosynthesis\.txt/ }).check();
  await page.getByLabel(/^Focus on/).fill("stomata and carbon dioxide");
  await page.getByRole("button", { name: /^Quick check/ }).click();
  await page.getByRole("button", { name: /^Generate 6 questions/ }).click();
  await expect(page.getByTestId("summary-strip")).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId("question-card").first().getByTestId("source-quote")).toContainText("photosynthesis.txt");
});

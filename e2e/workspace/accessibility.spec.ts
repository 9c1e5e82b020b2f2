import { expect, test } from "@playwright/test";
import { expectAccessible, finishedJob, photosynthesis, savedAssessment, screenshotBothThemes, signUpThroughApi, uniqueUser } from "./helpers";

test("every page has no serious or critical axe violation, in light and dark", async ({ page }) => {
  for (const path of ["/", "/sign-in", "/sign-up", "/forgot-password", "/documents", "/?job=00000000-0000-4000-8000-000000000000"]) {
    await page.goto(path);
    await expect(page.locator("main").first()).toBeVisible();
    await expectAccessible(page, path);
  }
  await screenshotBothThemes(page, "expired");
  await page.goto("/sign-in");
  // The form is disabled until React has attached its handlers: shoot it once it can be used.
  await expect(page.getByLabel("Email")).toBeEditable();
  await screenshotBothThemes(page, "sign-in");

  // An anonymous review, with its sign-in prompt; the sample cannot support ten "create" questions,
  // so the review names the short level and suggests a language model.
  const jobId = await finishedJob(page.request, { remember: 2, apply: 1, create: 10 });
  await page.goto(`/?job=${jobId}`);
  await expect(page.getByTestId("summary-strip")).toBeVisible();
  const warnings = page.getByTestId("generation-warnings");
  await expect(warnings).toContainText("Fewer questions than you asked for");
  // How many it can write may grow as the generator improves; that it names the level and the shortfall may not change.
  await expect(warnings).toContainText(/Create: \d of 10\./);
  await expect(warnings).toContainText("configure a language model");
  await screenshotBothThemes(page, "review-with-warnings");
  await expectAccessible(page, "review (anonymous)");
  await page.getByRole("button", { name: "Question paper" }).click();
  await expectAccessible(page, "review, question paper");

  await signUpThroughApi(page, uniqueUser("axe"));
  await page.goto("/");
  await page.getByLabel("Teaching material").fill(photosynthesis);
  await page.getByRole("button", { name: "What are Bloom's levels?" }).click();
  await expectAccessible(page, "Bloom guide");
  await page.keyboard.press("Escape");
  await page.getByRole("radio", { name: /Use a document/ }).check();
  await expectAccessible(page, "new assessment, document picker");

  await page.goto("/library");
  await expect(page.getByText("No assessments yet.")).toBeVisible();
  await expectAccessible(page, "/library empty");
  const id = await savedAssessment(page, { remember: 2, understand: 1, analyze: 1 });
  await page.goto("/library");
  await expect(page.getByTestId("library-card")).toHaveCount(1);
  await expectAccessible(page, "/library");
  await page.getByRole("button", { name: "Import a file" }).click();
  await expectAccessible(page, "import dialog");
  await page.keyboard.press("Escape");

  await page.goto(`/library/${id}`);
  await expect(page.getByTestId("question-card").first()).toBeVisible();
  await expectAccessible(page, "/library/[id]");
  await page.getByRole("button", { name: "Edit question 1" }).click();
  await expectAccessible(page, "editing a question");
  await page.getByRole("button", { name: "Cancel" }).click();
  await page.getByRole("button", { name: "Export" }).click();
  await expectAccessible(page, "export dialog");
  await page.keyboard.press("Escape");

  for (const path of ["/settings/api-keys"]) {
    await page.goto(path);
    await expectAccessible(page, path);
  }
});

test("the theme follows the system until the toggle picks one, and the choice is kept", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/");
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  const toggle = page.getByTestId("theme-toggle");
  await expect(toggle).toHaveAttribute("data-theme-choice", "system");
  await toggle.click();
  await expect(toggle).toHaveAttribute("data-theme-choice", "light");
  await expect(page.locator("html")).not.toHaveClass(/\bdark\b/);
  await page.reload();
  await expect(page.locator("html")).not.toHaveClass(/\bdark\b/);
  await page.getByTestId("theme-toggle").click();
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/documents");
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  await page.getByTestId("theme-toggle").click();
  await expect(page.getByTestId("theme-toggle")).toHaveAttribute("data-theme-choice", "system");
  await expect(page.locator("html")).not.toHaveClass(/\bdark\b/);
});

import { expect, test } from "@playwright/test";
import { generateThreeQuestions, uniqueUser } from "./helpers";

test("a teacher signs up, generates, saves, finds it in the library, signs out and back in, and it is still there", async ({ page }) => {
  const user = uniqueUser("saver");
  const title = `Photosynthesis ${user.email.slice(6, 14)}`;

  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(user.name);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/library$/);
  await expect(page.getByText("No assessments yet.")).toBeVisible();
  await expect(page.getByTestId("signed-in-as")).toHaveText(`Signed in as ${user.name}`);

  await generateThreeQuestions(page, title);
  await page.getByRole("button", { name: "Save to library" }).click();
  await expect(page).toHaveURL(/\/library\/\d+\?saved=1$/);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Library" }).click();
  const card = page.getByTestId("library-card").filter({ hasText: title });
  await expect(card).toContainText("3 questions");
  await card.getByRole("link", { name: title, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByTestId("question-card")).toHaveCount(3);
  const questions = await page.getByTestId("question-card").locator("h3").allTextContents();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto("/library");
  await expect(page).toHaveURL(/\/sign-in\?next=(%2F|\/)library$/);

  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/library$/);
  await page.getByRole("link", { name: title, exact: true }).click();
  await expect(page.getByTestId("question-card")).toHaveCount(3);
  expect(await page.getByTestId("question-card").locator("h3").allTextContents()).toEqual(questions);
});

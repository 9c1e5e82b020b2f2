import { expect, test } from "@playwright/test";
import { generateThreeQuestions, uniqueUser } from "./helpers";

test("a visitor generates first, then signs up from the save prompt, and the quiz is saved to the new account", async ({ page }) => {
  const user = uniqueUser("visitor");
  const title = `Light reactions ${user.email.slice(8, 16)}`;
  await generateThreeQuestions(page, title);
  const questions = await page.getByTestId("question-card").locator("h3").allTextContents();

  const panel = page.getByTestId("save-panel");
  await expect(panel).toContainText("Sign in to keep this quiz in your library.");
  await panel.getByRole("link", { name: "Create an account" }).click();
  await expect(page.getByText("Create an account and the quiz you just generated will be saved to your library.")).toBeVisible();
  await page.getByLabel("Name").fill(user.name);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page).toHaveURL(/\/library\/\d+\?saved=1$/);
  await expect(page.getByText("Saved to your library.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  expect(await page.getByTestId("question-card").locator("h3").allTextContents()).toEqual(questions);
});

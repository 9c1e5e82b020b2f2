import { expect, test } from "@playwright/test";
import { photosynthesis, stems, uniqueUser } from "./helpers";

test("a visitor regenerates and edits an unsaved result, is warned before leaving, then signs up and the edited quiz is saved", async ({ page }) => {
  const user = uniqueUser("draft");
  await page.goto("/");
  await page.getByLabel("Teaching material").fill(photosynthesis);
  for (const [level, count] of Object.entries({ Remember: "3", Understand: "0", Apply: "0", Analyze: "0", Evaluate: "0", Create: "0" })) {
    await page.getByLabel(`${level} questions`).fill(count);
  }
  await page.getByLabel("Title").fill("Pigments");
  await page.getByRole("button", { name: /^Generate/ }).click();
  await expect(page.getByTestId("question-card")).toHaveCount(3, { timeout: 60_000 });
  const original = await stems(page);

  await page.getByRole("button", { name: "Regenerate question 2" }).click();
  await expect(page.getByTestId("workspace-message")).toContainText("Question 2 was regenerated.", { timeout: 60_000 });
  const regenerated = await stems(page);
  expect(original).not.toContain(regenerated[1]);

  await page.getByRole("button", { name: "Edit question 1" }).click();
  await page.getByLabel("Question", { exact: true }).fill("Edited before signing up: what absorbs light?");
  await page.getByRole("button", { name: "Save question" }).click();
  await expect(page.getByText("Your edits are kept in this browser until you save.")).toBeVisible();

  // Leaving by an in-app link asks first; dismissing stays.
  page.once("dialog", (dialog) => void dialog.dismiss());
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Documents" }).click();
  await expect(page).toHaveURL(/\?job=/);

  // The edits survive a reload of the job's address.
  page.once("dialog", (dialog) => void dialog.accept());
  await page.reload();
  await expect(page.getByTestId("question-card").first().locator("h3")).toContainText("Edited before signing up: what absorbs light?");
  const edited = await stems(page);

  const panel = page.getByTestId("save-panel");
  await expect(panel).toContainText("Sign in to keep this quiz in your library.");
  await panel.getByRole("link", { name: "Create an account" }).click();
  await page.getByLabel("Name").fill(user.name);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page).toHaveURL(/\/library\/\d+\?saved=1$/);
  await expect(page.getByRole("heading", { level: 1, name: "Pigments" })).toBeVisible();
  expect(await stems(page)).toEqual(edited);
});

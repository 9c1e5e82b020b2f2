import { expect, test } from "@playwright/test";
import { savedAssessment, screenshotBothThemes, signUpThroughApi, uniqueUser } from "./helpers";

test("the library searches, sorts, shows counts and Bloom mix, renames, duplicates, deletes after confirming, and imports", async ({ page }) => {
  await signUpThroughApi(page, uniqueUser("library"));
  await page.goto("/library");
  await expect(page.getByText("No assessments yet.")).toBeVisible();
  await screenshotBothThemes(page, "library-empty");

  await savedAssessment(page, { remember: 2, understand: 1 }, "Beta: light reactions");
  await savedAssessment(page, { remember: 1, apply: 1 }, "Alpha: the Calvin cycle");
  await page.reload();
  const cards = page.getByTestId("library-card");
  await expect(cards).toHaveCount(2);
  // Newest first by default.
  await expect(cards.first()).toContainText("Alpha: the Calvin cycle");
  const beta = cards.filter({ hasText: "Beta: light reactions" });
  await expect(beta.getByTestId("library-question-count")).toHaveText("3 questions");
  await expect(beta.getByTestId("library-bloom-mix")).toHaveText("Remember 2 · Understand 1");
  await screenshotBothThemes(page, "library");

  await page.getByLabel("Sort by").selectOption("title_desc");
  await expect(cards.first()).toContainText("Beta: light reactions");
  await expect(page).toHaveURL(/sort=title_desc/);
  await page.getByLabel("Sort by").selectOption("title");
  await expect(cards.first()).toContainText("Alpha: the Calvin cycle");

  await page.getByLabel("Search titles").fill("calvin");
  await expect(cards).toHaveCount(1);
  await expect(page).toHaveURL(/q=calvin/);
  await page.getByLabel("Search titles").fill("nothing like this");
  await expect(page.getByText("No assessment has a title containing “nothing like this”.")).toBeVisible();
  await page.getByRole("button", { name: "Clear the search" }).click();
  await expect(cards).toHaveCount(2);

  await beta.getByRole("button", { name: "Rename Beta: light reactions" }).click();
  await page.getByLabel("New title for “Beta: light reactions”").fill("Beta: the light reactions");
  await page.getByRole("button", { name: "Save title" }).click();
  await expect(cards.filter({ hasText: "Beta: the light reactions" })).toHaveCount(1);

  await cards.filter({ hasText: "Alpha" }).getByRole("button", { name: /^Duplicate/ }).click();
  const copy = cards.filter({ has: page.getByRole("heading", { name: "Alpha: the Calvin cycle (copy)" }) });
  await expect(copy).toHaveCount(1);
  await expect(cards).toHaveCount(3);

  await copy.getByRole("button", { name: /^Delete/ }).click();
  const confirm = page.getByRole("dialog", { name: "Delete this assessment?" });
  await expect(confirm).toContainText("cannot be undone");
  await confirm.getByRole("button", { name: "Keep it" }).click();
  await expect(cards).toHaveCount(3);
  // Escape keeps it too, and hands focus back to the button that opened the dialog.
  await copy.getByRole("button", { name: /^Delete/ }).click();
  await expect(confirm).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(confirm).toBeHidden();
  await expect(copy.getByRole("button", { name: /^Delete/ })).toBeFocused();
  await expect(cards).toHaveCount(3);
  await copy.getByRole("button", { name: /^Delete/ }).click();
  await page.getByRole("dialog", { name: "Delete this assessment?" }).getByRole("button", { name: "Delete for good" }).click();
  await expect(cards).toHaveCount(2);

  // Import: a broken file lists its problems by line; a good one becomes an assessment.
  await page.getByRole("button", { name: "Import a file" }).click();
  const dialog = page.getByRole("dialog", { name: "Import an assessment" });
  await dialog.getByLabel("File", { exact: true }).setInputFiles({ name: "broken.txt", mimeType: "text/plain", buffer: Buffer.from("A) an option before any question\nANSWER: A\n") });
  await dialog.getByRole("button", { name: "Import" }).click();
  await expect(dialog.getByTestId("import-issues")).toContainText("line");
  const aiken = "What does chlorophyll absorb?\nA. Light energy\nB. Water\nC. Oxygen\nD. Salt\nANSWER: A\n";
  await dialog.getByLabel("File", { exact: true }).setInputFiles({ name: "quiz.txt", mimeType: "text/plain", buffer: Buffer.from(aiken) });
  await dialog.getByLabel(/^Title/).fill("Imported pigments");
  await dialog.getByRole("button", { name: "Import" }).click();
  await expect(dialog).toContainText("Imported “Imported pigments”");
  await dialog.getByRole("link", { name: "Open it" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Imported pigments" })).toBeVisible();
  // Imported questions have no material to regenerate from: the button says so by being off, and the page says why.
  await expect(page.getByRole("button", { name: "Regenerate question 1" })).toBeDisabled();
  await expect(page.getByText("was imported or saved without its material").first()).toBeVisible();
});

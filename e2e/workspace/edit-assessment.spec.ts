import { expect, test } from "@playwright/test";
import { savedAssessment, screenshotBothThemes, signUpThroughApi, stems, uniqueUser } from "./helpers";

test("edits in place are saved to the server and survive a reload", async ({ page }) => {
  await signUpThroughApi(page, uniqueUser("edit"));
  const id = await savedAssessment(page, { remember: 2, understand: 1 });
  await page.goto(`/library/${id}`);
  await expect(page.getByTestId("question-card")).toHaveCount(3);
  await screenshotBothThemes(page, "saved-assessment");

  await page.getByRole("button", { name: "Edit question 2" }).click();
  const form = page.getByTestId("question-form");
  await form.getByLabel("Question", { exact: true }).fill("Which gas do leaves take in for photosynthesis?");
  for (const [letter, text] of [["A", "Carbon dioxide"], ["B", "Helium"], ["C", "Neon"], ["D", "Argon"]]) await form.getByLabel(`Option ${letter}`, { exact: true }).fill(text);
  await form.getByLabel("Option A is correct").check();
  await form.getByLabel("Bloom level").selectOption("apply");
  await form.getByLabel("Explanation").fill("Leaves take in carbon dioxide through their stomata.");
  await screenshotBothThemes(page, "edit-question");
  await form.getByRole("button", { name: "Save question" }).click();
  await expect(page.getByTestId("workspace-message")).toContainText("Question 2 saved.");

  await page.reload();
  const second = page.getByTestId("question-card").nth(1);
  await expect(second.locator("h3")).toHaveText("2.Which gas do leaves take in for photosynthesis?");
  await expect(second.getByTestId("bloom-badge")).toHaveText("Apply");
  await expect(second.locator("ol > li").first()).toContainText("Carbon dioxide");
  await expect(second.locator("ol > li").first()).toContainText("Correct answer");
  await expect(second.getByTestId("explanation")).toHaveText("Leaves take in carbon dioxide through their stomata.");
  await expect(second.getByTestId("generator")).toHaveText("Built-in generator");
});

test("regenerating one question replaces it with a different one at the same level, kept after a reload", async ({ page }) => {
  await signUpThroughApi(page, uniqueUser("regen"));
  const id = await savedAssessment(page, { remember: 3, understand: 1 });
  await page.goto(`/library/${id}`);
  const before = await stems(page);
  const level = await page.getByTestId("question-card").first().getByTestId("bloom-badge").textContent();

  await page.getByRole("button", { name: "Regenerate question 1" }).click();
  await expect(page.getByTestId("workspace-message")).toContainText("Question 1 was regenerated.", { timeout: 60_000 });
  const after = await stems(page);
  expect(after).toHaveLength(4);
  expect(before).not.toContain(after[0]);
  expect(after.slice(1)).toEqual(before.slice(1));
  await expect(page.getByTestId("question-card").first().getByTestId("bloom-badge")).toHaveText(level!);

  await page.reload();
  expect(await stems(page)).toEqual(after);
});

test("add n more avoids duplicates; delete can be undone; questions move by keyboard and by dragging", async ({ page }) => {
  await signUpThroughApi(page, uniqueUser("more"));
  const id = await savedAssessment(page, { remember: 2, understand: 1 });
  await page.goto(`/library/${id}`);
  const before = await stems(page);

  await page.getByLabel("Add more").fill("2");
  await page.getByLabel("At level").selectOption("remember");
  await page.getByRole("button", { name: "Generate 2 more" }).click();
  await expect(page.getByTestId("workspace-message")).toContainText(/Added \d question|no further questions/, { timeout: 60_000 });
  const grown = await stems(page);
  expect(grown.slice(0, 3)).toEqual(before);
  expect(new Set(grown).size).toBe(grown.length);
  expect(grown.length).toBeGreaterThan(3);

  // Delete, then undo: the question comes back in its place.
  await page.getByRole("button", { name: "Delete question 2" }).click();
  await expect(page.getByTestId("question-card")).toHaveCount(grown.length - 1);
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByTestId("workspace-message")).toContainText("Restored.");
  expect(await stems(page)).toEqual(grown);

  // Keyboard: focus the first handle, press ArrowDown; focus stays on the moved question's handle.
  await page.getByRole("button", { name: "Reorder question 1" }).focus();
  await page.keyboard.press("ArrowDown");
  await expect.poll(() => stems(page)).toEqual([grown[1], grown[0], ...grown.slice(2)]);
  await expect(page.getByRole("button", { name: "Reorder question 2" })).toBeFocused();

  // Drag the last question onto the first.
  const items = page.getByTestId("question-item");
  await items.last().getByTestId("drag-handle").dragTo(items.first());
  const dragged = [grown[grown.length - 1], grown[1], grown[0], ...grown.slice(2, -1)];
  await expect.poll(() => stems(page)).toEqual(dragged);
  await expect(page.getByTestId("save-state")).toHaveText("All changes saved");

  await page.reload();
  expect(await stems(page)).toEqual(dragged);
});

test("a question added by hand is checked, then saved; the export dialog lists what a format drops before downloading", async ({ page }) => {
  await signUpThroughApi(page, uniqueUser("export"));
  const id = await savedAssessment(page, { remember: 1, understand: 1 });
  await page.goto(`/library/${id}`);

  await page.getByRole("button", { name: "+ Add a question" }).click();
  const form = page.getByTestId("question-form");
  await form.getByLabel("Question", { exact: true }).fill("What do roots take up?");
  await form.getByRole("button", { name: "Add question" }).click();
  await expect(form.getByRole("alert")).toHaveText(/Fill in all four options/);
  for (const [letter, text] of [["A", "Sand"], ["B", "Water"], ["C", "Light"], ["D", "Heat"]]) await form.getByLabel(`Option ${letter}`, { exact: true }).fill(text);
  await form.getByLabel("Option B is correct").check();
  await form.getByLabel("Explanation").fill("Roots absorb water.");
  await form.getByRole("button", { name: "Add question" }).click();
  await expect(page.getByTestId("question-card")).toHaveCount(3);
  await expect(page.getByTestId("question-card").last().getByTestId("generator")).toHaveText("Written by hand");

  await page.getByRole("button", { name: "Export" }).click();
  const dialog = page.getByRole("dialog", { name: "Export" });
  await expect(dialog.getByRole("button")).toHaveCount(12);
  await screenshotBothThemes(page, "export", { fullPage: false });
  await dialog.getByRole("button", { name: /^Aiken/ }).click();
  const problems = page.getByTestId("export-problems");
  await expect(problems).toContainText("no place for explanations or Bloom levels");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download anyway" }).click();
  expect((await download).suggestedFilename()).toMatch(/\.txt$/);

  // A format that carries everything downloads at once.
  const json = page.waitForEvent("download");
  await page.getByRole("dialog").getByRole("button", { name: /^Bloomery JSON/ }).click();
  expect((await json).suggestedFilename()).toMatch(/\.json$/);
});

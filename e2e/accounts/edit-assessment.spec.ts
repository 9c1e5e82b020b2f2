import { expect, test } from "@playwright/test";
import { signUpThroughApi, uniqueUser } from "./helpers";

const content = {
  mcqs: [
    { question: "What does chlorophyll absorb?", options: ["Light", "Water", "Oxygen", "Sugar"], correct_answer: "Light", bloom_level: "remember", explanation: "It absorbs light." },
    { question: "Which gas do plants release?", options: ["Oxygen", "Helium", "Argon", "Neon"], correct_answer: "Oxygen", bloom_level: "remember", explanation: "Oxygen is a by-product." },
    { question: "Where does photosynthesis happen?", options: ["Chloroplasts", "Nucleus", "Ribosomes", "Vacuole"], correct_answer: "Chloroplasts", bloom_level: "understand", explanation: "In chloroplasts." },
  ],
};

test("a teacher renames a saved assessment, edits, moves, adds and deletes questions, then deletes it", async ({ page }) => {
  const user = uniqueUser("editor");
  await signUpThroughApi(page, user);
  const saved = await page.request.post("/api/assessments/save", { data: { chapter_name: "Plants", bloom_factors: { remember: 2, understand: 1 }, content_json: content } });
  const { id } = await saved.json();
  await page.goto(`/library/${id}`);
  const stems = () => page.getByTestId("question-card").locator("h3");

  await page.getByRole("button", { name: "Rename" }).click();
  await page.getByLabel("Title").fill("Plants and light");
  await page.getByRole("button", { name: "Save title" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Plants and light" })).toBeVisible();

  await page.getByRole("button", { name: "Edit question 1" }).click();
  await page.getByLabel("Question", { exact: true }).fill("Which energy does chlorophyll absorb?");
  await page.getByRole("button", { name: "Save question" }).click();
  await expect(stems().first()).toContainText("Which energy does chlorophyll absorb?");

  await page.getByRole("button", { name: "Move question 3 up" }).click();
  await expect(stems().nth(1)).toContainText("Where does photosynthesis happen?");

  await page.getByRole("button", { name: "Add a question" }).click();
  await page.getByLabel("Question", { exact: true }).fill("What do roots take up?");
  for (const [letter, text] of [["A", "Sand"], ["B", "Water"], ["C", "Light"], ["D", "Heat"]]) await page.getByLabel(`Option ${letter}`, { exact: true }).fill(text);
  await page.getByLabel("Option B is correct").check();
  await page.getByLabel("Explanation").fill("Roots absorb water.");
  await page.getByRole("button", { name: "Add question" }).click();
  await expect(stems()).toHaveCount(4);
  await expect(stems().nth(3)).toContainText("What do roots take up?");

  await page.getByRole("button", { name: "Delete question 2" }).click();
  await expect(stems()).toHaveCount(3);
  await expect(page.getByText("Where does photosynthesis happen?")).toHaveCount(0);

  await page.reload();
  expect(await stems().allTextContents()).toEqual([
    expect.stringContaining("Which energy does chlorophyll absorb?"),
    expect.stringContaining("Which gas do plants release?"),
    expect.stringContaining("What do roots take up?"),
  ]);

  await page.getByRole("button", { name: "Delete", exact: true }).click();
  await page.getByRole("dialog", { name: "Delete this assessment?" }).getByRole("button", { name: "Delete for good" }).click();
  await expect(page).toHaveURL(/\/library$/);
  await expect(page.getByText("No assessments yet.")).toBeVisible();
});

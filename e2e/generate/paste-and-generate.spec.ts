import { expect, test } from "@playwright/test";
import { photosynthesis } from "../accounts/helpers";

test("a teacher pastes material, presses Generate and reads questions with answers and explanations", async ({ page }) => {
  await page.goto("/");
  const generate = page.getByRole("button", { name: /^Generate/ });
  await expect(generate).toBeDisabled();
  await expect(page.getByText("Paste some teaching material first.")).toBeVisible();

  await page.getByLabel("Title").fill("Photosynthesis");
  await page.getByLabel("Teaching material").fill(photosynthesis);
  for (const [level, count] of Object.entries({ remember: "2", understand: "1", apply: "1", analyze: "1", evaluate: "0", create: "0" })) {
    await page.getByLabel(`${level} questions`).fill(count);
  }
  await expect(page.getByText("5 questions in total")).toBeVisible();
  await generate.click();

  const cards = page.getByTestId("question-card");
  await expect(cards).toHaveCount(5);
  for (const card of await cards.all()) {
    await expect(card.getByText("✓ Correct answer")).toHaveCount(1);
    await expect(card.getByTestId("explanation")).not.toBeEmpty();
    await expect(card.locator("ol > li")).toHaveCount(4);
  }
  await expect(page.getByTestId("bloom-badge").getByText(/^Remember$/).first()).toBeVisible();

  await page.getByRole("button", { name: "Question paper" }).click();
  await expect(page.getByText("✓ Correct answer")).toHaveCount(0);
});

import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { makeLessonPdf, WATER_CYCLE_PAGES } from "../../lib/documents/test-fixtures";
import { makeRandomBytes } from "../../lib/ingest/test-fixtures";
import { signUpThroughApi, uniqueUser } from "../accounts/helpers";

test("a teacher uploads a PDF, sees it read page by page, generates, and each question shows its source page", async ({ page }) => {
  await signUpThroughApi(page, uniqueUser("documents"));
  await page.goto("/documents");
  await expect(page.getByRole("heading", { name: "Documents", level: 1 })).toBeVisible();
  // The file input is disabled until React can hear what is chosen.
  await expect(page.getByLabel("Choose files")).toBeEnabled();

  await page.getByLabel("Choose files").setInputFiles({ name: "water-cycle.pdf", mimeType: "application/pdf", buffer: Buffer.from(await makeLessonPdf()) });

  const item = page.getByTestId("document-item").filter({ hasText: "water-cycle.pdf" });
  await expect(item.getByTestId("document-status")).toHaveText("Ready");
  await expect(item.getByTestId("document-facts")).toContainText("3 pages");
  // The upload opens itself: the text as read, page by page.
  const preview = item.getByTestId("document-preview");
  await expect(preview.getByText("Page 2 · Condensation")).toBeVisible();
  await expect(preview).toContainText(WATER_CYCLE_PAGES[2].paragraphs[0]);

  for (const [level, count] of Object.entries({ remember: "3", understand: "0", apply: "0", analyze: "0", evaluate: "0", create: "0" })) {
    await item.getByLabel(`${level} questions`).fill(count);
  }
  await item.getByRole("button", { name: "Generate" }).click();
  const cards = item.getByTestId("question-card");
  await expect(cards.first()).toBeVisible();
  expect(await cards.count()).toBeGreaterThan(0);
  for (const card of await cards.all()) {
    await expect(card).toContainText(/page [123]\b/i);
  }

  const accessibility = await new AxeBuilder({ page }).include("main").analyze();
  expect(accessibility.violations).toEqual([]);

  // The list survives a reload: the documents belong to the account.
  await page.reload();
  await expect(page.getByTestId("document-item").filter({ hasText: "water-cycle.pdf" }).getByTestId("document-status")).toHaveText("Ready");
});

test("a file dropped without an account that cannot be read says why, and can be deleted", async ({ page }) => {
  await page.goto("/documents");
  await expect(page.getByText("You are not signed in")).toBeVisible();
  await expect(page.getByLabel("Choose files")).toBeEnabled();

  const bytes = Array.from(makeRandomBytes(4096, 11));
  const dataTransfer = await page.evaluateHandle((data) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(data)], "notes.pdf", { type: "application/pdf" }));
    return transfer;
  }, bytes);
  await page.getByTestId("drop-zone").dispatchEvent("drop", { dataTransfer });

  const item = page.getByTestId("document-item").filter({ hasText: "notes.pdf" });
  await expect(item.getByTestId("document-status")).toHaveText("Could not be read");
  await expect(item.getByTestId("document-error")).toHaveText("This file is not a PDF, Word document or text file");

  // Remembered in this browser across a reload.
  await page.reload();
  await expect(item.getByTestId("document-error")).toBeVisible();

  page.once("dialog", (dialog) => void dialog.accept());
  await item.getByRole("button", { name: "Delete notes.pdf" }).click();
  await expect(item).toHaveCount(0);
  await expect(page.getByText("No documents yet.")).toBeVisible();
});

import { expect, test, type Page } from "@playwright/test";
import { photosynthesis, savedAssessment, signUpThroughApi, stems, uniqueUser } from "./helpers";

// A phone widens its layout to fit content that is too wide (and zooms out), so innerWidth alone proves
// nothing: the page must be exactly the 375 px it was given.
async function expectNoSidewaysScroll(page: Page) {
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, layout: window.innerWidth }));
  expect(widths).toEqual({ page: 375, layout: 375 });
}

test.describe("on a 375 px phone", () => {
  test.use({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });

  test("a teacher creates, reviews, saves and edits an assessment without sideways scrolling", async ({ page }) => {
    await signUpThroughApi(page, uniqueUser("phone"));
    await page.goto("/");
    await expectNoSidewaysScroll(page);
    await page.getByLabel("Teaching material").fill(photosynthesis);
    await page.getByRole("button", { name: /^Quick check/ }).click();
    await page.getByRole("button", { name: /^Generate 6 questions/ }).click();
    await expect(page.getByTestId("summary-strip")).toBeVisible({ timeout: 60_000 });
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: "e2e/.artifacts/screenshots/phone-review-light.png", fullPage: false });
    await page.getByRole("button", { name: "Save to library" }).tap();
    await expect(page).toHaveURL(/\/library\/\d+\?saved=1$/);
    await expectNoSidewaysScroll(page);
    await expect(page.getByTestId("question-card").first()).toBeVisible();
    const before = await stems(page);
    await page.getByRole("button", { name: "Move question 1 down" }).tap();
    await expect.poll(() => stems(page)).toEqual([before[1], before[0], ...before.slice(2)]);
    await page.goto("/library");
    await expect(page.getByTestId("library-card")).toHaveCount(1);
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: "e2e/.artifacts/screenshots/phone-library-light.png", fullPage: false });
    for (const path of ["/documents", "/sign-in", "/settings/api-keys", "/docs/api"]) {
      await page.goto(path);
      await expectNoSidewaysScroll(page);
    }
  });
});

test("keyboard only: a teacher creates and saves an assessment without touching the mouse", async ({ page }) => {
  await signUpThroughApi(page, uniqueUser("keys"));
  await page.goto("/");

  // Skip link first, then into the form.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  await page.keyboard.press("Enter");

  // Tab until the material box has focus (the mode radios come first), then type.
  const material = page.getByLabel("Teaching material");
  for (let i = 0; i < 10 && !(await material.evaluate((element) => element === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(material).toBeFocused();
  await page.keyboard.insertText(photosynthesis);

  // Presets are buttons: Tab to Quick check and press Space.
  const quick = page.getByRole("button", { name: /^Quick check/ });
  for (let i = 0; i < 10 && !(await quick.evaluate((element) => element === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(quick).toBeFocused();
  await page.keyboard.press("Space");
  await expect(page.getByTestId("bloom-total")).toHaveText("6 questions in total");

  // Arrow keys step a count box.
  const apply = page.getByLabel("Apply questions");
  for (let i = 0; i < 30 && !(await apply.evaluate((element) => element === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(apply).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await expect(page.getByTestId("bloom-total")).toHaveText("7 questions in total");

  const title = page.getByLabel("Title");
  for (let i = 0; i < 30 && !(await title.evaluate((element) => element === document.activeElement)); i++) await page.keyboard.press("Tab");
  await page.keyboard.type("Typed, not clicked");
  await page.keyboard.press("Enter");

  await expect(page.getByTestId("summary-strip")).toBeVisible({ timeout: 60_000 });
  const save = page.getByRole("button", { name: "Save to library" });
  for (let i = 0; i < 30 && !(await save.evaluate((element) => element === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(save).toBeFocused();
  // The focused control shows a visible outline.
  expect(await save.evaluate((element) => getComputedStyle(element).outlineStyle)).toBe("solid");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/library\/\d+\?saved=1$/);
  await expect(page.getByRole("heading", { level: 1, name: "Typed, not clicked" })).toBeVisible();
});

test("keyboard only: a question is edited and moved from the keyboard on a saved assessment", async ({ page }) => {
  await signUpThroughApi(page, uniqueUser("keys-edit"));
  const id = await savedAssessment(page, { remember: 2 });
  await page.goto(`/library/${id}`);
  // The editor's controls stay disabled until React has attached their handlers; a disabled button
  // takes no focus, so the keyboard user (and this test) starts once it is enabled.
  await expect(page.getByRole("button", { name: "Edit question 1" })).toBeEnabled();
  await page.getByRole("button", { name: "Edit question 1" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Question", { exact: true })).toBeFocused();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("Typed in place?");
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("question-form")).toHaveCount(0);
  await page.getByRole("button", { name: "Edit question 1" }).focus();
  await page.keyboard.press("Enter");
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("Typed in place?");
  await page.getByRole("button", { name: "Save question" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("question-card").first().locator("h3")).toHaveText("1.Typed in place?");
});

import { mkdirSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { photosynthesis } from "../accounts/helpers";

export { photosynthesis, signUpThroughApi, uniqueUser } from "../accounts/helpers";

const SCREENSHOTS = path.resolve("e2e", ".artifacts", "screenshots");

/** Starts a job through the API and waits until it has finished; returns its id. */
export async function finishedJob(request: APIRequestContext, blooms: Record<string, number>, title = "Photosynthesis"): Promise<string> {
  const started = await request.post("/api/generate", { data: { text: photosynthesis, title, blooms } });
  expect(started.status()).toBe(202);
  const { job_id: jobId } = await started.json();
  await expect
    .poll(async () => (await (await request.get(`/api/job_status?job_id=${jobId}`)).json()).status, { timeout: 60_000 })
    .toBe("finished");
  return jobId;
}

/** A saved assessment of the signed-in page's user, generated from the sample material (so it keeps its material). */
export async function savedAssessment(page: Page, blooms: Record<string, number>, title = "Photosynthesis"): Promise<number> {
  const jobId = await finishedJob(page.request, blooms, title);
  const saved = await page.request.post("/api/assessments", { data: { job_id: jobId, title } });
  expect(saved.status()).toBe(201);
  return (await saved.json()).id;
}

/** The stems on screen, in order, without their numbers. */
export async function stems(page: Page): Promise<string[]> {
  const texts = await page.getByTestId("question-card").locator("h3").allTextContents();
  return texts.map((text) => text.replace(/^\d+\.\s*/, ""));
}

/** Full-page screenshots of the current screen in the light and the dark theme (the default theme follows the system). */
export async function screenshotBothThemes(page: Page, name: string, { fullPage = true }: { fullPage?: boolean } = {}): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // The header is sticky: scrolled, a full-page shot would paint it across the middle.
  if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expect(page.locator("html")).toHaveClass(scheme === "dark" ? /\bdark\b/ : /^(?!.*\bdark\b)/);
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${scheme}.png`), fullPage, animations: "disabled" });
  }
  await page.emulateMedia({ colorScheme: "light" });
}

/** No serious or critical axe violation on the current screen, in the light and the dark theme. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expect(page.locator("html")).toHaveClass(scheme === "dark" ? /\bdark\b/ : /^(?!.*\bdark\b)/);
    // Colours fade between themes and states: measure contrast once every transition has ended.
    await page.waitForFunction(() =>
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getTiming().iterations !== Infinity)
        .every((animation) => animation.playState !== "running"),
    );
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
    const serious = results.violations
      .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
      .map((violation) => `${violation.id}: ${violation.help} — ${violation.nodes.map((node) => node.target.join(" ")).slice(0, 3).join(" | ")}`);
    expect(serious, `${label} (${scheme})`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: "light" });
}

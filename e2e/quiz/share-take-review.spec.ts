import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page, type Response } from "@playwright/test";
import { signUpThroughApi, uniqueUser } from "../accounts/helpers";

// Four questions, two remember and two analyze. Each explanation is a string found nowhere else, so
// finding it in a response proves an explanation (and so a key) reached the browser.
const CONTENT = {
  mcqs: [
    { question: "What does chlorophyll absorb?", options: ["Light", "Water", "Oxygen", "Sugar"], correct_answer: "Light", bloom_level: "remember", explanation: "EXPLAIN-light-absorbed" },
    { question: "Which gas do plants release?", options: ["Helium", "Oxygen", "Argon", "Neon"], correct_answer: "Oxygen", bloom_level: "remember", explanation: "EXPLAIN-oxygen-released" },
    { question: "Why does a plant kept in the dark stop growing?", options: ["No water reaches it", "No soil", "No light to make sugar", "It is too cold"], correct_answer: "No light to make sugar", bloom_level: "analyze", explanation: "EXPLAIN-dark-no-sugar" },
    { question: "Which change would most raise photosynthesis?", options: ["Less light", "More light", "Less carbon dioxide", "Less water"], correct_answer: "More light", bloom_level: "analyze", explanation: "EXPLAIN-more-light" },
  ],
};
const EXPLANATIONS = CONTENT.mcqs.map((mcq) => mcq.explanation);
const mcqFor = (stem: string) => CONTENT.mcqs.find((mcq) => stem.includes(mcq.question))!;
const wrongOption = (mcq: (typeof CONTENT.mcqs)[number]) => mcq.options.find((option) => option !== mcq.correct_answer)!;

/** Records what the server sends a page, so a test can say what reached the browser before submitting. */
function recordResponses(page: Page) {
  const pending: Promise<{ url: string; type: string; body: string }>[] = [];
  let isRecording = true;
  page.on("response", (response: Response) => {
    if (!isRecording) return;
    pending.push(
      response
        .text()
        .then((body) => ({ url: response.url(), type: response.headers()["content-type"] ?? "", body }))
        .catch(() => ({ url: response.url(), type: "", body: "" })),
    );
  });
  return {
    stop: () => {
      isRecording = false;
    },
    all: () => Promise.all(pending),
  };
}

async function expectNoKeysReceived(recorded: { url: string; type: string; body: string }[]) {
  expect(recorded.some((response) => response.url.includes("/api/quizzes/"))).toBe(true);
  for (const response of recorded) {
    for (const explanation of EXPLANATIONS) expect(response.body, `${response.url} carries an explanation`).not.toContain(explanation);
    // Field names may appear in the JavaScript that renders a review; data (JSON, HTML, RSC) must not carry them.
    if (!/javascript/.test(response.type)) {
      expect(response.body, `${response.url} carries a key`).not.toMatch(/correct_answer|correct_index|correct_option|is_correct|"explanation"/);
    }
  }
}

async function expectNoSeriousA11yViolations(page: Page, label: string) {
  // Colours fade when the theme changes: measure contrast once every finite transition has ended.
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .filter((animation) => animation.effect?.getTiming().iterations !== Infinity)
      .every((animation) => animation.playState !== "running"),
  );
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  expect(
    serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`),
    `${label}: serious or critical accessibility violations`,
  ).toEqual([]);
}

/** Presses Tab until the focused control's text is the given one. */
async function tabToText(page: Page, text: string, limit = 40) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    if ((await page.evaluate(() => document.activeElement?.textContent?.trim())) === text) return;
  }
  throw new Error(`Tab never reached "${text}"`);
}

/** Presses Tab until the focused element matches, as a keyboard user would. */
async function tabUntil(page: Page, matches: string, limit = 40) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((selector) => document.activeElement?.matches(selector) ?? false, matches)) return;
  }
  throw new Error(`Tab never reached ${matches}`);
}

async function publishAsTeacher(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signUpThroughApi(page, uniqueUser("quizteacher"));
  const saved = await page.request.post("/api/assessments/save", { data: { chapter_name: "Plants and light", bloom_factors: { remember: 2, analyze: 2 }, content_json: CONTENT } });
  const { id } = await saved.json();
  await page.goto(`/library/${id}`);
  const panel = page.getByRole("complementary", { name: "Share as a quiz" });
  await panel.getByRole("button", { name: "Share…" }).click();
  await panel.getByLabel("Shuffle the options for each taker").check();
  await panel.getByLabel("Shuffle the questions for each taker").check();
  await panel.getByRole("button", { name: "Publish quiz" }).click();
  await expect(panel.getByRole("status")).toHaveText("✓ Published. Share the link or the code with your takers.");
  await expect(panel.getByTestId("share-state")).toContainText("Open");
  const link = await panel.getByLabel("Link for takers").inputValue();
  const code = (await panel.getByTestId("share-code").textContent())!.trim();
  expect(link).toMatch(/\/q\/[A-Za-z0-9_-]{24}$/);
  expect(code).toMatch(/^[A-HJKMNP-Z2-9]{6}$/);
  return { context, page, id: id as number, link, code };
}

test("a teacher shares a quiz; a phone taker and a keyboard-only taker take it and see their review; the teacher sees both and the charts", async ({ browser }) => {
  test.setTimeout(240_000);
  const teacher = await publishAsTeacher(browser);

  // ---- Taker 1: a 375 px phone, through the short code, with a reload half-way.
  const phone = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
  const pat = await phone.newPage();
  const patResponses = recordResponses(pat);
  await pat.goto("/q");
  await pat.getByLabel("Quiz code").fill(teacher.code.toLowerCase());
  await pat.getByRole("button", { name: "Open quiz" }).tap();
  await expect(pat).toHaveURL(new RegExp(`/q/${teacher.link.split("/q/")[1]}$`));
  await expect(pat.getByRole("heading", { level: 1, name: "Plants and light" })).toBeVisible();
  await expectNoSeriousA11yViolations(pat, "taker start page");
  await pat.getByLabel("Your name or nickname").fill("Phone Pat");
  await pat.getByRole("button", { name: "Start quiz" }).tap();

  // Pat gets everything right except the last analyze question shown.
  const patChoices: string[] = [];
  for (let step = 0; step < 4; step++) {
    const question = pat.getByTestId("taker-question");
    await expect(question).toContainText(`Question ${step + 1} of 4`);
    const mcq = mcqFor((await question.getByRole("heading", { level: 2 }).textContent())!);
    const isLastAnalyze = mcq.bloom_level === "analyze" && patChoices.filter((choice) => choice === "analyze").length === 1;
    // The third answer is given with no connection: it waits on the phone and goes once it is back.
    if (step === 2) await phone.setOffline(true);
    await question.getByRole("radio", { name: isLastAnalyze ? wrongOption(mcq) : mcq.correct_answer, exact: true }).check();
    if (step === 2) {
      await expect(pat.getByTestId("save-status")).toContainText("No connection");
      await expect(question).toContainText("Answer kept on this device");
      await phone.setOffline(false);
    }
    patChoices.push(mcq.bloom_level);
    await expect(question).toContainText("✓ Answer saved.");
    await expect(pat.getByTestId("progress-text")).toHaveText(`${step + 1} of 4 answered`);
    if (step === 0) await expectNoSeriousA11yViolations(pat, "taker question page (phone)");
    if (step === 1) {
      // A reload loses nothing: the attempt resumes at the first unanswered question.
      await pat.reload();
      await expect(pat.getByTestId("progress-text")).toHaveText("2 of 4 answered");
      await expect(pat.getByTestId("taker-question")).toContainText("Question 3 of 4");
      // All on one page, and back to one per screen.
      await pat.getByLabel("Show all questions on one page").check();
      await expect(pat.getByTestId("taker-question")).toHaveCount(4);
      await pat.getByLabel("Show all questions on one page").uncheck();
      await expect(pat.getByTestId("taker-question")).toHaveCount(1);
      continue;
    }
    if (step < 3) await pat.getByRole("button", { name: "Next question →" }).tap();
  }
  // Nothing on this phone scrolls sideways.
  expect(await pat.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  patResponses.stop();
  await expectNoKeysReceived(await patResponses.all());
  await pat.getByRole("button", { name: "Submit answers" }).tap();
  await expect(pat.getByTestId("score")).toHaveText("You answered 3 of 4 questions correctly (75%).");
  await expect(pat.getByTestId("level-results")).toContainText("2 of 2 remember questions");
  await expect(pat.getByTestId("level-results")).toContainText("1 of 2 analyze questions");
  await expect(pat.getByTestId("review-question")).toHaveCount(4);
  expect((await pat.getByTestId("review-explanation").allTextContents()).sort()).toEqual([...EXPLANATIONS].sort());
  await expectNoSeriousA11yViolations(pat, "taker review page (phone)");
  // The review is still there after a reload.
  await pat.reload();
  await expect(pat.getByTestId("score")).toContainText("3 of 4");

  // ---- Taker 2: keyboard only, through the link, in another browser context.
  const desk = await browser.newContext();
  const kim = await desk.newPage();
  const kimResponses = recordResponses(kim);
  await kim.goto(teacher.link);
  await tabUntil(kim, "#taker-name");
  await kim.keyboard.type("Keys Kim");
  await kim.keyboard.press("Enter");
  // Kim gets both remember questions right and both analyze questions wrong.
  for (let step = 0; step < 4; step++) {
    const question = kim.getByTestId("taker-question");
    await expect(question).toContainText(`Question ${step + 1} of 4`);
    const mcq = mcqFor((await question.getByRole("heading", { level: 2 }).textContent())!);
    const shown = await question.locator("label").evaluateAll((labels) => labels.map((label) => label.querySelector("span:last-child")!.textContent));
    const target = shown.indexOf(mcq.bloom_level === "remember" ? mcq.correct_answer : wrongOption(mcq));
    await tabUntil(kim, "input[type=radio]");
    await kim.keyboard.press("Space");
    for (let i = 0; i < target; i++) await kim.keyboard.press("ArrowDown");
    await expect(question.getByRole("radio").nth(target)).toBeChecked();
    await expect(question).toContainText("✓ Answer saved.");
    if (step < 3) {
      await tabToText(kim, "Next question →");
      // The focused control shows it: Tailwind's focus ring is a box shadow.
      expect(await kim.evaluate(() => getComputedStyle(document.activeElement!).boxShadow)).not.toBe("none");
      await kim.keyboard.press("Enter");
      // Focus lands on the next question's text for screen readers.
      await expect(kim.locator(":focus")).toHaveAttribute("id", /question-.*-heading/);
    }
  }
  await expect(kim.getByTestId("progress-text")).toHaveText("4 of 4 answered");
  kimResponses.stop();
  await expectNoKeysReceived(await kimResponses.all());
  await tabToText(kim, "Submit answers");
  await kim.keyboard.press("Enter");
  await expect(kim.getByTestId("score")).toHaveText("You answered 2 of 4 questions correctly (50%).");
  await expect(kim.getByTestId("level-results")).toContainText("0 of 2 analyze questions");
  await expect(kim.getByTestId("review-question").filter({ hasText: "✗ Incorrect" })).toHaveCount(2);

  // ---- The teacher's results.
  const results = teacher.page;
  await results.goto(`/library/${teacher.id}`);
  await expect(results.getByTestId("share-panel")).toContainText("2 attempts, 2 submitted");
  await results.getByRole("link", { name: "Results" }).click();
  await expect(results).toHaveURL(new RegExp(`/library/${teacher.id}/results$`));
  await expect(results.getByTestId("results-summary")).toContainText("2 submitted");
  const rows = results.getByTestId("attempt-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: "Phone Pat" })).toContainText("3 / 4 (75%)");
  await expect(rows.filter({ hasText: "Keys Kim" })).toContainText("2 / 4 (50%)");
  const chart = results.getByRole("figure", { name: "Share correct per question" });
  await expect(chart).toBeVisible();
  await expect(chart.getByTestId("question-chart-row")).toHaveCount(4);
  await expect(chart.getByTestId("question-chart-row").first()).toContainText("100% correct");
  await expect(results.getByRole("figure", { name: "Scores by Bloom level" })).toContainText("100% correct · 2 questions");
  await expect(results.getByTestId("item-result").first()).toContainText("nobody chose it");
  await expectNoSeriousA11yViolations(results, "results page");
  await results.evaluate(() => document.documentElement.classList.add("dark"));
  await expectNoSeriousA11yViolations(results, "results page, dark");

  const csv = await results.request.get(`/api/assessments/${teacher.id}/quiz/responses`);
  expect(csv.status()).toBe(200);
  const text = await csv.text();
  expect(text.match(/"Phone Pat"/g)).toHaveLength(4);
  expect(text.match(/"Keys Kim"/g)).toHaveLength(4);

  // ---- Unpublished, the link says the quiz is closed.
  await results.goto(`/library/${teacher.id}`);
  await results.getByRole("button", { name: "Unpublish" }).click();
  await expect(results.getByTestId("share-state")).toContainText("Closed");
  const late = await (await browser.newContext()).newPage();
  await late.goto(teacher.link);
  await expect(late.getByTestId("quiz-closed")).toContainText("This quiz is closed");
  await expectNoSeriousA11yViolations(late, "closed quiz page");

  await Promise.all([teacher.context.close(), phone.close(), desk.close()]);
});

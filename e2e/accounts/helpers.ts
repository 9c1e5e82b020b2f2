import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";

export const photosynthesis = readFileSync(path.resolve("tests", "fixtures", "photosynthesis.txt"), "utf8");

export function uniqueUser(label: string) {
  const id = randomBytes(4).toString("hex");
  return { name: `Teacher ${label} ${id}`, email: `${label}-${id}@example.org`, password: `pw-${randomBytes(6).toString("hex")}` };
}

/** Creates an account and signs the page in through the API, for tests about something else. */
export async function signUpThroughApi(page: Page, user: ReturnType<typeof uniqueUser>) {
  expect((await page.request.post("/api/signup", { data: user })).status()).toBe(200);
  expect((await page.request.post("/api/auth/session", { data: { email: user.email, password: user.password } })).status()).toBe(200);
}

/** Pastes the sample material, asks for three questions and waits for them. */
export async function generateThreeQuestions(page: Page, title: string) {
  await page.goto("/");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Teaching material").fill(photosynthesis);
  for (const [level, count] of Object.entries({ remember: "2", understand: "1", apply: "0", analyze: "0", evaluate: "0", create: "0" })) {
    await page.getByLabel(`${level} questions`).fill(count);
  }
  await page.getByRole("button", { name: "Generate 3 questions" }).click();
  await expect(page.getByTestId("question-card")).toHaveCount(3);
}

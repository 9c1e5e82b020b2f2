import { expect, test } from "@playwright/test";
import { signUpThroughApi, uniqueUser } from "./helpers";

test("a teacher creates an API key, a program uses it, and once revoked it is refused", async ({ page, playwright }) => {
  const user = uniqueUser("keyholder");
  await signUpThroughApi(page, user);
  await page.goto("/settings");
  await expect(page).toHaveURL(/\/settings\/api-keys$/);
  await expect(page.getByText("You have no API keys.")).toBeVisible();

  await page.getByLabel("Name").fill("Grading script");
  await page.getByRole("button", { name: "Create key" }).click();
  const key = (await page.getByTestId("new-api-key").textContent())!;
  expect(key).toMatch(/^blm_/);
  await expect(page.getByRole("row").filter({ hasText: "Grading script" })).toContainText(key.slice(0, 10));

  // A program with no cookies, only the key.
  const program = await playwright.request.newContext({ baseURL: new URL(page.url()).origin });
  const me = await program.get("/api/me", { headers: { Authorization: `Bearer ${key}` } });
  expect(await me.json()).toEqual({ id: expect.any(Number), name: user.name, email: user.email });

  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Revoke Grading script" }).click();
  await expect(page.getByText("You have no API keys.")).toBeVisible();
  const refused = await program.get("/api/me", { headers: { Authorization: `Bearer ${key}` } });
  expect(refused.status()).toBe(401);
  await program.dispose();
});

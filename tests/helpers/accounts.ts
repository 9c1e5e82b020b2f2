import { randomBytes } from "node:crypto";
import { POST as signUpRoute } from "@/app/api/signup/route";
import { POST as loginRoute } from "@/app/api/login/route";
import { callRoute } from "./call-route";

export interface TestAccount {
  id: number;
  name: string;
  email: string;
  password: string;
  /** A login token, for `Authorization: Bearer …`. */
  token: string;
}

/** A unique address per call, so tests never collide with each other or with earlier runs. */
export function uniqueEmail(label = "user"): string {
  return `${label}-${randomBytes(5).toString("hex")}@example.org`;
}

/** Signs up through POST /api/signup and logs in through POST /api/login, as an API consumer would. */
export async function createTestAccount(label = "user"): Promise<TestAccount> {
  const email = uniqueEmail(label);
  const password = `pw-${randomBytes(6).toString("hex")}`;
  const ip = `10.${randomBytes(1)[0]}.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;
  const signUp = await callRoute(signUpRoute, {
    method: "POST",
    path: "/api/signup",
    json: { name: `Test ${label}`, email, password },
    headers: { "x-forwarded-for": ip },
  });
  if (signUp.status !== 200) throw new Error(`sign-up failed: ${JSON.stringify(signUp.body)}`);
  const token = await loginToken(email, password, ip);
  return { id: signUp.body.id, name: signUp.body.name, email, password, token };
}

export async function loginToken(email: string, password: string, ip = "10.0.0.1"): Promise<string> {
  const login = await callRoute(loginRoute, {
    method: "POST",
    path: "/api/login",
    body: new URLSearchParams({ username: email, password }).toString(),
    headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": ip },
  });
  if (login.status !== 200) throw new Error(`login failed: ${JSON.stringify(login.body)}`);
  return login.body.access_token;
}

export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { expect, type APIRequestContext } from "@playwright/test";

export const SAMPLE_MATERIAL = "tests/fixtures/photosynthesis.txt";

export interface ApiConsumer {
  email: string;
  password: string;
  token: string;
  key: string;
  keyId: string;
}

/** A new account with a login token and an API key, made the way a program's owner would. */
export async function createApiConsumer(request: APIRequestContext, baseUrl: string): Promise<ApiConsumer> {
  const id = randomBytes(4).toString("hex");
  const user = { name: `Program owner ${id}`, email: `program-${id}@example.org`, password: `pw-${randomBytes(6).toString("hex")}` };
  expect((await request.post(`${baseUrl}/api/signup`, { data: user })).status()).toBe(200);
  const login = await request.post(`${baseUrl}/api/login`, { form: { username: user.email, password: user.password } });
  expect(login.status()).toBe(200);
  const token = (await login.json()).access_token as string;
  const created = await request.post(`${baseUrl}/api/api-keys`, { data: { name: "Example script" }, headers: { Authorization: `Bearer ${token}` } });
  expect(created.status()).toBe(201);
  const { key, id: keyId } = await created.json();
  return { email: user.email, password: user.password, token, key, keyId };
}

/** Runs one of the examples/ programs with Node, Python or bash; resolves with its output, rejects on a non-zero exit. */
export function runExample(command: string, args: string[], env: Record<string, string>, timeoutMs = 120_000): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { env: { ...process.env, ...env }, timeout: timeoutMs }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} ${args.join(" ")} failed: ${error.message}\n${stdout}\n${stderr}`));
      else resolve(stdout);
    });
  });
}

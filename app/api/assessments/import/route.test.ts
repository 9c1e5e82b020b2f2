import { beforeAll, describe, expect, it } from "vitest";
import { bearer, createTestAccount, type TestAccount } from "@/tests/helpers/accounts";
import { callRoute } from "@/tests/helpers/call-route";
import { useTestDatabase } from "@/tests/helpers/use-test-database";
import { GET as getAssessment } from "../[id]/route";
import { POST } from "./route";

const db = useTestDatabase();
let alice: TestAccount;

beforeAll(async () => {
  alice = await createTestAccount("alice");
});

function upload(token: string | null, content: string, name: string, title?: string) {
  const form = new FormData();
  form.set("file", new File([content], name));
  if (title) form.set("title", title);
  return callRoute(POST, { method: "POST", path: "/api/assessments/import", body: form, headers: token ? bearer(token) : {} });
}

const aiken = `Which gas do plants release during photosynthesis?
A. Oxygen
B. Nitrogen
C. Helium
D. Argon
ANSWER: A

What do roots mainly absorb?
A. Light
B. Water
C. Sugar
D. Oxygen
ANSWER: B
`;

describe("POST /api/assessments/import", () => {
  it("creates an assessment from an Aiken file, titled after the file, with its warnings", async () => {
    const response = await upload(alice.token, aiken, "plant-bank.txt");
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ title: "plant-bank", format: "aiken", questions: 2 });
    expect(response.body.warnings.length).toBeGreaterThan(0);
    const saved = await callRoute(getAssessment, {
      path: `/api/assessments/${response.body.id}`,
      params: { id: String(response.body.id) },
      headers: bearer(alice.token),
    });
    expect(saved.body.content.mcqs.map((mcq: { correct_answer: string }) => mcq.correct_answer)).toEqual(["Oxygen", "Water"]);
  });

  it("refuses a broken file whole, naming the line", async () => {
    const before = (await db.pool.query("SELECT count(*)::int AS n FROM assessments")).rows[0].n;
    const broken = aiken.replace("ANSWER: B", "ANSWER: E");
    const response = await upload(alice.token, broken, "broken.txt");
    expect(response.status).toBe(422);
    expect(response.body.error.message).toMatch(/line \d+/);
    expect(response.body.error.issues[0].path).toMatch(/^line \d+$/);
    expect((await db.pool.query("SELECT count(*)::int AS n FROM assessments")).rows[0].n).toBe(before);
  });

  it("refuses anonymous callers, a missing file and a non-multipart body", async () => {
    expect((await upload(null, aiken, "a.txt")).status).toBe(401);
    const noFile = await callRoute(POST, { method: "POST", path: "/api/assessments/import", body: new FormData(), headers: bearer(alice.token) });
    expect(noFile.status).toBe(400);
    const json = await callRoute(POST, { method: "POST", path: "/api/assessments/import", json: { file: aiken }, headers: bearer(alice.token) });
    expect(json.status).toBe(415);
  });
});

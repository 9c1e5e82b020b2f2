import { beforeAll, describe, expect, it } from "vitest";
import { parse as parseCsv } from "csv-parse/sync";
import { bearer, createTestAccount, type TestAccount } from "@/tests/helpers/accounts";
import { saveTestAssessment } from "@/tests/helpers/assessments";
import { callRoute } from "@/tests/helpers/call-route";
import { useTestDatabase } from "@/tests/helpers/use-test-database";
import { EXPORT_FORMATS } from "@/lib/export";
import { GET } from "./route";

useTestDatabase();
let alice: TestAccount;
let bob: TestAccount;
let assessmentId: number;

beforeAll(async () => {
  [alice, bob] = await Promise.all([createTestAccount("alice"), createTestAccount("bob")]);
  assessmentId = await saveTestAssessment(alice.token, "Chapter 3: Photosynthesis (Ü)");
});

function exportAs(token: string | null, query: string, id = assessmentId) {
  return callRoute(GET, {
    path: `/api/assessments/${id}/export?${query}`,
    params: { id: String(id) },
    headers: token ? bearer(token) : {},
  });
}

describe("GET /api/assessments/{id}/export", () => {
  it.each(EXPORT_FORMATS)("gives the owner a %s file named after the title", async (format) => {
    const response = await exportAs(alice.token, `format=${format}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="chapter-3-photosynthesis[^"]*"; filename\*=UTF-8''/);
    expect(response.headers.get("content-type")).toBeTruthy();
    expect(Number(response.headers.get("bloomery-export-problems"))).toBeGreaterThanOrEqual(0);
  });

  it("serves the questions themselves: the CSV has one row per saved question", async () => {
    const response = await exportAs(alice.token, "format=csv");
    const rows = parseCsv(String(response.body).replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[];
    expect(rows.map((row) => Object.values(row).join(" ")).join("\n")).toContain("What does chlorophyll absorb?");
    expect(rows).toHaveLength(3);
  });

  it("lists what a format cannot carry when asked for problems only", async () => {
    const response = await exportAs(alice.token, "format=aiken&problems=only");
    expect(response.status).toBe(200);
    expect(response.body.filename).toMatch(/-aiken\.txt$/);
    expect(response.body.problems.map((problem: { code: string }) => problem.code)).toContain("field-dropped");
  });

  it("answers another user's assessment exactly like a missing one (404)", async () => {
    const stolen = await exportAs(bob.token, "format=json");
    const missing = await exportAs(bob.token, "format=json", 999_999);
    expect(stolen.status).toBe(404);
    expect(stolen.body).toEqual(missing.body);
  });

  it("refuses anonymous callers, unknown formats and bad options with clear errors", async () => {
    expect((await exportAs(null, "format=json")).status).toBe(401);
    const unknown = await exportAs(alice.token, "format=pptx");
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/format/);
    expect((await exportAs(alice.token, "")).status).toBe(400);
    expect((await exportAs(alice.token, "format=pdf&paper=a5")).status).toBe(400);
  });
});

import { describe, expect, test } from "vitest";
import { importAssessment } from "@/lib/import";
import { bloomeryJsonSchema, exportJson } from "./json";
import { decodeText } from "./test-helpers";
import { nastyAssessment, plainAssessment } from "./test-fixtures";

describe("JSON export", () => {
  test("writes version 1 of the documented schema with every field", () => {
    const document = JSON.parse(decodeText(exportJson(plainAssessment).bytes));
    expect(bloomeryJsonSchema.parse(document)).toEqual(document);
    expect(document).toMatchObject({
      format: "bloomery-assessment",
      version: 1,
      title: plainAssessment.title,
      created_at: "2025-03-04T09:30:00.000Z",
    });
    expect(document.questions).toEqual(plainAssessment.questions);
  });

  test("leaves created_at out when the assessment has no date", () => {
    const document = JSON.parse(decodeText(exportJson(nastyAssessment).bytes));
    expect(document).not.toHaveProperty("created_at");
  });

  test.each([
    ["plain", plainAssessment],
    ["nasty", nastyAssessment],
  ])("the %s assessment imports back unchanged", (_, assessment) => {
    const imported = importAssessment(exportJson(assessment).bytes);
    expect(imported).toEqual({ title: assessment.title, questions: assessment.questions, format: "json", warnings: [] });
  });
});

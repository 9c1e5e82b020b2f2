import { describe, expect, test } from "vitest";
import { detectImportFormat } from "./detect-format";
import { importAssessment, ImportError } from "./index";

describe("detectImportFormat", () => {
  test.each([
    ['\uFEFF  {"format": "bloomery-assessment"}', "json"],
    ["What is {x}?\nA) one\nB) two\nANSWER: A", "aiken"],
    ["// comment\n::Q1:: What? {=yes ~no}", "gift"],
    ["Which is right? {\n=this\n~that\n}", "gift"],
    ["Escaped only: a \\= b \\{ c \\}", null],
    ["Just some notes about cells.", null],
  ])("%j → %s", (text, format) => {
    expect(detectImportFormat(text)).toBe(format);
  });

  test("an unrecognised file is refused on line 1", () => {
    expect(() => importAssessment("Just some notes.")).toThrow(ImportError);
  });
});

import { describe, expect, test } from "vitest";
import { makeQuestionName, removeXmlIllegalCharacters, slugifyTitle, wrapCdata } from "./text";
import { plainAssessment } from "./test-fixtures";

describe("slugifyTitle", () => {
  test.each([
    ["Cell Biology: Unit 3", "cell-biology-unit-3"],
    ["Énergie & Matière — Chapitre 2", "energie-matiere-chapitre-2"],
    ["  ../../etc/passwd  ", "etc-passwd"],
    ["光合作用 😀", "assessment"],
    ["", "assessment"],
    [`${"word ".repeat(30)}`, "word-word-word-word-word-word-word-word-word-word-word-word"],
  ])("%j → %j", (title, slug) => {
    expect(slugifyTitle(title)).toBe(slug);
    expect(slugifyTitle(title)).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});

describe("wrapCdata", () => {
  test("splits a ]]> so the section cannot end early", () => {
    expect(wrapCdata("a]]>b")).toBe("<![CDATA[a]]]]><![CDATA[>b]]>");
  });
});

describe("removeXmlIllegalCharacters", () => {
  test("removes control characters and lone surrogates, keeps tabs, newlines and emoji, and reports the question", () => {
    const mcq = { ...plainAssessment.questions[2], question: "Tab\there,\nbell \u0007, lone \uD800 and 😀" };
    const { questions, problems } = removeXmlIllegalCharacters([plainAssessment.questions[0], mcq]);
    expect(questions[1].question).toBe("Tab\there,\nbell , lone  and 😀");
    expect(questions[0]).toBe(plainAssessment.questions[0]);
    expect(problems).toEqual([{ question: 2, code: "characters-removed", message: expect.any(String) }]);
  });
});

describe("makeQuestionName", () => {
  test("numbers the question and shortens long text to one line", () => {
    const name = makeQuestionName(4, { ...plainAssessment.questions[0], question: `Line one\nline two ${"x".repeat(80)}` });
    expect(name).toMatch(/^5\. Line one line two x+…$/);
    expect(Array.from(name.slice(3))).toHaveLength(60);
  });
});

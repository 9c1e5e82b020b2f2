import { describe, expect, it } from "vitest";
import { generateQuizCode, generateQuizToken, parseQuizKey, QUIZ_CODE_ALPHABET } from "./quiz-keys";

describe("quiz keys", () => {
  it("codes are six characters without look-alikes", () => {
    for (let i = 0; i < 200; i++) expect(generateQuizCode()).toMatch(/^[A-HJKMNP-Z2-9]{6}$/);
    expect(QUIZ_CODE_ALPHABET).not.toMatch(/[01OIL]/);
  });

  it("tells a link token from a typed code, forgiving case, spaces and dashes", () => {
    const token = generateQuizToken();
    expect(parseQuizKey(token)).toEqual({ kind: "token", value: token });
    expect(parseQuizKey("abc-234")).toEqual({ kind: "code", value: "ABC234" });
    expect(parseQuizKey(" ab c2 34 ")).toEqual({ kind: "code", value: "ABC234" });
    expect(parseQuizKey("ABC10O")).toBeNull();
    expect(parseQuizKey("../etc")).toBeNull();
    expect(parseQuizKey("")).toBeNull();
  });
});

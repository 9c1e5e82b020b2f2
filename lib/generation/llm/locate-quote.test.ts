import { describe, expect, it } from "vitest";
import type { Excerpt } from "./build-excerpts";
import { locateQuote } from "./locate-quote";

const excerpts: Excerpt[] = [
  { number: 1, text: "Chlorophyll, the green pigment inside chloroplasts, absorbs mostly red and blue light.\nIt reflects green." },
  { number: 2, text: "The Calvin cycle takes place in the stroma and fixes carbon dioxide into sugars. The enzyme RuBisCO catalyses the first step of carbon fixation." },
];

describe("locateQuote", () => {
  it("finds a verbatim quote and returns the material's own text", () => {
    const found = locateQuote("The enzyme RuBisCO catalyses the first step of carbon fixation.", excerpts);
    expect(found).toEqual({ excerpt: excerpts[1], text: "The enzyme RuBisCO catalyses the first step of carbon fixation.", isExact: true });
  });

  it("ignores case, whitespace, line breaks and punctuation", () => {
    const found = locateQuote("chlorophyll the green pigment inside   chloroplasts absorbs mostly red and blue light", excerpts);
    expect(found).toMatchObject({ excerpt: { number: 1 }, isExact: true, text: "Chlorophyll, the green pigment inside chloroplasts, absorbs mostly red and blue light." });
  });

  it("tolerates a changed word and repairs the quote to the material's wording", () => {
    const found = locateQuote("The Calvin cycle happens in the stroma and fixes carbon dioxide into sugars.", excerpts);
    expect(found).toMatchObject({ excerpt: { number: 2 }, isExact: false, text: "The Calvin cycle takes place in the stroma and fixes carbon dioxide into sugars." });
  });

  it("finds the quote in another excerpt than the first one searched", () => {
    const found = locateQuote("RuBisCO catalyses the first step", [excerpts[0], excerpts[1]]);
    expect(found).toMatchObject({ excerpt: { number: 2 } });
  });

  it("refuses a sentence that is not in the material, however plausible", () => {
    expect(locateQuote("Chlorophyll absorbs mostly green light and reflects red and blue light.", excerpts)).toEqual({
      reason: expect.stringMatching(/does not appear in the material/),
    });
    expect(locateQuote("Mitochondria are the powerhouse of the cell.", excerpts)).toEqual({ reason: expect.stringMatching(/does not appear/) });
  });

  it("refuses a quote too short to prove anything", () => {
    expect(locateQuote("RuBisCO", excerpts)).toEqual({ reason: expect.stringMatching(/too short/) });
  });
});

import { describe, expect, it } from "vitest";
import type { Mcq } from "@/lib/generation/mcq";
import { lintMcq } from "./lint-mcq";

const SOURCE = "Chloroplasts contain a green pigment called chlorophyll. The stroma is the fluid that surrounds the thylakoids.";

function question(overrides: Partial<Mcq>): Mcq {
  return {
    question: "Which term does the text use for the fluid that surrounds the thylakoids?",
    options: ["Stroma", "Chlorophyll", "Glucose", "Starch"],
    correct_answer: "Stroma",
    bloom_level: "remember",
    explanation: "The text says so.",
    source: { quote: "The stroma is the fluid that surrounds the thylakoids." },
    ...overrides,
  };
}

const codes = (mcq: Mcq, material = SOURCE) => lintMcq(mcq, material).map((finding) => finding.code);

/** The question with another key, offered first in place of the old one. */
function withKey(mcq: Mcq, key: string): Mcq {
  return { ...mcq, correct_answer: key, options: [key, ...mcq.options.slice(1)] };
}

describe("lintMcq", () => {
  it("passes a clean, grounded question", () => {
    expect(codes(question({}))).toEqual([]);
  });

  it("flags the answer in the stem, the longest-option cue and all-of-the-above", () => {
    expect(codes(question({ question: "Which word names the stroma fluid?" }))).toContain("answer_in_stem");
    expect(codes(question({ options: ["The fluid stroma inside every chloroplast", "Chlorophyll", "Glucose", "Starch"], correct_answer: "The fluid stroma inside every chloroplast" }))).toContain("longest_option");
    expect(codes(question({ options: ["Stroma", "Chlorophyll", "Glucose", "All of the above"] }))).toContain("all_none_of_the_above");
  });

  it("flags article cues, negative stems, absolute terms and opening pronouns", () => {
    expect(codes(question({ question: "The fluid around the thylakoids is called an ___.", options: ["Enzyme", "Chlorophyll", "Glucose", "Stroma"], correct_answer: "Enzyme" }))).toContain("article_cue");
    expect(codes(question({ question: "Which term is not a pigment named in the text?" }))).toContain("negative_stem");
    expect(codes(question({ options: ["Stroma", "Always chlorophyll", "Glucose", "Starch"] }))).toContain("absolute_terms");
    expect(codes(question({ question: "It surrounds the thylakoids; which term names it?" }))).toContain("unresolved_pronoun");
  });

  it("tells orders of steps apart even though they share most characters", () => {
    const order = question({ question: "In which order do these steps happen? (1) a; (2) b; (3) c.", options: ["2, 3, 1", "3, 2, 1", "1, 3, 2", "2, 1, 3"], correct_answer: "2, 3, 1" });
    expect(codes(order)).not.toContain("duplicate_options");
    expect(codes({ ...order, options: ["2, 3, 1", "2,3,1 ", "1, 3, 2", "2, 1, 3"] })).toContain("duplicate_options");
  });

  it("tells a relation from its reverse but still flags a near-copy", () => {
    const reversed = question({ options: ["Change the light, keep the rest, and measure the rate", "Change the rate, keep the rest, and measure the light", "Glucose", "Starch"], correct_answer: "Change the light, keep the rest, and measure the rate" });
    expect(codes(reversed)).not.toContain("duplicate_options");
    const copy = question({ options: ["Change the light, keep the rest, and measure the rate", "Change the light, keep the rest, and measure the rates", "Glucose", "Starch"], correct_answer: "Change the light, keep the rest, and measure the rate" });
    expect(codes(copy)).toContain("duplicate_options");
  });

  it("tells options that state other values apart, but still flags the same values twice", () => {
    const ranges = question({
      options: [
        "Change the temperature through 15, 25, 35 and 45 °C, keep everything else the same, and measure the rate",
        "Change the temperature through 5, 10, 15 and 20 °C, keep everything else the same, and measure the rate",
        "Glucose",
        "Starch",
      ],
      correct_answer: "Change the temperature through 15, 25, 35 and 45 °C, keep everything else the same, and measure the rate",
    });
    expect(codes(ranges)).not.toContain("duplicate_options");
    const same = { ...ranges, options: [ranges.options[0], `${ranges.options[0]}s`, "Glucose", "Starch"] };
    expect(codes(same)).toContain("duplicate_options");
  });

  it("flags duplicates and ungrounded quotes", () => {
    expect(codes(question({ options: ["Stroma", "stroma", "Glucose", "Starch"] }))).toContain("duplicate_options");
    expect(codes(question({ source: { quote: "The stroma is made of sugar." } }))).toContain("ungrounded");
    expect(codes(question({ source: undefined }))).toContain("ungrounded");
  });

  it("grounds a fair-test design by the quantities it names, not by its method words", () => {
    const source = "When the light on a plant rises, the rate of photosynthesis rises.";
    const design = question({
      question: "The text states a rule about how the light on a plant affects the rate of photosynthesis. Which investigation would test that rule fairly?",
      options: [
        "Change the light on a plant, keep everything else the same, and measure the rate of photosynthesis",
        "Change the rate of photosynthesis, keep everything else the same, and measure the light on a plant",
        "Keep the light on a plant the same, change everything else, and measure the rate of photosynthesis",
        "Measure the rate of photosynthesis once, without changing the light on a plant",
      ],
      correct_answer: "Change the light on a plant, keep everything else the same, and measure the rate of photosynthesis",
      bloom_level: "create",
      source: { quote: source },
    });
    expect(codes(design, source)).not.toContain("ungrounded");
    // A design that measures a quantity the sentence never mentions is still ungrounded.
    const stray = withKey({ ...design, question: "Which investigation would test the rule fairly?" }, "Change the soil acidity, keep everything else the same, and measure the leaf colour");
    expect(codes(stray, source)).toContain("ungrounded");
  });

  it("grounds a comparison of records by the two things it names, and ignores method words only in a plan", () => {
    const source = "Poor harvests in 1788 caused the price of bread to rise sharply.";
    const plan = question({
      question: "The text links poor harvests to the price of bread. Which comparison of records would test that link fairly?",
      options: [
        "Compare the price of bread in years with and without poor harvests, alike in other ways",
        "Gather years with poor harvests, record the price of bread in each, and compare them with each other",
        "Compare the price of bread in years with and without poor harvests, whatever else differed between them",
        "Record the price of bread once, for a single year with poor harvests",
      ],
      correct_answer: "Compare the price of bread in years with and without poor harvests, alike in other ways",
      bloom_level: "create",
      source: { quote: source },
    });
    expect(codes(plan, source)).not.toContain("ungrounded");
    // A comparison of something the sentence never mentions is still ungrounded.
    const stray = withKey({ ...plan, question: "Which comparison would test the link fairly?" }, "Compare the wages of weavers in years with and without a war, alike in other ways");
    expect(codes(stray, source)).toContain("ungrounded");
    // Outside a plan the same words are claims: an answer "Years alike in other ways" needs support.
    const statement = { ...plan, question: "What does the text say about harvests?", correct_answer: "Years alike in other ways" };
    statement.options = [statement.correct_answer, "Glucose", "Starch", "Stroma"];
    expect(codes(statement, source)).toContain("ungrounded");
  });

  it("grounds a judged conclusion by the words its reason quotes, not by its verdict frame", () => {
    const source = "Governments sometimes set prices directly.";
    const judged = question({
      question: 'A student reads the text and concludes: "Governments always set prices directly." How well does the text support this conclusion?',
      options: [
        'It goes beyond the text: the text says "sometimes set prices"',
        'It follows: the text says "sometimes set prices"',
        'It goes beyond the text: the text says "rarely set prices"',
        'It follows: the text says "rarely set prices"',
      ],
      correct_answer: 'It goes beyond the text: the text says "sometimes set prices"',
      bloom_level: "evaluate",
      source: { quote: source },
    });
    // Other verdicts, or the same verdict with other quoted words, are different answers, not near-copies.
    expect(lintMcq(judged, source)).toEqual([]);
    // A reason quoting words the sentence never says is still ungrounded.
    const stray = withKey(judged, 'It goes beyond the text: the text says "usually fix wages"');
    expect(codes(stray, source)).toContain("ungrounded");
    // Outside the frame the same words are claims: "It goes beyond the text" alone needs support.
    const bare = { ...judged, question: "What does the text say?", correct_answer: "The text goes beyond", options: ["The text goes beyond", "Glucose", "Starch", "Stroma"] };
    expect(codes(bare, source)).toContain("ungrounded");
    // The same verdict with the same quoted words is still a copy.
    const copy = { ...judged, options: [judged.correct_answer, 'It goes beyond the text: the text says "sometimes set prices."', judged.options[2], judged.options[3]] };
    expect(codes(copy, source)).toContain("duplicate_options");
  });

  it("reads no length cue into a set of the material's own headings, but still does into written options", () => {
    const material = "## Legacy\n\nThe Directory ruled France.\n\n## From the Estates-General to the Bastille\n\nThe Assembly met.\n\n## War\n\nFrance declared war.\n\n## Terror\n\nMany were executed.";
    const headings: Mcq = {
      question: 'Under which heading of the text does this statement belong? "The Assembly met."',
      options: ["Legacy", "From the Estates-General to the Bastille", "War", "Terror"],
      correct_answer: "From the Estates-General to the Bastille",
      bloom_level: "analyze",
      explanation: "It belongs there.",
      source: { quote: "The Assembly met.", heading: "From the Estates-General to the Bastille" },
    };
    expect(codes(headings, material)).toEqual([]);
    // The same lengths written as answers (not headings of the material) are still a cue.
    const written = { ...headings, options: ["Legacy", "From the Estates-General to the Bastille!", "War", "Terror"], correct_answer: "From the Estates-General to the Bastille!" };
    expect(codes(written, material)).toEqual(expect.arrayContaining(["longest_option", "implausible_distractor"]));
  });
  it("reads no absolute-term cue into a key that quotes the text's own 'always', but still flags one in a wrong answer", () => {
    const material = "Each Estate cast one vote, so the clergy and nobles could always outvote the Third Estate.";
    const quoted: Mcq = {
      question: "According to the text, what is a consequence of the fact that each Estate cast one vote?",
      options: ["The clergy and nobles could always outvote the Third Estate", "The Third Estate paid most of the taxes", "Bread prices rose sharply", "The king called a meeting"],
      correct_answer: "The clergy and nobles could always outvote the Third Estate",
      bloom_level: "understand",
      explanation: "The text says so.",
      source: { quote: material },
    };
    expect(codes(quoted, material)).not.toContain("absolute_terms");
    // An absolute word in a wrong answer marks it as one to rule out.
    const inDistractor = { ...quoted, options: [...quoted.options.slice(0, 3), "The king always called a meeting"] };
    expect(codes(inDistractor, material)).toContain("absolute_terms");
    // An absolute word the key adds to the text is an overclaim, still flagged.
    const added = { ...quoted, options: ["The clergy and nobles could outvote the Third Estate every time", ...quoted.options.slice(1)], correct_answer: "The clergy and nobles could outvote the Third Estate every time" };
    expect(codes(added, material)).toContain("absolute_terms");
  });

  it("grounds the figures of a key computed for a new case only at apply and evaluate, with numbers in stem and quote", () => {
    const equation = "In symbols, six molecules of carbon dioxide react with six molecules of water to produce one molecule of glucose.";
    const material = `Plants make sugar. ${equation}`;
    const computed: Mcq = {
      question: "Suppose the reaction in the text's equation makes 3 molecules of glucose. Following the text, how many molecules of water does it use?",
      options: ["18", "3", "9", "6"],
      correct_answer: "18",
      bloom_level: "apply",
      explanation: "3 × 6 = 18.",
      source: { quote: equation },
    };
    const ungrounded = (mcq: Mcq) => lintMcq(mcq, material).some((finding) => finding.code === "ungrounded");
    expect(ungrounded(computed)).toBe(false);
    // A remembered figure must still be quoted.
    expect(ungrounded({ ...computed, bloom_level: "remember" })).toBe(true);
    // No new case in the stem: the figure has nothing to be computed from.
    expect(ungrounded({ ...computed, question: "How many molecules of water does the reaction in the text's equation use?" })).toBe(true);
    // A quote that states no number holds no rule to compute with.
    expect(ungrounded({ ...computed, source: { quote: "Plants make sugar." } })).toBe(true);
    // The key's words must still come from the quote; only its figures are exempt.
    expect(ungrounded({ ...computed, options: ["18 molecules of starch", "3", "9", "6"], correct_answer: "18 molecules of starch" })).toBe(true);
  });
});

import type { Mcq } from "@/lib/generation/mcq";
import type { ExportableAssessment } from "./types";

/** An ordinary assessment: one question per Bloom level, with the optional fields filled in. */
export const plainAssessment: ExportableAssessment = {
  title: "Cell Biology: Unit 3",
  createdAt: new Date("2025-03-04T09:30:00Z"),
  questions: [
    {
      id: "q-remember-1",
      question: "Which organelle releases most of the energy a cell uses?",
      options: ["Mitochondrion", "Ribosome", "Golgi apparatus", "Lysosome"],
      correct_answer: "Mitochondrion",
      bloom_level: "remember",
      explanation: "Mitochondria carry out aerobic respiration, which releases most of a cell's usable energy.",
      source: { quote: "Mitochondria release energy through aerobic respiration.", document: "cells.pdf", page: 4 },
      generator: "builtin",
    },
    {
      question: "Why does a cell with damaged ribosomes stop growing?",
      options: ["It cannot make proteins", "It cannot store water", "It cannot divide its nucleus", "It cannot absorb light"],
      correct_answer: "It cannot make proteins",
      bloom_level: "understand",
      explanation: "Ribosomes assemble proteins, and growth needs new proteins.",
      lint: [{ code: "long-stem", message: "The stem is long." }],
    },
    {
      question: "A plant is kept in the dark for a week. Which process stops first?",
      options: ["Respiration", "Photosynthesis", "Transpiration", "Diffusion"],
      correct_answer: "Photosynthesis",
      bloom_level: "apply",
      explanation: "Photosynthesis needs light; the others continue in the dark.",
    },
    {
      question: "Which observation best supports the claim that the cell membrane is selectively permeable?",
      options: [
        "Glucose enters but starch does not",
        "The cell swells in pure water",
        "The membrane is visible under a microscope",
        "The cell contains a nucleus",
      ],
      correct_answer: "Glucose enters but starch does not",
      bloom_level: "analyze",
      explanation: "Letting small molecules through while keeping large ones out is what selective permeability means.",
    },
    {
      question: "Which conclusion about the osmosis experiment is best justified by the data?",
      options: [
        "Water moved towards the more concentrated solution",
        "Salt moved into the potato",
        "The potato cells divided",
        "Temperature had no effect",
      ],
      correct_answer: "Water moved towards the more concentrated solution",
      bloom_level: "evaluate",
      explanation: "The potato lost mass in salt water, which shows water left the cells by osmosis.",
    },
    {
      question: "Which design would best test whether temperature affects the rate of diffusion?",
      options: [
        "Same dye and gel at three temperatures, timing the spread",
        "Three dyes at one temperature",
        "One dye in gels of three sizes",
        "Heating one gel and watching it once",
      ],
      correct_answer: "Same dye and gel at three temperatures, timing the spread",
      bloom_level: "create",
      explanation: "Only temperature changes, so any difference in rate comes from temperature.",
    },
  ],
};

const LONG_OPTION = `${"A very long option that keeps going ".repeat(12).trim()} to the end.`;
const LONG_WORD = `https://example.org/${"averyveryverylongpathsegment".repeat(6)}`;

/**
 * Text that breaks naive exporters. Question numbers (1-based) of the cases some formats cannot
 * carry are listed in NASTY_CASES so tests can expect exactly those problems.
 */
export const nastyQuestions: Mcq[] = [
  {
    question: `He said "it's fine", didn't he? 'Quoted', with commas, and a tab\there.`,
    options: [`"Yes"`, `'No'`, `It's "complicated"`, `A, B, and C`],
    correct_answer: `"Yes"`,
    bloom_level: "understand",
    explanation: `Quotes "double" and 'single' must survive.`,
  },
  {
    question: "In GIFT, what do {braces} ~ tilde = equals # hash : colon and \\ backslash mean?",
    options: ["a = b", "~tilde first", "#hash first", "{x}: y \\ z"],
    correct_answer: "{x}: y \\ z",
    bloom_level: "remember",
    explanation: "They are control characters #### unless escaped: {}, ~, =, #, : and \\.",
  },
  {
    question: "Is <b>bold</b> & <script>alert('x')</script> shown as typed?",
    options: ["<i>italic</i>", "a < b && c > d", "&amp; stays &amp;", "]]> ends CDATA"],
    correct_answer: "<i>italic</i>",
    bloom_level: "apply",
    explanation: "Markup-looking text is text: <br> is not a line break here.",
  },
  {
    question: "Что означает «фотосинтез»? Τι είναι; 光合作用とは何ですか？ 광합성이란?",
    options: ["Создание сахара на свету", "光合作用", "광합성", "Φωτοσύνθεση"],
    correct_answer: "Создание сахара на свету",
    bloom_level: "understand",
    explanation: "Photosynthesis (光合作用, фотосинтез) makes sugar using light.",
  },
  {
    question: "ما هي عاصمة مصر؟ (What is the capital of Egypt?)",
    options: ["القاهرة", "ירושלים", "Alexandria 123", "(Giza)"],
    correct_answer: "القاهرة",
    bloom_level: "remember",
    explanation: "القاهرة (Cairo) has been the capital since 969.",
  },
  {
    question: "Which emoji means laughing? 😀 or 🎉",
    options: ["😀", "🎉 party", "✓ check", "★ star"],
    correct_answer: "😀",
    bloom_level: "remember",
    explanation: "😀 is a grinning face.",
  },
  {
    question: "Which option is the longest?",
    options: [LONG_OPTION, LONG_WORD, "Short", "Medium length option"],
    correct_answer: LONG_OPTION,
    bloom_level: "analyze",
    explanation: "Long text must wrap rather than run off the page.",
  },
  {
    question: "Read the passage.\nThen answer: which line comes second?",
    options: ["The first line", "The second line\nwith a break", "The third", "None"],
    correct_answer: "The second line\nwith a break",
    bloom_level: "evaluate",
    explanation: "Line one.\nLine two.",
  },
  {
    question: "A) looks like an Aiken option, so Aiken cannot hold this question",
    options: ["Yes", "No", "Maybe", "Sometimes"],
    correct_answer: "Yes",
    bloom_level: "create",
    explanation: "An Aiken reader takes the line for an option.",
  },
  {
    question: "Which spreadsheet cell is a formula?",
    options: ["=SUM(A1:A2)", "@cmd", "-5", "+44 20 7946 0000"],
    correct_answer: "=SUM(A1:A2)",
    bloom_level: "apply",
    explanation: "Cells starting with = run as formulas.",
  },
  {
    question: "Which test needs a 🧪 and न (Devanagari)?",
    options: ["Titration", "Chromatography", "Filtration", "Distillation"],
    correct_answer: "Titration",
    bloom_level: "apply",
    explanation: "Titration uses a burette and an indicator.",
  },
  {
    question: "A bell character \u0007 hides here.",
    options: ["Bell", "Whistle", "Horn", "Drum"],
    correct_answer: "Bell",
    bloom_level: "remember",
    explanation: "Control characters cannot go into XML.",
  },
];

export const nastyAssessment: ExportableAssessment = {
  title: "Nasty: «quotes» & {braces} / <tags> — 漢字 😀",
  questions: nastyQuestions,
};

/** 1-based numbers of the nasty questions some formats must report. */
export const NASTY_CASES = {
  multiLine: 8,
  aikenLookalike: 9,
  formula: 10,
  /** 🧪 is newer than the bundled emoji font; Devanagari has no bundled font. */
  missingGlyphs: 11,
  controlCharacter: 12,
} as const;

import type { LintFinding, Mcq } from "@/lib/generation/mcq";
import { contentStems, diceSimilarity, normaliseSpace, wordsOf } from "@/lib/generation/text/words";

/** Codes of findings that make a question unusable: generators drop such candidates instead of shipping them. */
export const BLOCKING_LINT_CODES = new Set([
  "option_count",
  "key_not_in_options",
  "duplicate_options",
  "all_none_of_the_above",
  "answer_in_stem",
  "ungrounded",
]);

export const STEM_WORD_LIMIT = 70;

// The judgment of a student's conclusion ("It goes beyond the text: the text says that …").
const JUDGMENT_KEY = /^It (follows|does not follow|goes beyond the text): the text says /;

// The fixed wording of a kind of key, which no cited sentence states: its words are ignored in the
// grounding check, only in keys that open on it; what fills the frame must come from the cited sentence.
const KEY_FRAMES = [
  // A fair-test or comparison plan ("Change X, keep everything else the same, and measure Y"; "Compare Y
  // in years with and without X, alike in other ways").
  { opens: /^(?:Change|Compare) /, stems: new Set(contentStems("change keep everything else same measure once without together compare cases years alike other ways")) },
  { opens: JUDGMENT_KEY, stems: new Set(contentStems("it follows does not follow goes beyond the text says that")) },
];

const ABSOLUTE = /\b(?:always|never|all|none|only|every|completely|entirely)\b/i;
const NEGATIVE = /\b(?:not|except|never|least|false|incorrect|untrue)\b/i;
const ALL_NONE = /\b(?:all|none|both|neither) of (?:the )?(?:above|these|following)\b/i;
const OPENING_PRONOUN = /^(?:it|its|this|these|that|those|they|their|he|she|his|her)\b/i;

/**
 * Checks one question against the item-writing flaws that can be detected by rule (Haladyna,
 * Downing & Rodriguez 2002; Tarrant et al. 2006). Pure: the same question and source give the same
 * findings. `sourceText` is the material the question was written from.
 */
export function lintMcq(mcq: Mcq, sourceText: string): LintFinding[] {
  const findings: LintFinding[] = [];
  const add = (code: string, message: string) => findings.push({ code, message });
  const options = mcq.options.map((option) => option.trim());
  const key = mcq.correct_answer.trim();
  const distractors = options.filter((option) => option !== key);

  if (options.length !== 4 || options.some((option) => option.length === 0)) {
    add("option_count", "A question needs exactly four non-empty options.");
  }
  if (!options.includes(key)) add("key_not_in_options", "The correct answer is not one of the options.");
  if (hasNearDuplicates(options)) add("duplicate_options", "Two options are the same or almost the same.");
  if (options.some((option) => ALL_NONE.test(option))) {
    add("all_none_of_the_above", "Avoid \"all of the above\" and \"none of the above\" options.");
  }

  const stemStems = new Set(contentStems(mcq.question));
  const keyStems = contentStems(key);
  if (keyStems.length > 0 && keyStems.every((stem) => stemStems.has(stem)) && !isOrderKey(key)) {
    add("answer_in_stem", "The stem already contains the correct answer.");
  } else {
    const cue = keyStems.find(
      (stem) => stemStems.has(stem) && !distractors.some((option) => contentStems(option).includes(stem)),
    );
    if (cue) add("stem_word_cue", `The word "${cue}" appears in the stem and only in the correct answer.`);
  }

  const article = /\b(a|an)\s*(?:_+|\.\.\.|…)?\s*[.?:]?\s*$/i.exec(mcq.question.replace(/_+\.?$/, "").trimEnd());
  if (article && /_{2,}/.test(mcq.question)) {
    const agrees = (option: string) => (article[1].toLowerCase() === "an") === /^[aeiou]/i.test(option);
    if (agrees(key) && distractors.some((option) => !agrees(option))) {
      add("article_cue", `The article "${article[1]}" before the blank fits the correct answer but not every option.`);
    }
  }
  const verbBeforeBlank = /\b(is|are|was|were)\s+_{2,}/i.exec(mcq.question);
  if (verbBeforeBlank) {
    const plural = /^(?:are|were)$/i.test(verbBeforeBlank[1]);
    if (options.some((option) => looksPlural(option) !== plural)) {
      add("number_agreement", "The verb before the blank does not agree in number with every option.");
    }
  }

  // When every option is one of the material's own headings, the options are a fixed set the author
  // wrote, offered alike for every statement: their lengths say nothing about which one is the key.
  const isHeadingSet = options.every((option) => isHeadingOf(option, sourceText));
  const longestDistractor = Math.max(...distractors.map((option) => option.length), 0);
  if (!isOrderKey(key) && !isHeadingSet && key.length > 1.25 * longestDistractor && key.length - longestDistractor > 8) {
    add("longest_option", "The correct answer is clearly the longest option.");
  }
  const absolutes = options.filter((option) => ABSOLUTE.test(option));
  if (absolutes.length > 0 && absolutes.length < options.length && !isQuotedAbsoluteKey(absolutes, key, mcq.source?.quote)) {
    add("absolute_terms", "Some options use absolute words such as \"always\" or \"never\", which test-wise students avoid.");
  }
  const negative = NEGATIVE.exec(mcq.question);
  if (negative && negative[0] !== negative[0].toUpperCase()) {
    add("negative_stem", `The stem is negative ("${negative[0]}") without emphasis; write it in capitals or rephrase.`);
  }
  if (!isHeadingSet && distractors.some((option) => isImplausibleBeside(option, key))) {
    add("implausible_distractor", "A wrong answer is of a different kind or size than the correct one and is easy to rule out.");
  }
  if (OPENING_PRONOUN.test(mcq.question.trim())) {
    add("unresolved_pronoun", "The stem opens with a pronoun whose referent the reader cannot see.");
  }
  if (wordsOf(mcq.question).length > STEM_WORD_LIMIT) {
    add("stem_too_long", `The stem is longer than ${STEM_WORD_LIMIT} words.`);
  }
  const grounding = checkGrounding(mcq, sourceText, stemStems);
  if (grounding) add("ungrounded", grounding);
  return findings;
}

// Test-wise students rule out options with "always" or "never" because such claims are usually false.
// When the only such option is the key and the cited sentence states it in those words, the word is
// the text's own claim: it marks no wrong answer and points to none.
function isQuotedAbsoluteKey(absolutes: string[], key: string, quote: string | undefined): boolean {
  if (absolutes.length !== 1 || absolutes[0] !== key || !quote) return false;
  const words = key.match(new RegExp(ABSOLUTE.source, "gi")) ?? [];
  return words.every((word) => new RegExp(`\\b${word}\\b`, "i").test(quote));
}

let lastHeadings = { raw: "", headings: new Set<string>() };

// Markdown headings ("## Legacy") of the material, read once per material.
function isHeadingOf(option: string, sourceText: string): boolean {
  if (lastHeadings.raw !== sourceText) {
    const headings = new Set<string>();
    for (const match of sourceText.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) headings.add(normaliseSpace(match[1]));
    lastHeadings = { raw: sourceText, headings };
  }
  return lastHeadings.headings.has(normaliseSpace(option));
}

function isOrderKey(text: string): boolean {
  return /^\d+(?:,\s*\d+)+$/.test(text);
}

function hasNearDuplicates(options: string[]): boolean {
  for (let i = 0; i < options.length; i++) {
    for (let j = i + 1; j < options.length; j++) {
      const a = options[i].toLowerCase();
      const b = options[j].toLowerCase();
      if (a === b) return true;
      // Orders ("2, 3, 1" and "3, 2, 1") share most character pairs yet are different answers.
      if (isOrderKey(a) && isOrderKey(b)) {
        if (a.replace(/\s+/g, "") === b.replace(/\s+/g, "")) return true;
        continue;
      }
      if (diceSimilarity(a, b) >= 0.9 && !statesOtherAnswer(a, b)) return true;
      const wordsA = wordsOf(a);
      const wordsB = wordsOf(b);
      // "Glucose" beside "glucose molecules": one option contained whole in a short other one.
      if (Math.max(wordsA.length, wordsB.length) <= 4 && (containsWords(wordsA, wordsB) || containsWords(wordsB, wordsA))) {
        return true;
      }
    }
  }
  return false;
}

/** Two options that share most letter pairs yet are different answers. */
function statesOtherAnswer(a: string, b: string): boolean {
  return (
    // "Change X …, and measure Y" beside "Change Y …, and measure X": the same words in another order
    // state another relation.
    isReordering(a, b) ||
    // "Change the temperature through 15, 25, 35 and 45 °C, …" beside "… through 5, 10, 15 and 20 °C, …":
    // the same words with other values state other values.
    differsOnlyInNumbers(a, b) ||
    // "It follows: the text says …" beside "It does not follow: the text says …": other judgments of a
    // conclusion.
    isOtherJudgment(a, b)
  );
}

function differsOnlyInNumbers(a: string, b: string): boolean {
  const numbers = /\d+(?:\.\d+)?/g;
  return a.replace(numbers, "#") === b.replace(numbers, "#");
}

// Two judgments of a conclusion differ when their verdicts differ or their reasons quote different words
// ("many people hoped" / "hardly any people hoped"); the same verdict with the same words is a copy.
function isOtherJudgment(a: string, b: string): boolean {
  const read = (text: string) => JUDGMENT_KEY.exec(`${text.charAt(0).toUpperCase()}${text.slice(1)}`);
  const [x, y] = [read(a), read(b)];
  if (!x || !y) return false;
  const reason = (text: string, match: RegExpExecArray) => [...new Set(wordsOf(text.slice(match[0].length)))].sort().join(" ");
  return x[1] !== y[1] || reason(a, x) !== reason(b, y);
}

function isReordering(a: string, b: string): boolean {
  const wordsA = wordsOf(a);
  const wordsB = wordsOf(b);
  return wordsA.join(" ") !== wordsB.join(" ") && [...wordsA].sort().join(" ") === [...wordsB].sort().join(" ");
}

function containsWords(outer: string[], inner: string[]): boolean {
  return inner.length > 0 && inner.every((word) => outer.includes(word));
}

function looksPlural(option: string): boolean {
  const last = option.trim().split(/\s+/).pop() ?? "";
  return /[^s]s$/i.test(last) || /\band\b/i.test(option);
}

function isImplausibleBeside(option: string, key: string): boolean {
  const isNumber = (text: string) => /^[\d\s.,%$€£:–-]+$/.test(text);
  if (isNumber(option) !== isNumber(key)) return true;
  const ratio = Math.max(option.length, key.length) / Math.max(1, Math.min(option.length, key.length));
  return ratio > 4 && Math.abs(option.length - key.length) > 20;
}

// A generator lints many questions against the same material; normalising it once saves most of the cost.
let lastSource = { raw: "", normalised: "" };

function normalisedSource(sourceText: string): string {
  if (lastSource.raw !== sourceText) lastSource = { raw: sourceText, normalised: normaliseSpace(sourceText) };
  return lastSource.normalised;
}

const STATES_NUMBER = /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|half|third|quarter|percent)\b/i;

// An apply or evaluate question that carries the text's numbers over to a new case ("the client picks
// x = 2400 …" → 2401) has figures in its key that no sentence can quote. They count as grounded only
// when the stem gives the new case's numbers and the cited sentence states the numbers the rule works
// with; the key's words must still come from the cited sentence, and other levels are unaffected.
function isComputedCase(mcq: Mcq, quote: string): boolean {
  return (mcq.bloom_level === "apply" || mcq.bloom_level === "evaluate") && /\d/.test(mcq.question) && STATES_NUMBER.test(quote);
}

function checkGrounding(mcq: Mcq, sourceText: string, stemStems: Set<string>): string | undefined {
  const quote = mcq.source?.quote ? normaliseSpace(mcq.source.quote) : "";
  if (!quote) return "The question cites no sentence of the material.";
  if (!normalisedSource(sourceText).includes(quote)) return "The cited sentence does not occur in the material.";
  if (isOrderKey(mcq.correct_answer) || mcq.correct_answer === mcq.source?.heading) return undefined;
  const quoteStems = new Set(contentStems(quote));
  // The words of a fair-test design ("change …, keep everything else the same, and measure …") frame a
  // method; only the quantities it names are claims the cited sentence must support.
  const computed = isComputedCase(mcq, quote);
  const frames = KEY_FRAMES.filter((frame) => frame.opens.test(mcq.correct_answer));
  const keyStems = contentStems(mcq.correct_answer).filter(
    (stem) => !stemStems.has(stem) && !frames.some((frame) => frame.stems.has(stem)) && !(computed && /^\d+$/.test(stem)),
  );
  if (keyStems.length === 0) return undefined;
  const supported = keyStems.filter((stem) => quoteStems.has(stem)).length;
  return supported / keyStems.length >= 0.5 ? undefined : "The correct answer is not supported by the cited sentence.";
}

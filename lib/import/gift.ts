import { convertHtmlToText } from "./html-to-text";
import { ImportError, type ImportIssue } from "./import-error";
import { finishDrafts, readBloomTag, type QuestionDraft } from "./question-defaults";
import type { ImportedAssessment } from "./types";

type TextFormat = "moodle" | "html" | "plain" | "markdown";

/**
 * Reads the multiple-choice questions of a Moodle GIFT file the way Moodle's importer
 * (question/format/gift/format.php) does: blank lines separate questions, `//` lines are comments
 * (`[tag:…]` and `[id:…]` in them are kept), `$CATEGORY:` names the category, `\` escapes
 * `~ = # { } :` and `\n` is a line break. Other question types are reported by line, not skipped.
 */
export function parseGift(text: string, fallbackTitle: string): ImportedAssessment {
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  const drafts: QuestionDraft[] = [];
  const errors: ImportIssue[] = [];
  let category: string | null = null;

  for (const block of splitBlocks(lines)) {
    const tags: string[] = [];
    let id: string | undefined;
    const body: { line: number; text: string }[] = [];
    for (const entry of block) {
      if (entry.text.trimStart().startsWith("//")) {
        for (const match of entry.text.matchAll(/\[tag:([^\x00-\x1F\x7F]+?)]/g)) tags.push(match[1]);
        id = /\[id:([^\x00-\x1F\x7F]+?)]/.exec(entry.text)?.[1].trim() ?? id;
      } else {
        body.push(entry);
      }
    }
    if (body.length === 0) continue;
    const firstLine = body[0].line;
    const raw = body.map((entry) => entry.text).join("\n").trim();
    if (raw.startsWith("$CATEGORY:")) {
      category = raw.slice("$CATEGORY:".length).split("\n")[0].trim();
      continue;
    }
    const result = parseQuestion(raw, firstLine);
    if ("error" in result) {
      errors.push(result.error);
      continue;
    }
    const level = tags.map(readBloomTag).find((found) => found !== null) ?? null;
    drafts.push({ ...result, line: firstLine, bloom_level: level, ...(id ? { id } : {}) });
  }

  const finished = finishDrafts(drafts);
  errors.push(...finished.errors);
  if (errors.length === 0 && finished.questions.length === 0) {
    errors.push({ line: 1, message: "The file holds no multiple-choice questions" });
  }
  if (errors.length > 0) throw new ImportError(errors.sort((a, b) => a.line - b.line));
  return {
    title: readCategoryTitle(category) ?? fallbackTitle,
    questions: finished.questions,
    format: "gift",
    warnings: finished.warnings,
  };
}

function splitBlocks(lines: string[]): { line: number; text: string }[][] {
  const blocks: { line: number; text: string }[][] = [];
  let current: { line: number; text: string }[] = [];
  lines.forEach((text, index) => {
    if (text.trim() === "") {
      if (current.length > 0) blocks.push(current);
      current = [];
    } else {
      current.push({ line: index + 1, text });
    }
  });
  if (current.length > 0) blocks.push(current);
  return blocks;
}

// The last part of "$course$/top/Unit 3"; "//" stands for a "/" inside a name.
function readCategoryTitle(category: string | null): string | null {
  if (!category) return null;
  const parts = category.split(/(?<!\/)\/(?!\/)/).map((part) => part.replace(/\/\//g, "/").trim());
  const last = parts[parts.length - 1];
  return last && !/^\$\w+\$$/.test(last) && last !== "top" ? last : null;
}

/** Index of the first unescaped occurrence of `token` at or after `from`, or -1. */
function findUnescaped(text: string, token: string, from = 0): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === "\\") {
      i++;
      continue;
    }
    if (text.startsWith(token, i)) return i;
  }
  return -1;
}

function lineAt(text: string, index: number, firstLine: number): number {
  return firstLine + (text.slice(0, index).match(/\n/g)?.length ?? 0);
}

type ParsedQuestion = Omit<QuestionDraft, "line" | "bloom_level" | "id">;

function parseQuestion(raw: string, firstLine: number): ParsedQuestion | { error: ImportIssue } {
  const fail = (message: string, index = 0) => ({ error: { line: lineAt(raw, index, firstLine), message } });
  let rest = raw;
  let offset = 0;
  if (rest.startsWith("::")) {
    const end = findUnescaped(rest, "::", 2);
    if (end < 0) return fail('The question title opened with "::" is never closed');
    offset = end + 2;
    rest = rest.slice(offset);
  }
  const open = findUnescaped(rest, "{");
  if (open < 0) return fail("This has no answers in { }; only multiple-choice questions can be imported", offset);
  const close = findUnescaped(rest, "}", open + 1);
  if (close < 0) return fail('The answers opened with "{" are never closed with "}"', offset + open);

  const { format, text: stem } = readFormat(rest.slice(0, open).trim(), "moodle");
  const tail = rest.slice(close + 1).trim();
  const questionRaw = tail ? `${stem.trim()} _____ ${tail}` : stem;
  const answerBlock = rest.slice(open + 1, close);
  const at = (index: number) => offset + open + 1 + index;

  let answersRaw = answerBlock;
  let generalFeedback: string | null = null;
  const feedbackAt = findUnescaped(answerBlock, "####");
  if (feedbackAt >= 0) {
    answersRaw = answerBlock.slice(0, feedbackAt);
    generalFeedback = answerBlock.slice(feedbackAt + 4);
  }
  const trimmed = answersRaw.trim();
  if (trimmed === "") return fail("This is an essay or description question; only multiple-choice questions can be imported", at(0));
  if (trimmed.startsWith("#")) return fail("This is a numerical question; only multiple-choice questions can be imported", at(0));
  if (/^(T|F|TRUE|FALSE)\b/.test(trimmed)) {
    return fail("This is a true/false question; only multiple-choice questions can be imported", at(0));
  }

  const answers = splitAnswers(answersRaw);
  if (answers.length === 0) return fail('No answers starting with "=" or "~" were found', at(0));
  if (!answers.some((answer) => answer.marker === "~")) {
    const kind = findUnescaped(answersRaw, "->") >= 0 ? "a matching" : "a short-answer";
    return fail(`This is ${kind} question (no "~" wrong answers); only multiple-choice questions can be imported`, at(0));
  }
  const options = answers.map((answer) => formatText(answer.text, readFormat(answer.text, format).format));
  const correct = answers.filter((answer) => answer.isCorrect);
  if (correct.length !== 1) {
    return fail(
      `Bloomery questions have exactly one correct answer; this one has ${correct.length} (marked "=" or with a positive %weight%)`,
      at(answers[0].index),
    );
  }
  if (answers.length !== 4) {
    return fail(`Bloomery questions have exactly 4 options; this one has ${answers.length}`, at(answers[0].index));
  }
  return {
    question: formatText(questionRaw, format),
    options,
    correct_answer: options[answers.indexOf(correct[0])],
    explanation: generalFeedback === null ? null : formatText(generalFeedback, readFormat(generalFeedback.trim(), format).format),
  };
}

type RawAnswer = { marker: "=" | "~"; isCorrect: boolean; text: string; index: number };

// Each answer starts at an unescaped "=" or "~"; "%n%" after it is a weight, "#" starts its feedback.
function splitAnswers(block: string): RawAnswer[] {
  const starts: number[] = [];
  for (let i = 0; i < block.length; i++) {
    if (block[i] === "\\") {
      i++;
      continue;
    }
    if (block[i] === "=" || block[i] === "~") starts.push(i);
  }
  return starts.map((start, i) => {
    const marker = block[start] as "=" | "~";
    let body = block.slice(start + 1, starts[i + 1] ?? block.length);
    let weight: number | null = null;
    const weighted = /^%(-?\d+(?:\.\d+)?)%/.exec(body);
    if (weighted) {
      weight = Number(weighted[1]);
      body = body.slice(weighted[0].length);
    }
    const feedbackAt = findUnescaped(body, "#");
    const text = feedbackAt >= 0 ? body.slice(0, feedbackAt) : body;
    return { marker, isCorrect: marker === "=" || (weight !== null && weight > 0), text: text.trim(), index: start };
  });
}

function readFormat(text: string, fallback: TextFormat): { format: TextFormat; text: string } {
  const match = /^\[(moodle|html|plain|markdown)\]/.exec(text);
  return match ? { format: match[1] as TextFormat, text: text.slice(match[0].length) } : { format: fallback, text };
}

/** Unescapes GIFT text and turns it into what a reader sees, by its format. */
function formatText(raw: string, format: TextFormat): string {
  const { text } = readFormat(raw.trim(), format);
  // Line breaks in the file are layout; only an escaped "\n" is a line break in the text.
  const joined = format === "markdown" ? text : text.replace(/\s*\n\s*/g, " ");
  const unescaped = joined.replace(/\\([\\~=#{}:n])/g, (_, char: string) => (char === "n" ? "\n" : char)).trim();
  return format === "html" ? convertHtmlToText(unescaped) : unescaped;
}

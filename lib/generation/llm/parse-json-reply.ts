/**
 * Finds the list of questions in a model's reply however it was wrapped: bare JSON, a fenced code
 * block, JSON with prose before or after it, a reasoning model's <think> block first, trailing
 * commas, or the list under whatever key the model chose ("mcqs", "questions", "quiz": {…}).
 */
export function readQuestionList(reply: string): { items: unknown[] } | { reason: string } {
  const text = reply.replace(/^\uFEFF/, "").replace(/<think>[\s\S]*?<\/think>/gi, "").trim();
  if (text === "") return { reason: "the reply was empty" };
  let sawJson = false;
  for (const candidate of jsonCandidates(text)) {
    const value = parseLeniently(candidate);
    if (value === undefined) continue;
    sawJson = true;
    const items = findItems(value, 0);
    if (items) return { items };
  }
  return {
    reason: sawJson
      ? 'the JSON held no list of questions; reply with {"mcqs": [ … ]}'
      : "the reply was not JSON; reply with the JSON object only, no prose",
  };
}

// Whole text first, then fenced blocks, then every balanced {…} or […] from left to right.
function* jsonCandidates(text: string): Generator<string> {
  yield text;
  for (const fence of text.matchAll(/```[a-zA-Z]*\s*\n?([\s\S]*?)```/g)) yield fence[1].trim();
  let tried = 0;
  for (let at = 0; at < text.length && tried < 30; at++) {
    if (text[at] !== "{" && text[at] !== "[") continue;
    const balanced = balancedFrom(text, at);
    if (!balanced) continue;
    tried++;
    yield balanced;
    // A balanced object that parses is tried whole; skip what it spans.
    if (parseLeniently(balanced) !== undefined) at += balanced.length - 1;
  }
}

function balancedFrom(text: string, start: number): string | null {
  const stack: string[] = [];
  let inString = false;
  let isEscaped = false;
  for (let i = start; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (isEscaped) isEscaped = false;
      else if (char === "\\") isEscaped = true;
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') inString = true;
    else if (char === "{" || char === "[") stack.push(char === "{" ? "}" : "]");
    else if (char === "}" || char === "]") {
      if (stack.pop() !== char) return null;
      if (stack.length === 0) return text.slice(start, i + 1);
    }
  }
  return null;
}

function parseLeniently(text: string): unknown {
  for (const attempt of [text, withoutTrailingCommas(text)]) {
    try {
      const value: unknown = JSON.parse(attempt);
      // Some models double-encode: the JSON is a string holding JSON.
      if (typeof value === "string" && /^\s*[[{]/.test(value)) return parseLeniently(value);
      return value;
    } catch {
      // Try the next repair.
    }
  }
  return undefined;
}

function withoutTrailingCommas(text: string): string {
  let out = "";
  let inString = false;
  let isEscaped = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (isEscaped) isEscaped = false;
      else if (char === "\\") isEscaped = true;
      else if (char === '"') inString = false;
    } else if (char === '"') {
      inString = true;
    } else if (char === "," && /^\s*[}\]]/.test(text.slice(i + 1, i + 64))) {
      continue;
    }
    out += char;
  }
  return out;
}

const LIST_KEYS = ["mcqs", "questions", "items", "multiplechoicequestions", "quiz", "data", "results", "output", "result"];
const QUESTION_KEYS = ["question", "stem", "questiontext", "prompt"];

function compactKey(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]/g, "");
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function findItems(value: unknown, depth: number): unknown[] | null {
  if (Array.isArray(value)) return value.length === 0 || value.some(isObject) ? value : null;
  if (!isObject(value) || depth > 2) return null;
  const keys = Object.keys(value);
  if (keys.some((key) => QUESTION_KEYS.includes(compactKey(key)))) return [value];
  const ordered = [
    ...keys.filter((key) => LIST_KEYS.includes(compactKey(key))),
    ...keys.filter((key) => !LIST_KEYS.includes(compactKey(key))),
  ];
  for (const key of ordered) {
    const items = findItems(value[key], depth + 1);
    if (items) return items;
  }
  return null;
}

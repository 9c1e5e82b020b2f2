// What a taker's browser keeps between visits. Every access is guarded: private modes and full
// storage throw, and the quiz must still work (it then just cannot resume after a reload).

const NAME_KEY = "bloomery.taker-name";
const TAKER_KEY = "bloomery.taker-key";
const LAYOUT_KEY = "bloomery.quiz-layout";
const attemptKey = (quizToken: string) => `bloomery.quiz.${quizToken}.attempt`;
const pendingKey = (quizToken: string) => `bloomery.quiz.${quizToken}.pending`;

function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
  } catch {
    // Storage unavailable: the server still has every answer that reached it.
  }
}

export function readTakerName(): string {
  return read(NAME_KEY) ?? "";
}

export function writeTakerName(name: string): void {
  write(NAME_KEY, name);
}

/** This browser's random id as a taker, made on first use: one attempt per browser hangs on it. */
export function readTakerKey(): string {
  const existing = read(TAKER_KEY);
  if (existing && /^[A-Za-z0-9_-]{16,64}$/.test(existing)) return existing;
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  const key = Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
  write(TAKER_KEY, key);
  return key;
}

export type QuizLayout = "one" | "all";

export function readLayout(): QuizLayout {
  return read(LAYOUT_KEY) === "all" ? "all" : "one";
}

export function writeLayout(layout: QuizLayout): void {
  write(LAYOUT_KEY, layout);
}

export function readAttemptToken(quizToken: string): string | null {
  return read(attemptKey(quizToken));
}

export function writeAttemptToken(quizToken: string, attemptToken: string | null): void {
  write(attemptKey(quizToken), attemptToken);
}

/** Answers chosen but not yet confirmed by the server (offline, or the request failed). */
export function readPendingAnswers(quizToken: string): Record<string, number> {
  try {
    const parsed: unknown = JSON.parse(read(pendingKey(quizToken)) ?? "{}");
    if (!parsed || typeof parsed !== "object") return {};
    return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, number] => Number.isInteger(entry[1])));
  } catch {
    return {};
  }
}

export function writePendingAnswers(quizToken: string, pending: Record<string, number>): void {
  write(pendingKey(quizToken), Object.keys(pending).length === 0 ? null : JSON.stringify(pending));
}

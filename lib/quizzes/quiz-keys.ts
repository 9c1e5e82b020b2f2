import { randomBytes, randomInt } from "node:crypto";

/**
 * Letters and digits a pupil can read off a board and type without confusion: no 0/O, no 1/I/L.
 * 31 symbols, so a 6-character code is one of 887 million.
 */
export const QUIZ_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const QUIZ_CODE_LENGTH = 6;

const CODE_PATTERN = new RegExp(`^[${QUIZ_CODE_ALPHABET}]{${QUIZ_CODE_LENGTH}}$`);
// 18 random bytes: 144 bits, as unguessable as a session token, and 24 URL-safe characters.
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{24}$/;

/** The unguessable part of a quiz link, /q/<token>. */
export function generateQuizToken(): string {
  return randomBytes(18).toString("base64url");
}

/** The taker's secret for one attempt: it is all a browser needs to resume, save and review. */
export function generateAttemptToken(): string {
  return randomBytes(18).toString("base64url");
}

/** A browser's identity for a quiz taker, when an API consumer sends none. */
export function generateTakerKey(): string {
  return randomBytes(16).toString("base64url");
}

export function generateQuizCode(): string {
  let code = "";
  for (let i = 0; i < QUIZ_CODE_LENGTH; i++) code += QUIZ_CODE_ALPHABET[randomInt(QUIZ_CODE_ALPHABET.length)];
  return code;
}

/** What a person typed, as a code: case, spaces and dashes ("abc-234", "ABC 234") do not matter. */
export function normaliseQuizCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]+/g, "");
}

export function isQuizCode(value: string): boolean {
  return CODE_PATTERN.test(value);
}

export function isQuizToken(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}

export function isAttemptToken(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}

/** A quiz is reached by its link token or its short code; anything else cannot name one. */
export type QuizKey = { kind: "token"; value: string } | { kind: "code"; value: string } | null;

export function parseQuizKey(raw: string): QuizKey {
  if (isQuizToken(raw)) return { kind: "token", value: raw };
  const code = normaliseQuizCode(raw);
  if (isQuizCode(code)) return { kind: "code", value: code };
  return null;
}

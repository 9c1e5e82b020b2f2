import { z } from "zod";

/** The six levels of the revised Bloom's taxonomy, lowest to highest. */
export const BLOOM_LEVELS = ["remember", "understand", "apply", "analyze", "evaluate", "create"] as const;
export type BloomLevel = (typeof BLOOM_LEVELS)[number];
export const bloomLevelSchema = z.enum(BLOOM_LEVELS);

export type BloomCounts = Record<BloomLevel, number>;

/** EduMate's default request, kept so its clients get the same mix. */
export const DEFAULT_BLOOM_COUNTS: BloomCounts = {
  remember: 5,
  understand: 3,
  apply: 4,
  analyze: 3,
  evaluate: 2,
  create: 3,
};

export const MAX_QUESTIONS = 100;

// British spelling and a few forms people type; anything else is rejected, never guessed.
const LEVEL_ALIASES: Record<string, BloomLevel> = {
  remember: "remember",
  understand: "understand",
  apply: "apply",
  analyze: "analyze",
  analyse: "analyze",
  evaluate: "evaluate",
  create: "create",
};

export class BloomsParseError extends Error {}

/**
 * Parses the EduMate requirement string ("5 remember, 3 understand, 4 apply") into counts.
 * Levels may appear in any order and case; a missing level counts as zero; "3 x Apply" and
 * "apply: 3" are accepted too. A level named twice, an unknown level or a non-integer count throws.
 */
export function parseBloomsString(input: string): BloomCounts {
  const counts: BloomCounts = { remember: 0, understand: 0, apply: 0, analyze: 0, evaluate: 0, create: 0 };
  const seen = new Set<BloomLevel>();
  const parts = input
    .split(/[,;\n]+/)
    .map((part) => part.trim())
    .filter(Boolean);
  if (parts.length === 0) throw new BloomsParseError("Bloom requirements are empty");
  for (const part of parts) {
    const match =
      /^(\d+)\s*(?:x\s*|×\s*)?([a-z]+)(?:\s+questions?)?$/i.exec(part) ??
      swapNameFirst(/^([a-z]+)\s*[:=]?\s*(\d+)$/i.exec(part));
    if (!match) {
      throw new BloomsParseError(`Could not read "${part}"; write it as "<count> <level>", e.g. "5 remember"`);
    }
    const count = Number(match[1]);
    const level = LEVEL_ALIASES[match[2].toLowerCase()];
    if (!level) {
      throw new BloomsParseError(
        `Unknown Bloom level "${match[2]}"; use remember, understand, apply, analyze, evaluate or create`,
      );
    }
    if (seen.has(level)) throw new BloomsParseError(`Bloom level "${level}" is given twice`);
    seen.add(level);
    counts[level] = count;
  }
  return counts;
}

function swapNameFirst(match: RegExpExecArray | null): RegExpExecArray | null {
  if (!match) return null;
  const swapped = [match[0], match[2], match[1]] as unknown as RegExpExecArray;
  return swapped;
}

/** Formats counts the way EduMate's UI sends them, leaving out zero levels. */
export function formatBloomsString(counts: BloomCounts): string {
  return BLOOM_LEVELS.filter((level) => counts[level] > 0)
    .map((level) => `${counts[level]} ${level}`)
    .join(", ");
}

export function totalQuestions(counts: BloomCounts): number {
  return BLOOM_LEVELS.reduce((sum, level) => sum + counts[level], 0);
}

const countSchema = z
  .number({ error: "Each Bloom count must be a number" })
  .int("Each Bloom count must be a whole number")
  .min(0, "Bloom counts cannot be negative")
  .max(MAX_QUESTIONS, `A Bloom count cannot exceed ${MAX_QUESTIONS}`);

const bloomsObjectSchema = z
  .record(z.string(), z.unknown())
  .transform((record, ctx): BloomCounts => {
    const counts: BloomCounts = { remember: 0, understand: 0, apply: 0, analyze: 0, evaluate: 0, create: 0 };
    for (const [key, value] of Object.entries(record)) {
      const level = LEVEL_ALIASES[key.toLowerCase()];
      if (!level) {
        ctx.addIssue({
          code: "custom",
          message: `Unknown Bloom level "${key}"; use remember, understand, apply, analyze, evaluate or create`,
          path: [key],
        });
        continue;
      }
      const parsed = countSchema.safeParse(value);
      if (!parsed.success) {
        ctx.addIssue({ code: "custom", message: parsed.error.issues[0].message, path: [key] });
        continue;
      }
      counts[level] = parsed.data;
    }
    return counts;
  });

const bloomsStringSchema = z.string().transform((text, ctx): BloomCounts => {
  try {
    return parseBloomsString(text);
  } catch (error) {
    ctx.addIssue({ code: "custom", message: (error as Error).message });
    return z.NEVER;
  }
});

/**
 * Bloom requirements as a request carries them: EduMate's string or an object of counts.
 * Absent means EduMate's default 5/3/4/3/2/3. The total must be 1 to 100.
 */
export const bloomsRequirementSchema = z
  .unknown()
  .optional()
  .transform((value, ctx): BloomCounts | undefined => {
    if (value === undefined || value === null) return undefined;
    // Dispatch on the shape ourselves so the caller sees the real problem, not "no union member matched".
    const schema =
      typeof value === "string"
        ? bloomsStringSchema
        : typeof value === "object" && !Array.isArray(value)
          ? bloomsObjectSchema
          : null;
    if (!schema) {
      ctx.addIssue({ code: "custom", message: 'blooms must be a string like "5 remember, 3 apply" or an object like {"remember": 5}' });
      return z.NEVER;
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", message: issue.message, path: issue.path as (string | number)[] });
      return z.NEVER;
    }
    return parsed.data;
  })
  .transform((counts) => counts ?? { ...DEFAULT_BLOOM_COUNTS })
  .superRefine((counts, ctx) => {
    const total = totalQuestions(counts);
    if (total < 1) ctx.addIssue({ code: "custom", message: "Ask for at least 1 question in total" });
    if (total > MAX_QUESTIONS) {
      ctx.addIssue({ code: "custom", message: `Ask for at most ${MAX_QUESTIONS} questions in total (got ${total})` });
    }
  });

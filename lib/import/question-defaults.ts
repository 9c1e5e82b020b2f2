import { BLOOM_LEVELS, type BloomLevel } from "@/lib/generation/blooms";
import { mcqSchema, type Mcq } from "@/lib/generation/mcq";
import type { ImportIssue } from "./import-error";
import { MISSING_EXPLANATION } from "./types";

const LEVEL_NAMES: Record<string, BloomLevel> = {
  ...Object.fromEntries(BLOOM_LEVELS.map((level) => [level, level])),
  analyse: "analyze",
};

/**
 * The Bloom level a tag names: "bloom-apply" (what Bloomery writes), "bloom:apply", "Bloom_Apply"
 * or just "apply". Anything else is not a level.
 */
export function readBloomTag(tag: string): BloomLevel | null {
  const name = tag
    .trim()
    .toLowerCase()
    .replace(/^bloom(?:'?s)?(?:[\s_:-]*level)?[\s_:-]*/, "");
  return LEVEL_NAMES[name] ?? null;
}

/** A question as read from a file, before Bloomery's rules are checked. */
export type QuestionDraft = {
  line: number;
  question: string;
  options: string[];
  correct_answer: string;
  bloom_level: BloomLevel | null;
  explanation: string | null;
  id?: string;
};

/**
 * Checks drafts against mcqSchema and fills in what the file did not say: Bloom level "remember"
 * and a note for a missing explanation, each listed once in the warnings with the lines concerned.
 */
export function finishDrafts(drafts: QuestionDraft[]): { questions: Mcq[]; errors: ImportIssue[]; warnings: ImportIssue[] } {
  const questions: Mcq[] = [];
  const errors: ImportIssue[] = [];
  const withoutLevel: number[] = [];
  const withoutExplanation: number[] = [];
  for (const draft of drafts) {
    if (!draft.bloom_level) withoutLevel.push(draft.line);
    if (!draft.explanation?.trim()) withoutExplanation.push(draft.line);
    const parsed = mcqSchema.safeParse({
      ...(draft.id ? { id: draft.id } : {}),
      question: draft.question,
      options: draft.options,
      correct_answer: draft.correct_answer,
      bloom_level: draft.bloom_level ?? "remember",
      explanation: draft.explanation?.trim() ? draft.explanation : MISSING_EXPLANATION,
    });
    if (parsed.success) questions.push(parsed.data);
    else errors.push(...parsed.error.issues.map((issue) => ({ line: draft.line, message: `This question: ${issue.message}` })));
  }
  const warnings: ImportIssue[] = [];
  if (withoutLevel.length > 0) {
    warnings.push({
      line: withoutLevel[0],
      message: `${describeCount(withoutLevel)} no Bloom level, so ${withoutLevel.length === 1 ? "it was" : "they were"} imported as "remember" (${describeLines(withoutLevel)}).`,
    });
  }
  if (withoutExplanation.length > 0) {
    warnings.push({
      line: withoutExplanation[0],
      message: `${describeCount(withoutExplanation)} no explanation; ${withoutExplanation.length === 1 ? "it reads" : "they read"} "${MISSING_EXPLANATION}" (${describeLines(withoutExplanation)}).`,
    });
  }
  return { questions, errors, warnings };
}

function describeCount(lines: number[]): string {
  return lines.length === 1 ? "1 question has" : `${lines.length} questions have`;
}

function describeLines(lines: number[]): string {
  const shown = lines.slice(0, 10).join(", ");
  return `${lines.length === 1 ? "line" : "lines"} ${shown}${lines.length > 10 ? ", …" : ""}`;
}

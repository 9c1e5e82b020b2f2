import type { BloomLevel } from "@/lib/generation/blooms";

/** A question before selection: one template's output, with what it tests and where it comes from. */
export interface Candidate {
  template: string;
  level: BloomLevel;
  question: string;
  key: string;
  distractors: string[];
  explanation: string;
  /** Sentences the question rests on; the first is quoted as the source. */
  sentenceIds: number[];
  /** What the question tests; two selected questions never share one. */
  fact: string;
  /**
   * Facts the options show as correct (a trace check shows three correct values beside the wrong
   * one). No selected question may ask a fact another one shows: the shown option would answer it.
   */
  shows?: string[];
  /**
   * The question rests on a sentence that other templates carry out or plan from (a rule run backwards):
   * it waits, like a question with a lint finding, until no level can take a question without it.
   */
  isFallback?: boolean;
  /** Higher is better; from the template and the key's importance. */
  score: number;
}

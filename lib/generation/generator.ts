import type { BloomCounts } from "./blooms";
import type { GenerationResult } from "./mcq";

/**
 * A piece of material a generator may ask about. Pasted text is one passage; a document
 * collection hands over the chunks retrieval chose, each naming where it came from.
 */
export interface SourcePassage {
  text: string;
  document?: string;
  page?: number;
  heading?: string;
}

export interface GenerationInput {
  passages: SourcePassage[];
  title?: string;
  counts: BloomCounts;
  /** Same input and seed → same output; another seed → another selection. */
  seed?: number;
  /** Question stems already in the assessment, never to be produced again. */
  exclude?: string[];
}

export interface GenerationProgress {
  done: number;
  total: number;
  stage: string;
}

export interface GenerationContext {
  /** Aborted when the job times out or the instance shuts down; stop work promptly. */
  signal: AbortSignal;
  onProgress?: (progress: GenerationProgress) => void | Promise<void>;
}

/** Every generator (built-in, language model) has this shape and returns exact counts or warnings. */
export type Generator = (input: GenerationInput, context: GenerationContext) => Promise<GenerationResult>;

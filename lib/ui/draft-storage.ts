import type { BloomCounts } from "@/lib/generation/blooms";
import type { Mcq } from "@/lib/generation/mcq";

const PREFIX = "bloomery.draft.";

/** A teacher's edits of an unsaved result, kept in this browser under the job's id until it is saved. */
export interface StoredDraft {
  mcqs: Mcq[];
  /** Whether the questions differ from what the job produced (edited, reordered, added, removed). */
  isEdited: boolean;
  title?: string;
  /** The counts asked for, for the chart's "asked for" outlines. */
  requested?: BloomCounts;
}

export function readDraft(jobId: string): StoredDraft | null {
  try {
    const value = JSON.parse(window.localStorage.getItem(PREFIX + jobId) ?? "null");
    return value && Array.isArray(value.mcqs) ? (value as StoredDraft) : null;
  } catch {
    return null;
  }
}

export function writeDraft(jobId: string, draft: StoredDraft): void {
  try {
    window.localStorage.setItem(PREFIX + jobId, JSON.stringify(draft));
  } catch {
    // Storage full or off: the edits still live in the page; leaving warns.
  }
}

export function clearDraft(jobId: string): void {
  try {
    window.localStorage.removeItem(PREFIX + jobId);
  } catch {
    // Nothing to clear.
  }
}

import { saveJobAsAssessment } from "@/lib/api-client/assessments";
import { clearDraft, readDraft } from "@/lib/ui/draft-storage";

const STORAGE_KEY = "bloomery.pendingSave";

interface PendingSave {
  jobId: string;
  title?: string;
}

/**
 * Remembers, for this tab, a quiz generated before signing in, so it is saved once the visitor has
 * signed in or signed up, even if they wander via "forgot password" on the way.
 */
export function rememberPendingSave(save: PendingSave): void {
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(save));
  } catch {
    // Storage can be off (private modes); the job id also travels in the sign-in link.
  }
}

function readPendingSave(): PendingSave | null {
  try {
    const value = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? "null");
    return value && typeof value.jobId === "string" ? value : null;
  } catch {
    return null;
  }
}

function clearPendingSave(): void {
  try {
    sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Nothing to clear.
  }
}

/** Only a path on this site: never another origin, so a crafted link cannot send people elsewhere. */
export function safeNextPath(next: string | null): string | null {
  return next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : null;
}

/** Where to go once signed in: the saved quiz if one was waiting, else `next`, else the library. */
export async function finishSignIn(params: URLSearchParams): Promise<string> {
  const pending = readPendingSave();
  const jobId = params.get("save_job") ?? pending?.jobId;
  if (jobId) {
    const title = params.get("title") ?? pending?.title;
    // Edits made before signing in were kept in this browser under the job's id: save those, not the raw result.
    const draft = readDraft(jobId);
    try {
      const saved = await saveJobAsAssessment({
        job_id: jobId,
        title: title?.trim() || draft?.title?.trim() || undefined,
        ...(draft?.isEdited ? { mcqs: draft.mcqs } : {}),
      });
      clearDraft(jobId);
      return `/library/${saved.id}?saved=1`;
    } catch {
      return "/library?save_failed=1";
    } finally {
      clearPendingSave();
    }
  }
  return safeNextPath(params.get("next")) ?? "/library";
}

/** The same query string minus nothing: carried between sign-in and sign-up links. */
export function carryParams(params: URLSearchParams): string {
  const kept = new URLSearchParams();
  for (const key of ["save_job", "title", "next"]) {
    const value = params.get(key);
    if (value) kept.set(key, value);
  }
  const text = kept.toString();
  return text ? `?${text}` : "";
}

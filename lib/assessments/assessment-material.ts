import { z } from "zod";
import { documentSourceSchema } from "../documents/generation-source";

/**
 * What an assessment's questions were generated from: pasted text, or uploaded documents (by
 * reference, with the retrieval query). Stored on the assessment when a job is saved.
 *
 * Why a copy and not a reference to the source job: a job's row, payload included, is swept
 * JOB_RESULT_TTL_SECONDS (a day) after it ends, while a saved assessment lives on; "regenerate this
 * question" a month later needs the material itself. Documents stay references: their text already
 * lives in `chunks`, and deleting a document is the teacher's way of ending generation from it.
 */
export const assessmentMaterialSchema = z.union([
  z.object({ text: z.string().min(1) }).strict(),
  z.object({ documents: documentSourceSchema }).strict(),
]);
export type AssessmentMaterial = z.output<typeof assessmentMaterialSchema>;

/** The material of a generation job's payload, or null when it has none we can reuse. */
export function materialFromJobPayload(payload: unknown): AssessmentMaterial | null {
  if (typeof payload !== "object" || payload === null) return null;
  const { text, documents } = payload as Record<string, unknown>;
  const parsed = assessmentMaterialSchema.safeParse(typeof text === "string" ? { text } : { documents });
  return parsed.success ? parsed.data : null;
}

/** A stored `material` column read back; anything unreadable counts as no material. */
export function readStoredMaterial(value: unknown): AssessmentMaterial | null {
  const parsed = assessmentMaterialSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** The fields of a POST /api/generate body that name this material. */
export function materialToGenerateFields(material: AssessmentMaterial) {
  if ("text" in material) return { text: material.text };
  const { collectionName, documentId, query } = material.documents;
  return { collection_name: collectionName, ...(documentId ? { document_id: documentId } : {}), ...(query ? { query } : {}) };
}

import { documentNotFound } from "./collection-not-found";
import { documentIdSchema } from "./document-schemas";

/** The uuid in /api/documents/{id}; a value that cannot be an id answers as a missing document does. */
export function parseDocumentId(value: string): string {
  if (!documentIdSchema.safeParse(value).success) throw documentNotFound();
  return value.toLowerCase();
}

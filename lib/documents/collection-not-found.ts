import { AppError } from "../errors";

/** A collection that does not exist and one the caller may not add to answer alike. */
export function collectionNotFound(name: string): AppError {
  return new AppError("not_found", `Collection not found: ${name}`);
}

/** A missing document and another user's answer alike. */
export function documentNotFound(): AppError {
  return new AppError("not_found", "Document not found");
}

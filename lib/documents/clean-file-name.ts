import { MAX_FILE_NAME_LENGTH } from "./document-schemas";

/**
 * The name shown for an uploaded file: its last path segment (browsers and curl may send a path),
 * without control characters, at most 200 characters with the extension kept. Never empty.
 */
export function cleanFileName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? "";
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  if (clean === "") return "upload";
  if (clean.length <= MAX_FILE_NAME_LENGTH) return clean;
  const dot = clean.lastIndexOf(".");
  const extension = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : "";
  return clean.slice(0, MAX_FILE_NAME_LENGTH - extension.length) + extension;
}

import type { ImportFormat } from "./types";

/**
 * Tells a Bloomery JSON, Aiken or GIFT file from its content: JSON opens with "{"; Aiken has
 * `ANSWER: X` key lines after `A) ` option lines; GIFT has answers in braces with "=" or "~".
 * Returns null for anything else.
 */
export function detectImportFormat(text: string): ImportFormat | null {
  const content = text.replace(/^\uFEFF/, "").trimStart();
  if (content.startsWith("{")) return "json";
  if (/^[ \t]*ANSWER:[ \t]*[A-Z]/m.test(content) && /^[ \t]*[A-Z][).][ \t]?\S/m.test(content)) return "aiken";
  if (/\{[^}]*(^|[^\\])[=~][^}]*\}/s.test(content)) return "gift";
  return null;
}

import type { Mcq } from "@/lib/generation/mcq";
import type { BloomLevel } from "@/lib/generation/blooms";
import type { ExportProblem } from "./types";

export const OPTION_LETTERS = ["A", "B", "C", "D"] as const;

const encoder = new TextEncoder();

export function encodeUtf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/** "apply" → "Apply", for the papers and tags people read. */
export function formatBloomLevel(level: BloomLevel): string {
  return level.charAt(0).toUpperCase() + level.slice(1);
}

/** Index of the correct option; mcqSchema guarantees it is one of the four. */
export function findCorrectIndex(mcq: Mcq): number {
  return mcq.options.indexOf(mcq.correct_answer);
}

/** A short question name for LMS banks, which list questions by name. */
export function makeQuestionName(index: number, mcq: Mcq): string {
  const oneLine = mcq.question.replace(/\s+/g, " ").trim();
  const chars = Array.from(oneLine);
  const short = chars.length > 60 ? `${chars.slice(0, 59).join("").trimEnd()}…` : oneLine;
  return `${index + 1}. ${short}`;
}

/**
 * An ASCII file-name stem from the title: accents dropped, anything else outside [a-z0-9]
 * becomes a dash, so the name survives every browser, OS and Content-Disposition header.
 */
export function slugifyTitle(title: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return slug || "assessment";
}

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** Plain text as HTML that shows the same characters: markup-looking text stays literal. */
export function toHtmlParagraph(text: string): string {
  return `<p>${escapeXml(text).replace(/\r\n|\r|\n/g, "<br>")}</p>`;
}

/** A CDATA section; "]]>" inside the text is split across two sections, the only way to carry it. */
export function wrapCdata(text: string): string {
  return `<![CDATA[${text.replace(/]]>/g, "]]]]><![CDATA[>")}]]>`;
}

// XML 1.0 `Char`: tab, newline, carriage return and everything from space up, minus surrogates
// and U+FFFE/U+FFFF. A lone surrogate is matched on its own because it is not a code point.
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Removes characters XML 1.0 cannot hold (control characters, lone surrogates): a parser refuses
 * the whole file otherwise. Each question that lost some is reported.
 */
export function removeXmlIllegalCharacters(questions: Mcq[]): { questions: Mcq[]; problems: ExportProblem[] } {
  const problems: ExportProblem[] = [];
  const cleaned = questions.map((mcq, index) => {
    const clean = (text: string) => text.replace(XML_ILLEGAL, "");
    const fields = [mcq.question, ...mcq.options, mcq.explanation];
    if (!fields.some((text) => clean(text) !== text)) return mcq;
    problems.push({
      question: index + 1,
      code: "characters-removed",
      message: "Control characters that this file type cannot hold were removed.",
    });
    return {
      ...mcq,
      question: clean(mcq.question),
      options: mcq.options.map(clean),
      correct_answer: clean(mcq.correct_answer),
      explanation: clean(mcq.explanation),
    };
  });
  return { questions: cleaned, problems };
}

/** Strips characters XML cannot hold from a single string, such as the title. */
export function removeXmlIllegalFromText(text: string): string {
  return text.replace(XML_ILLEGAL, "");
}

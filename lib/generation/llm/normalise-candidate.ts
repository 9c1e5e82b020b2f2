import { z } from "zod";
import { bloomLevelSchema, type BloomLevel } from "@/lib/generation/blooms";

/** One question as the model wrote it, after normalisation and before grounding and linting. */
export const candidateSchema = z
  .object({
    question: z.string().trim().min(1, "question is empty"),
    options: z
      .array(z.string().trim().min(1, "an option is empty"))
      .length(4, "a question needs exactly 4 options"),
    correct_answer: z.string().trim().min(1, "correct_answer is empty"),
    bloom_level: bloomLevelSchema.optional(),
    explanation: z.string().trim().min(1, "explanation is missing or empty"),
    excerpt: z.number().int().positive().optional(),
    quote: z.string().trim().optional(),
  })
  .superRefine((candidate, ctx) => {
    const normalised = candidate.options.map(normaliseText);
    if (new Set(normalised).size !== normalised.length) {
      ctx.addIssue({ code: "custom", message: "two options are the same; write 4 different options", path: ["options"] });
    }
    if (!candidate.options.includes(candidate.correct_answer)) {
      ctx.addIssue({ code: "custom", message: `correct_answer "${candidate.correct_answer}" is not one of the options`, path: ["correct_answer"] });
    }
  });
export type CandidateMcq = z.infer<typeof candidateSchema>;

export type NormaliseResult = { ok: true; candidate: CandidateMcq } | { ok: false; reason: string };

type Field = "question" | "options" | "correct" | "correctIndex" | "explanation" | "bloom" | "excerpt" | "quote" | "source";

// Spellings models produce for each field, compared without case, spaces or punctuation.
const FIELD_ALIASES: Record<Field, string[]> = {
  question: ["question", "stem", "questiontext", "questionstem", "prompt", "q"],
  options: ["options", "answeroptions", "choices", "answers", "alternatives", "answerchoices", "optionlist", "distractorsandanswer"],
  correct: ["correctanswer", "answer", "correct", "correctoption", "rightanswer", "key", "answerkey", "correctchoice", "solution"],
  correctIndex: ["correctindex", "answerindex", "correctoptionindex", "correctanswerindex"],
  explanation: ["explanation", "explaination", "explanantion", "explenation", "rationale", "justification", "reasoning", "reason", "feedback"],
  bloom: ["bloomlevel", "bloom", "level", "bloomslevel", "bloomtaxonomylevel", "bloomstaxonomylevel", "taxonomylevel", "cognitivelevel"],
  excerpt: ["excerpt", "excerptid", "excerptnumber", "excerptno", "excerptindex", "sourceexcerpt", "passage", "chunk"],
  quote: ["quote", "supportingquote", "sourcequote", "supportingsentence", "sourcesentence", "supportingtext", "quotation", "evidence", "citation"],
  source: ["source", "grounding", "reference", "support"],
};
const FIELD_OF_KEY = new Map<string, Field>(
  Object.entries(FIELD_ALIASES).flatMap(([field, keys]) => keys.map((key) => [key, field as Field] as const)),
);

const LEVEL_WORDS: [RegExp, BloomLevel][] = [
  [/\b(remember(ing)?|knowledge|recall)\b/, "remember"],
  [/\b(understand(ing)?|comprehension|comprehend)\b/, "understand"],
  [/\b(apply(ing)?|application)\b/, "apply"],
  [/\b(analy[sz]e|analy[sz]ing|analysis)\b/, "analyze"],
  [/\b(evaluat(e|ing|ion))\b/, "evaluate"],
  [/\b(creat(e|ing|ion)|synthesis)\b/, "create"],
];

const LETTERS = ["A", "B", "C", "D", "E", "F", "G", "H"];

/**
 * Turns one item of a model's reply into a candidate question, accepting the spellings models
 * use (answer_options, explaination, choices as {"A": …}, "A) " prefixes, letter answers such as
 * "B" or "B) …"), or says in one sentence, addressed to the model, why it cannot be used.
 */
export function normaliseCandidate(raw: unknown): NormaliseResult {
  if (!isRecord(raw)) return { ok: false, reason: "an item was not a JSON object" };
  const fields = collectFields(raw);
  const options = readOptions(fields.options);
  if ("reason" in options) return { ok: false, reason: options.reason };
  if (options.texts.length !== 4) return { ok: false, reason: `a question needs exactly 4 options, this one has ${options.texts.length}` };
  const answer = resolveAnswer(fields, options.texts, options.letters);
  if ("reason" in answer) return { ok: false, reason: answer.reason };
  let bloomLevel: BloomLevel | undefined;
  if (fields.bloom !== undefined && fields.bloom !== null && fields.bloom !== "") {
    bloomLevel = readLevel(fields.bloom);
    if (!bloomLevel) return { ok: false, reason: `bloom_level "${String(fields.bloom)}" is not a Bloom level` };
  }
  const parsed = candidateSchema.safeParse({
    question: asText(fields.question) ?? "",
    options: options.texts,
    correct_answer: answer.text,
    bloom_level: bloomLevel,
    explanation: asText(fields.explanation) ?? "",
    excerpt: readExcerptNumber(fields.excerpt),
    quote: asText(fields.quote),
  });
  if (!parsed.success) return { ok: false, reason: parsed.error.issues.map((issue) => issue.message).join("; ") };
  return { ok: true, candidate: parsed.data };
}

function collectFields(raw: Record<string, unknown>): Partial<Record<Field, unknown>> {
  const fields: Partial<Record<Field, unknown>> = {};
  const take = (record: Record<string, unknown>, nested: boolean) => {
    for (const [key, value] of Object.entries(record)) {
      const field = FIELD_OF_KEY.get(compactKey(key));
      if (!field || fields[field] !== undefined) continue;
      // A nested source object ({"source": {"excerpt": 2, "quote": "…"}}) gives its own fields.
      if ((field === "source" || field === "quote" || field === "excerpt") && isRecord(value) && !nested) {
        take(value, true);
        continue;
      }
      fields[field] = value;
    }
  };
  take(raw, false);
  // A bare "source" is either the excerpt number or the quote.
  if (fields.source !== undefined) {
    const text = String(fields.source);
    if (fields.excerpt === undefined && /^\s*(excerpt\s*)?[#[]?\d+\]?\s*$/i.test(text)) fields.excerpt = text;
    else if (fields.quote === undefined && typeof fields.source === "string") fields.quote = fields.source;
  }
  return fields;
}

interface Options {
  texts: string[];
  letters: string[];
}

const OPTION_PREFIX = /^\s*(?:[([]?([A-Ha-h1-8])[).\]:]|\(([A-Ha-h1-8])\)|([A-Ha-h1-8])\s+[-–])\s+/;

function readOptions(value: unknown): Options | { reason: string } {
  let entries: { letter?: string; text: string }[];
  if (Array.isArray(value)) {
    entries = value.map((option) => (isRecord(option) ? readOptionObject(option) : { text: asText(option) ?? "" }));
  } else if (isRecord(value)) {
    entries = Object.entries(value).map(([key, text]) => ({ letter: key.trim().length === 1 ? key.trim().toUpperCase() : undefined, text: asText(text) ?? "" }));
  } else {
    return { reason: "options are missing; give a list of 4 options" };
  }
  const prefixes = entries.map((entry) => OPTION_PREFIX.exec(entry.text));
  const isPrefixed =
    entries.length > 1 &&
    prefixes.every((match, index) => match && prefixLabel(match) === LETTERS[index]);
  if (isPrefixed) {
    entries = entries.map((entry, index) => ({ letter: LETTERS[index], text: entry.text.slice(prefixes[index]![0].length) }));
  }
  return {
    texts: entries.map((entry) => entry.text.trim()),
    letters: entries.map((entry, index) => entry.letter ?? LETTERS[index]),
  };
}

// "A", "a" and "1" all name the first option.
function prefixLabel(match: RegExpExecArray): string {
  const label = (match[1] ?? match[2] ?? match[3]).toUpperCase();
  return /\d/.test(label) ? LETTERS[Number(label) - 1] : label;
}

function readOptionObject(option: Record<string, unknown>): { letter?: string; text: string } {
  const byKey = new Map(Object.entries(option).map(([key, value]) => [compactKey(key), value]));
  const text = ["text", "value", "content", "option", "answer", "choice", "label"].map((key) => asText(byKey.get(key))).find(Boolean) ?? "";
  const letter = ["letter", "id", "key", "label"].map((key) => asText(byKey.get(key))).find((value) => value && /^[A-Ha-h]$/.test(value.trim()));
  return { letter: letter?.trim().toUpperCase(), text };
}

function resolveAnswer(fields: Partial<Record<Field, unknown>>, options: string[], letters: string[]): { text: string } | { reason: string } {
  if (fields.correct === undefined && typeof fields.correctIndex === "number") {
    const option = options[fields.correctIndex];
    return option !== undefined ? { text: option } : { reason: `correct_index ${fields.correctIndex} is not an option's position` };
  }
  const raw = isRecord(fields.correct) ? readOptionObject(fields.correct).text || readOptionObject(fields.correct).letter : fields.correct;
  if (raw === undefined || raw === null || raw === "") return { reason: "correct_answer is missing" };
  if (typeof raw === "number") return { reason: `correct_answer ${raw} is a number; repeat the text of the correct option` };
  const given = String(raw).trim();
  const exact = options.find((option) => option === given) ?? options.find((option) => normaliseText(option) === normaliseText(given));
  if (exact !== undefined) return { text: exact };
  const lettered = /^(?:(?:option|answer|choice)\s*)?[([]?([A-Ha-h])(?:[).\]:]\s*(.*)|\s*[-–]\s+(.*)|\)?)$/i.exec(given);
  if (lettered) {
    const byLetter = options[letters.indexOf(lettered[1].toUpperCase())];
    const rest = (lettered[2] ?? lettered[3] ?? "").trim();
    const byText = rest ? options.find((option) => normaliseText(option) === normaliseText(rest)) : undefined;
    if (byText !== undefined && byLetter !== undefined && byText !== byLetter) {
      return { reason: `correct_answer "${given}" names one option by letter and another by text` };
    }
    const chosen = byText ?? byLetter;
    if (chosen !== undefined) return { text: chosen };
  }
  return { reason: `correct_answer "${given}" is not one of the options; repeat the correct option's text exactly` };
}

function readLevel(value: unknown): BloomLevel | undefined {
  const text = String(value).toLowerCase();
  return LEVEL_WORDS.find(([pattern]) => pattern.test(text))?.[1];
}

function readExcerptNumber(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isInteger(value) && value > 0 ? value : undefined;
  if (typeof value !== "string") return undefined;
  const match = /\d+/.exec(value);
  return match ? Number(match[0]) : undefined;
}

function asText(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function compactKey(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/** Case, spacing and a final full stop do not make two options different. */
export function normaliseText(text: string): string {
  return text.toLowerCase().replace(/\s+/g, " ").replace(/[.。]$/, "").trim();
}

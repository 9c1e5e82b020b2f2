import type { Sentence } from "@/lib/generation/text/analyse-material";
import { wordsOf } from "@/lib/generation/text/words";
import type { Random } from "../random";
import type { Study } from "../study-material";

/**
 * A worked example the text gives for a procedure over named variables: "if the client picks x = 1000
 * and the server picks y = 5000, the client sends SYN (seq = 1000), the server answers SYN-ACK (seq =
 * 5000, ack = 1001) …". Each traced value is read back as an expression over the variables (1001 →
 * x + 1), so the procedure can be run again on new numbers.
 */
export interface WorkedExample {
  sentence: Sentence;
  /** The example's supposition as written, "the client picks x = 1000 and the server picks y = 5000". */
  setting: string;
  variables: { name: string; value: number }[];
  fields: TracedField[];
}

export interface TracedField {
  /** The message or step the value belongs to ("SYN-ACK"). */
  label: string;
  /** The field as the text abbreviates it ("ack"). */
  field: string;
  variable: string;
  offset: number;
}

const SETTING = /\bif ((?:[^,;:]*?\b[a-z] = \d+\b)+)[^,;:]*,/;
const ASSIGNMENT = /\b([a-z]) = (\d+)\b/g;
const TRACED = /\b([A-Z][A-Za-z-]*) \(([a-z]+ = \d+(?:, [a-z]+ = \d+)*)\)/g;
const TRACED_FIELD = /([a-z]+) = (\d+)/g;
// A traced value is an expression over one variable only when it lies this close to it.
const MAX_OFFSET = 2;

const cache = new WeakMap<Study, WorkedExample[]>();

/** Worked examples whose every traced value is a variable plus a small offset, read unambiguously. */
export function workedExamples(study: Study): WorkedExample[] {
  let examples = cache.get(study);
  if (examples) return examples;
  examples = [];
  for (const sentence of study.material.sentences) {
    // Material pasted twice holds the same example twice; the first is the one to use.
    if (sentence.isRepeat) continue;
    const setting = SETTING.exec(sentence.text);
    if (!setting) continue;
    const variables = [...setting[1].matchAll(ASSIGNMENT)].map((match) => ({ name: match[1], value: Number(match[2]) }));
    if (new Set(variables.map((variable) => variable.name)).size !== variables.length) continue;
    const rest = sentence.text.slice(setting.index + setting[0].length);
    const fields: TracedField[] = [];
    let isReadable = true;
    for (const traced of rest.matchAll(TRACED)) {
      for (const [, field, raw] of traced[2].matchAll(TRACED_FIELD)) {
        const matches = variables.filter((variable) => Math.abs(Number(raw) - variable.value) <= MAX_OFFSET);
        if (matches.length !== 1) isReadable = false;
        else fields.push({ label: traced[1], field, variable: matches[0].name, offset: Number(raw) - matches[0].value });
      }
    }
    // A trace needs at least one computed value, and every value must be read back; otherwise the
    // numbers are not a run of a procedure over these variables.
    if (!isReadable || fields.length < 3 || !fields.some((field) => field.offset !== 0)) continue;
    examples.push({ sentence, setting: setting[1], variables, fields });
  }
  cache.set(study, examples);
  return examples;
}

/** The expression a traced value stands for, as the text writes it: "x + 1", "y". */
export function expressionOf(field: TracedField): string {
  if (field.offset === 0) return field.variable;
  return `${field.variable} ${field.offset > 0 ? "+" : "-"} ${Math.abs(field.offset)}`;
}

/**
 * New values for the example's variables: round, different from the text's own, and far enough apart
 * that no traced value could be read as an offset of the wrong variable.
 */
export function newValues(example: WorkedExample, random: Random): Map<string, number> {
  const values = new Map<string, number>();
  const taken = example.variables.map((variable) => variable.value);
  for (const variable of example.variables) {
    let value = 0;
    do value = 100 * (1 + random.below(98));
    while ([...taken, ...values.values()].some((other) => Math.abs(other - value) < 10 * MAX_OFFSET));
    values.set(variable.name, value);
  }
  return values;
}

/** The example's supposition with new numbers: "the client picks x = 2400 and the server picks y = 7100". */
export function settingWith(example: WorkedExample, values: Map<string, number>): string {
  return example.setting.replace(ASSIGNMENT, (_, name: string) => `${name} = ${values.get(name)}`);
}

export function valueOf(field: TracedField, values: Map<string, number>): number {
  return values.get(field.variable)! + field.offset;
}

/**
 * The text's full name for a traced field: "ack" → "acknowledgment number", the most frequent
 * "<word> number" whose word starts with the field's name; else the field's name itself.
 */
export function fieldName(study: Study, field: string): string {
  let names = nameCache.get(study);
  if (!names) nameCache.set(study, (names = new Map()));
  let name = names.get(field);
  if (name === undefined) names.set(field, (name = findFieldName(study, field)));
  return name;
}

const nameCache = new WeakMap<Study, Map<string, string>>();

function findFieldName(study: Study, field: string): string {
  const counts = new Map<string, number>();
  for (const sentence of study.material.sentences) {
    const words = wordsOf(sentence.text);
    words.forEach((word, index) => {
      if (word.startsWith(field) && words[index + 1] === "number") {
        counts.set(`${word} number`, (counts.get(`${word} number`) ?? 0) + 1);
      }
    });
  }
  const best = [...counts].sort((a, b) => b[1] - a[1])[0];
  return best ? best[0] : field;
}

/**
 * Sentences other than the example that state the rule for a traced field in words: each writes the
 * field's expression ("x + 1", or the bare variable) within a few words after a word for the field
 * ("an acknowledgment number of x + 1", "the acknowledgments are x + 1 and y + 1", "its own initial
 * sequence number, y").
 */
export function ruleSentences(study: Study, example: WorkedExample, field: TracedField): Sentence[] {
  const expression = new RegExp(String.raw`(?<![\w'’-])${expressionOf(field).replace("+", String.raw`\+`)}(?![\w'’-])`, "g");
  const sentences: Sentence[] = [];
  for (const sentence of study.material.sentences) {
    if (sentence.id === example.sentence.id || sentence.isRepeat || !sentence.text.includes(field.variable)) continue;
    for (const match of sentence.text.matchAll(expression)) {
      const before = wordsOf(sentence.text.slice(0, match.index)).slice(-6);
      if (before.some((word) => word.startsWith(field.field) && /^[a-z]+$/.test(word))) {
        sentences.push(sentence);
        break;
      }
    }
  }
  return sentences;
}

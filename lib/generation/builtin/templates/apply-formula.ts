import type { Candidate } from "../candidate";
import { distinctSlips } from "./quantities";
import { ownRandom, type TemplateContext } from "./shared";
import { expressionOf, fieldName, newValues, ruleSentences, settingWith, valueOf, workedExamples } from "./worked-example";

/**
 * Run a procedure the text works through with variables on new numbers: "Suppose the client picks
 * x = 2400 and the server picks y = 7100. Following the text, what acknowledgment number (ack) does the
 * SYN-ACK carry?" → 2401. The key is computed from the expression the worked example follows (x + 1);
 * the wrong answers are the usual slips: the offset forgotten, the other variable, both. Only for
 * values whose rule a sentence states in words; the quote is that sentence, else the worked example.
 */
export function writeFormulaNewValues(context: TemplateContext): Candidate[] {
  const { study } = context;
  const candidates: Candidate[] = [];
  // A procedure's step sentence is wanted by the step templates; a sentence that states this rule
  // alone is the better quote, so it ranks first.
  const steps = new Set(study.relations.sequences.flatMap((sequence) => sequence.steps.map((step) => step.sentenceId)));
  for (const example of workedExamples(study)) {
    for (const field of example.fields) {
      // A value copied straight from a variable ("seq = x") asks no computation; a formula only the
      // example shows (no sentence states it) is the example's to check, not a stated rule to use.
      const sentences = ruleSentences(study, example, field);
      if (field.offset === 0 || sentences.length === 0) continue;
      const values = newValues(example, ownRandom(context, `formula-new-values:${example.sentence.text}:${field.label}.${field.field}`));
      const key = valueOf(field, values);
      const others = example.variables.filter((variable) => variable.name !== field.variable).map((variable) => values.get(variable.name)!);
      const own = values.get(field.variable)!;
      const slips = distinctSlips(key, [own, ...others.map((other) => other + field.offset), ...others, own + 2 * field.offset, own - field.offset], 5);
      if (slips.length < 3) continue;
      const name = fieldName(study, field.field);
      // "acknowledgment number (ack)", but "check number", not "check number (check)".
      const asked = name.split(" ")[0] === field.field ? name : `${name} (${field.field})`;
      const question = `Suppose ${settingWith(example, values)}. Following the text, what ${asked} does the ${field.label} carry?`;
      const expression = expressionOf(field);
      // The worked example also shows the rule at work, but a sentence stating it in words is the better
      // quote; not a procedure's step sentence, which the step templates need (the worked example may
      // carry this question beside a trace check, so it is always there to quote).
      for (const sentence of [...sentences.filter((sentence) => !steps.has(sentence.id)), example.sentence]) {
        candidates.push({
          template: "formula-new-values",
          level: "apply",
          question,
          key: String(key),
          distractors: slips.map(String),
          explanation: `The text gives the ${field.label}'s ${field.field} as ${expression}: "${sentence.text}" Here ${field.variable} = ${own}, so ${expression} = ${key}.`,
          sentenceIds: [sentence.id],
          // One question per traced value: the apply question and the trace check on it test the same thing.
          fact: `traced:${example.sentence.id}:${field.label}.${field.field}`,
          score: sentence === example.sentence ? 2.6 : 3.3 - 0.3 * otherFormulas(sentence.text),
        });
      }
    }
  }
  return candidates;
}

function otherFormulas(text: string): number {
  return Math.max(0, (text.match(/(?<![\w-])[a-z] [+-] \d+\b/g)?.length ?? 0) - 1);
}

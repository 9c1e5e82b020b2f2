import type { Candidate } from "../candidate";
import { ownRandom, type TemplateContext } from "./shared";
import { expressionOf, newValues, ruleSentences, settingWith, valueOf, workedExamples, type TracedField } from "./worked-example";

/**
 * Check someone's run of a procedure the text works through: with new numbers, four of the values a
 * student wrote are shown and exactly one breaks the text's rule; the learner finds it ("checking":
 * detecting an inconsistency in a process or product). The wrong value is a typical slip: the offset
 * forgotten, or the other side's number. The stem shows no value, so no option is in the stem.
 */
export function writeCheckTrace(context: TemplateContext): Candidate[] {
  const { study } = context;
  const candidates: Candidate[] = [];
  for (const example of workedExamples(study)) {
    for (const wrong of example.fields) {
      const values = newValues(example, ownRandom(context, `check-trace:${example.sentence.text}:${wrong.label}.${wrong.field}`));
      const right = valueOf(wrong, values);
      const slip = slipOf(wrong, values);
      if (slip === undefined) continue;
      const show = (field: TracedField, value: number) => `${field.label}: ${field.field} = ${value}`;
      const key = show(wrong, slip);
      // The other values shown are correct; computed ones first, as they are the ones worth checking.
      const others = example.fields
        .filter((field) => field !== wrong)
        .sort((a, b) => Number(b.offset !== 0) - Number(a.offset !== 0))
        .map((field) => show(field, valueOf(field, values)))
        .filter((option, index, all) => option !== key && all.indexOf(option) === index);
      if (others.length < 3) continue;
      const question = `A student ran the text's worked example again with new numbers: ${settingWith(example, values)}. Which of the values they wrote breaks the text's rule?`;
      const expression = expressionOf(wrong);
      const rule = ruleSentences(study, example, wrong)[0];
      // The quote is the worked example, the one sentence that shows every value being checked; the
      // explanation adds the sentence that states the broken rule in words, when there is one.
      const sentence = example.sentence;
      candidates.push({
          template: "check-trace",
          level: "evaluate",
          question,
          key,
          distractors: others.slice(0, 5),
          explanation: `Following the text, the ${wrong.label}'s ${wrong.field} is ${expression}, here ${right}, not ${slip}: "${sentence.text}"${rule ? ` "${rule.text}"` : ""}`,
          sentenceIds: [sentence.id],
          fact: `traced:${example.sentence.id}:${wrong.label}.${wrong.field}`,
          score: 3.0,
        });
    }
  }
  return candidates;
}

// A computed value with its offset forgotten; a copied value replaced by the other variable's (the
// two sides' numbers confused).
function slipOf(field: TracedField, values: Map<string, number>): number | undefined {
  if (field.offset !== 0) return values.get(field.variable)!;
  const other = [...values].find(([name]) => name !== field.variable);
  return other ? other[1] : undefined;
}

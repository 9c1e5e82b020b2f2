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
      const show = (field: TracedField, value: number) => `${field.label}: ${field.field} = ${value}`;
      // The other values shown are correct; computed ones first, as they are the ones worth checking.
      const shown = example.fields
        .filter((field) => field !== wrong)
        .sort((a, b) => Number(b.offset !== 0) - Number(a.offset !== 0))
        .map((field) => ({ text: show(field, valueOf(field, values)), value: valueOf(field, values) }));
      const slip = slipsOf(wrong, values).find((value) => !pointsToKey(value, values, shown.map((option) => option.value)));
      if (slip === undefined) continue;
      const key = show(wrong, slip);
      const others = shown.map((option) => option.text).filter((option, index, all) => option !== key && all.indexOf(option) === index);
      if (others.length < 3) continue;
      const question = `A student ran the text's worked example again with new numbers: ${settingWith(example, values)}. Which of the values they wrote is wrong, following the text?`;
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

// The usual slips, most natural first: a computed value with its offset forgotten, the offset added
// to the other variable, the offset added twice; a copied value replaced by the other variable's (the
// two sides' numbers confused).
function slipsOf(field: TracedField, values: Map<string, number>): number[] {
  const others = [...values].filter(([name]) => name !== field.variable).map(([, value]) => value);
  const own = values.get(field.variable)!;
  if (field.offset === 0) return others;
  return [own, ...others.map((other) => other + field.offset), own + 2 * field.offset];
}

// A wrong value that repeats a number of the stem (a variable's new value) points to itself unless a
// correct value shown beside it repeats that number too.
function pointsToKey(slip: number, values: Map<string, number>, shown: number[]): boolean {
  return [...values.values()].includes(slip) && !shown.includes(slip);
}

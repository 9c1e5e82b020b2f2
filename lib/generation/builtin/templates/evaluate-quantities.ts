import type { Candidate } from "../candidate";
import { ownRandom, type TemplateContext } from "./shared";
import { expressionOf, newValues, ruleSentences, settingWith, valueOf, workedExamples, type TracedField } from "./worked-example";

/**
 * Check someone's run of a procedure the text works through: with new numbers, four of the values a
 * student wrote are shown and exactly one breaks the text's rule; the learner finds it ("checking":
 * detecting an inconsistency in a process or product). The wrong value is a typical slip: the offset
 * forgotten, or the other side's number. The stem shows no value, so no option is in the stem. The
 * three correct values shown are declared (`shows`), so no other question asks one of them.
 */
export function writeCheckTrace(context: TemplateContext): Candidate[] {
  const { study } = context;
  const candidates: Candidate[] = [];
  for (const example of workedExamples(study)) {
    const factOf = (field: TracedField) => `traced:${example.sentence.id}:${field.label}.${field.field}`;
    // A computed value whose rule a sentence states is the one an apply question can ask on new
    // numbers; a check that shows it as correct would answer that question, so checks that leave it
    // out rank first.
    const stated = new Set(example.fields.filter((field) => field.offset !== 0 && ruleSentences(study, example, field).length > 0));
    for (const wrong of example.fields) {
      const values = newValues(example, ownRandom(context, `check-trace:${example.sentence.text}:${wrong.label}.${wrong.field}`));
      const right = valueOf(wrong, values);
      const show = (field: TracedField, value: number) => `${field.label}: ${field.field} = ${value}`;
      const expression = expressionOf(wrong);
      const rule = ruleSentences(study, example, wrong)[0];
      const question = `A student ran the text's worked example again with new numbers: ${settingWith(example, values)}. Which of the values they wrote is wrong, following the text?`;
      // The quote is the worked example, the one sentence that shows every value being checked; the
      // explanation adds the sentence that states the broken rule in words, when there is one.
      const sentence = example.sentence;
      // Three of the other values are shown, all correct. Each choice of three is a variant: the
      // values it shows are facts no other selected question may ask, so selection takes the variant
      // that leaves out the values other questions ask (and a second check never shows the first's).
      for (const shownFields of threesOf(example.fields.filter((field) => field !== wrong))) {
        const shown = shownFields.map((field) => ({ text: show(field, valueOf(field, values)), value: valueOf(field, values) }));
        const slip = slipsOf(wrong, values).find((value) => !pointsToKey(value, values, shown.map((option) => option.value)));
        if (slip === undefined) continue;
        const key = show(wrong, slip);
        const others = shown.map((option) => option.text);
        if (new Set([key, ...others]).size < 4) continue;
        // Computed values are the ones worth checking, so a check that shows more of them ranks first.
        const computed = shownFields.filter((field) => field.offset !== 0).length;
        const answersApply = shownFields.filter((field) => stated.has(field)).length;
        candidates.push({
          template: "check-trace",
          level: "evaluate",
          question,
          key,
          distractors: others,
          explanation: `Following the text, the ${wrong.label}'s ${wrong.field} is ${expression}, here ${right}, not ${slip}: "${sentence.text}"${rule ? ` "${rule.text}"` : ""}`,
          sentenceIds: [sentence.id],
          // One check per worked example: a second would be the same task on other numbers. The value
          // it asks about is declared with those it shows, so no apply question asks either.
          fact: `trace-check:${example.sentence.id}`,
          shows: [wrong, ...shownFields].map(factOf),
          score: 3.0 + 0.05 * computed - 0.2 * answersApply,
        });
      }
    }
  }
  return candidates;
}

/** Every choice of three items, in the items' order. */
function threesOf<T>(items: T[]): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      for (let k = j + 1; k < items.length; k++) result.push([items[i], items[j], items[k]]);
    }
  }
  return result;
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

import type { Candidate } from "../candidate";
import { indefiniteArticle } from "../clauses";
import { ownRandom, type TemplateContext } from "./shared";

// "The acknowledgment number is the next sequence number the sender expects to receive; in other words,
// it acknowledges every byte before that number." A present-tense definition of a term as the next
// number in a count, restated as a cut-off that the term's value draws over the things it counts.
const CUTOFF_DEFINITION =
  /^(?:the|an?) ([a-z][\w-]*(?: [a-z][\w-]*){0,3}) is the next [^;]+;\s*(?:in other words|that is),?\s*it ([a-z]+) (?:every|each) ([a-z]+) (before|below|up to and including) (?:that|this|the) (?:number|value)\.$/i;

/**
 * Carry out a definition on a new value: "Suppose an acknowledgment number is 4001. Following the text,
 * what does it acknowledge?" → "Every byte before 4001". The value is new (drawn from the
 * request's seed, never one the text states), so the learner must use the stated cut-off, not recall a
 * case. The wrong answers are the slips of a cut-off: the value itself counted in or out the wrong way,
 * only the value itself, and everything from the value on. Each wrong answer is wrong about the value
 * itself, so exactly one option is right; "every byte up to and including 4000", which says the same as
 * the key for whole numbers, is never offered.
 */
export function writeDefinitionCutoff(context: TemplateContext): Candidate[] {
  const { study } = context;
  const candidates: Candidate[] = [];
  const stated = new Set(study.material.sentences.flatMap((sentence) => sentence.text.match(/\d+/g) ?? []));
  for (const sentence of study.material.sentences) {
    const match = CUTOFF_DEFINITION.exec(sentence.text.trim());
    if (!match) continue;
    const [, term, verbForm, unit, relation] = match;
    const verb = baseForm(verbForm);
    if (!verb) continue;
    const value = newValue(ownRandom(context, `definition-cutoff:${sentence.text}`), stated);
    const inclusive = /including/i.test(relation);
    const every = (words: string) => `Every ${unit} ${words} ${value}`;
    const key = inclusive ? every("up to and including") : every("before");
    const distractors = inclusive
      ? // The key is long here: the value one past counted in is a wrong answer of its length.
        [every("before"), `Every ${unit} up to and including ${value + 1}`, `Only ${unit} ${value}`, every("after")]
      : [every("up to and including"), `Only ${unit} ${value}`, `Every ${unit} from ${value} on`];
    const name = term.toLowerCase();
    const question = `Suppose ${indefiniteArticle(name)} ${name} is ${value}. Following the text, what does it ${verb}?`;
    candidates.push({
      template: "definition-cutoff",
      level: "apply",
      question,
      key,
      distractors,
      explanation: `The text defines it: "${sentence.text}" So ${indefiniteArticle(name)} ${name} of ${value} ${verbForm} ${key.toLowerCase()}${inclusive ? "" : `, not ${unit} ${value} itself`}.`,
      sentenceIds: [sentence.id],
      fact: `definition-cutoff:${sentence.id}`,
      score: 3.1,
    });
  }
  return candidates;
}

/** "acknowledges" → "acknowledge", "carries" → "carry", "covers" → "cover"; not a third-person verb → undefined. */
function baseForm(verb: string): string | undefined {
  const lower = verb.toLowerCase();
  if (/ies$/.test(lower)) return lower.slice(0, -3) + "y";
  if (/(?:ss|sh|ch|x|z)es$/.test(lower)) return lower.slice(0, -2);
  if (/[^s]s$/.test(lower)) return lower.slice(0, -1);
  return undefined;
}

/** A value such as 4001 that no sentence states, so the case is new. */
function newValue(random: { below(max: number): number }, stated: Set<string>): number {
  for (;;) {
    const value = (12 + random.below(87)) * 100 + 1;
    if (!stated.has(String(value))) return value;
  }
}

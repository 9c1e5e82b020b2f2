import type { Candidate } from "../candidate";
import { capitalise, lowerFirst, wordCount } from "../clauses";
import { chooseDistinct } from "../distractors";
import { reverseDirection, type Study } from "../study-material";
import type { Sentence } from "@/lib/generation/text/analyse-material";
import {
  cueStatements,
  fitsBeside,
  followsFromPremise,
  isPastClause,
  isSimilarLength,
  isUndirectedChange,
  noChangeOpposite,
  otherClauses,
  preferSharedWords,
  statedNearby,
  statesChange,
  withLengthPartner,
  type TemplateContext,
} from "./shared";

/**
 * Carry out a rule the text states on a given case: "Suppose that the price of a good rises. Based on
 * the text, what would you expect?" The wrong answers include the rule run backwards.
 */
export function writeRuleToCase({ study, random }: TemplateContext): Candidate[] {
  const candidates: Candidate[] = [];
  // Only stated rules (if/when): a "because" sentence explains one event, and "supposing" its cause
  // would only ask to recall the sentence; past events are history, not rules to carry out.
  for (const rule of study.relations.rules) {
    if (rule.isPast || isPastClause(rule.condition) || isPastClause(rule.consequence)) continue;
    const sentence = study.material.sentences[rule.sentenceId];
    const condition = lowerFirst(rule.condition, study.lowerVocabulary);
    const key = capitalise(rule.consequence);
    const question = `Suppose that ${condition}. Based on the text, what would you expect?`;
    // "The equilibrium changes" has no direction: its wrong answer is the no-change opposite.
    const reversed = reverseDirection(rule.consequence) ?? noChangeOpposite(rule.consequence);
    const safe = safeWrongAnswer(study, sentence, rule.consequence);
    // No wrong answer that another sentence states as following from the same premise.
    const ranked = otherClauses(study, [sentence.id], `${rule.condition} ${rule.consequence}`, (clause, source) =>
      isSimilarLength(clause, rule.consequence, 2) && !followsFromPremise(study, rule.condition, clause, source) && safe(clause, source),
    ).map((clause) => capitalise(clause.text));
    const distractors = reversed ? [capitalise(reversed)] : [];
    const statements = cueStatements(study, [sentence.id], key, question, (text) => fitsBeside(text, rule.consequence) && !followsFromPremise(study, rule.condition, text) && safe(text));
    const pool = preferSharedWords([...ranked, ...statements], key, question);
    distractors.push(...chooseDistinct(pool, [key, ...distractors], 5 - distractors.length, random));
    if (distractors.length < 3) continue;
    distractors.splice(
      0,
      distractors.length,
      ...withLengthPartner(distractors, pool, key, study, (id) => id !== sentence.id && !followsFromPremise(study, rule.condition, "", study.material.sentences[id]), safe),
    );
    candidates.push({
      template: "rule-to-case",
      level: "apply",
      question,
      key,
      distractors,
      explanation: `The text states the rule that applies here: "${sentence.text}"`,
      sentenceIds: [sentence.id],
      fact: `sentence:${sentence.id}`,
      score: 3.2,
    });
  }
  return candidates;
}

/**
 * Execute a procedure the text describes: given the step just carried out, choose the next one.
 * Only for present-tense procedures; a past-tense narrative is ordered under Analyze instead.
 */
export function writeNextStep({ study, random }: TemplateContext): Candidate[] {
  const candidates: Candidate[] = [];
  for (const sequence of study.relations.sequences) {
    if (!sequence.isProcedure || sequence.kind !== "steps") continue;
    for (let k = 0; k + 1 < sequence.steps.length; k++) {
      const current = sequence.steps[k];
      const next = sequence.steps[k + 1];
      const where = sequence.heading ? ` in "${sequence.heading}"` : "";
      const question = `Following the procedure the text describes${where}, this has just happened: ${lowerFirst(current.label, study.lowerVocabulary)}. What happens next?`;
      const key = capitalise(next.label);
      const others = sequence.steps.filter((_, index) => index !== k && index !== k + 1).map((step) => capitalise(step.label));
      const ranked = [
        ...others,
        ...otherClauses(study, sequence.steps.map((step) => step.sentenceId), next.label, (clause) =>
          isSimilarLength(clause, next.label, 2),
        ).map((clause) => capitalise(clause.text)),
      ];
      const statements = cueStatements(study, sequence.steps.map((step) => step.sentenceId), key, question, (text) => fitsBeside(text, next.label));
      const pool = preferSharedWords([...ranked, ...statements], key, question);
      const steps = new Set(sequence.steps.map((step) => step.sentenceId));
      const distractors = withLengthPartner(chooseDistinct(pool, [key, capitalise(current.label)], 5, random), pool, key, study, (id) => !steps.has(id));
      if (distractors.length < 3) continue;
      const nextSentence = study.material.sentences[next.sentenceId];
      candidates.push({
        template: "next-step",
        level: "apply",
        question,
        key,
        distractors,
        explanation: `In the text this step follows directly: "${nextSentence.text}"`,
        sentenceIds: [next.sentenceId, current.sentenceId],
        // Its stem shows the current step as done: from the first step, that answers the first-step
        // question; from a later one, the question asked from the step before ("what happens next?" →
        // this step). No other question may ask what a stem shows.
        fact: `next-step:${next.sentenceId}`,
        shows: [k === 0 ? `first-step:${current.sentenceId}` : `next-step:${current.sentenceId}`],
        score: 2.8,
      });
    }
  }
  return candidates;
}

/**
 * Apply a rule to a case the text names as an instance of it: "A price ceiling …, such as rent control,
 * can cause a shortage if it is set below the equilibrium price" asks "Suppose that rent control is set
 * below the equilibrium price …". The learner must see rent control as a price ceiling and carry out
 * the ceiling's rule. Same sentence and fact as the plain rule-to-case question, so one is chosen.
 */
export function writeRuleToInstance({ study, random }: TemplateContext): Candidate[] {
  const candidates: Candidate[] = [];
  for (const rule of study.relations.rules) {
    if (rule.isPast || isPastClause(rule.condition) || isPastClause(rule.consequence)) continue;
    const sentence = study.material.sentences[rule.sentenceId];
    const subject = /^(?:the |an? )?([a-z][\w'’ -]*?) (?:is|are|can|may|will|has|have|\w+s)\b/i.exec(rule.consequence)?.[1];
    if (!subject || !rule.condition.toLowerCase().includes(subject.toLowerCase())) continue;
    const instance = instanceOf(study, subject, sentence.text);
    if (!instance) continue;
    const swap = (text: string) => text.replace(new RegExp(String.raw`^(?:the |an? )?${escapeRegExp(subject)}\b`, "i"), instance);
    const condition = swap(rule.condition);
    const consequence = swap(rule.consequence);
    if (condition === rule.condition || consequence === rule.consequence) continue;
    const key = capitalise(consequence);
    const question = `Suppose that ${condition}. Based on the text, what would you expect?`;
    const reversed = reverseDirection(consequence) ?? noChangeOpposite(consequence);
    const safe = safeWrongAnswer(study, sentence, rule.consequence);
    const ranked = otherClauses(study, [sentence.id], `${rule.condition} ${rule.consequence}`, (clause, source) =>
      isSimilarLength(clause, rule.consequence, 2) && !followsFromPremise(study, rule.condition, clause, source) && safe(clause, source),
    ).map((clause) => capitalise(clause.text));
    const distractors = reversed ? [capitalise(reversed)] : [];
    distractors.push(...chooseDistinct(preferSharedWords(ranked, key, question), [key, ...distractors], 5 - distractors.length, random));
    if (distractors.length < 3) continue;
    candidates.push({
      template: "rule-to-instance",
      level: "apply",
      question,
      key,
      distractors,
      explanation: `The text gives ${instance} as an example of ${lowerFirst(subject, study.lowerVocabulary)} and states the rule for it: "${sentence.text}"`,
      sentenceIds: [sentence.id],
      fact: `sentence:${sentence.id}`,
      score: 3.4,
    });
  }
  return candidates;
}

/**
 * Which clauses may stand as a wrong answer to a rule's case. None that states a change with no
 * direction ("a curve shifts", "the equilibrium changes"): nearly any particular change the text
 * describes brings one about, so it is defensible. For an undirected consequence as the key, none
 * that states any change ("unsold stock builds up", "the price of a good rises"): a particular case
 * of the undirected change might do that too; statements of how things are ("the supply curve slopes
 * upward") and the no-change opposite remain. And none that a sentence near the rule states as a
 * general rule the case may illustrate (`statedNearby`).
 */
function safeWrongAnswer(study: Study, sentence: Sentence, consequence: string): (text: string, source?: Sentence) => boolean {
  const undirected = isUndirectedChange(consequence);
  return (text, source) => !isUndirectedChange(text) && !(undirected && statesChange(text)) && !statedNearby(study, sentence, text, source?.id);
}

// "A price ceiling (a legal maximum price), such as rent control, …" or "price ceilings such as rent control".
function instanceOf(study: Study, category: string, text: string): string | undefined {
  const inline = new RegExp(String.raw`\b${escapeRegExp(category)}(?: \([^)]*\))?, such as ((?:an? )?[^,]+),`, "i").exec(text);
  if (inline && wordCount(inline[1]) <= 5) return inline[1];
  const list = study.relations.examples.find((example) => example.category.toLowerCase() === category.toLowerCase());
  return list?.members[0];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Start a present-tense procedure the text describes on a new run: "The process the text describes in
 * 'The Three Steps' starts over on a new occasion. Following the text, what happens first?" The wrong answers are its later steps (the
 * commonest slip) and actions the text states of other things. Together with `next-step`, which asks
 * for each later step, it carries the whole procedure out on a new run.
 */
export function writeFirstStep({ study, random }: TemplateContext): Candidate[] {
  const candidates: Candidate[] = [];
  for (const sequence of study.relations.sequences) {
    if (!sequence.isProcedure || sequence.kind !== "steps" || sequence.steps.length < 3) continue;
    const [first, ...later] = sequence.steps;
    const where = sequence.heading ? ` in "${sequence.heading}"` : "";
    const question = `The process the text describes${where} starts over on a new occasion. Following the text, what happens first?`;
    const key = capitalise(first.label);
    const stepIds = sequence.steps.map((step) => step.sentenceId);
    const others = later.map((step) => capitalise(step.label));
    const ranked = otherClauses(study, stepIds, first.label, (clause) => isSimilarLength(clause, first.label, 2) && !isPastClause(clause)).map((clause) =>
      capitalise(clause.text),
    );
    const pool = [...others, ...preferSharedWords(ranked, key, question)];
    const distractors = withLengthPartner(chooseDistinct(pool, [key], 3, random), pool, key, study, (id) => !stepIds.includes(id));
    if (distractors.length < 3) continue;
    candidates.push({
      template: "first-step",
      level: "apply",
      question,
      key,
      distractors,
      explanation: `In the text the procedure begins with this step: "${study.material.sentences[first.sentenceId].text}"`,
      sentenceIds: [first.sentenceId],
      // The next-step question from the first step ("this has just happened: <first step>") would
      // answer this one, so the two share a fact and only one is chosen.
      fact: `first-step:${first.sentenceId}`,
      score: 2.7,
    });
  }
  return candidates;
}

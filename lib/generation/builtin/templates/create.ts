import type { Sentence } from "@/lib/generation/text/analyse-material";
import { contentStems } from "@/lib/generation/text/words";
import type { Candidate } from "../candidate";
import { capitalise, lowerFirst, stripLeadIn, wordCount } from "../clauses";
import { isPastTense } from "../mine-relations";
import { chooseDistinct } from "../distractors";
import { shuffle } from "../random";
import { reverseDirection, type Study } from "../study-material";
import { investigationFact } from "./create-claims";
import { isPastClause, isSimilarLength, isUndirectedChange, otherClauses, preferSharedWords, relationSides, type TemplateContext } from "./shared";

/**
 * Plan how to bring about an outcome, working backwards from the text's rules and causes: the learner
 * must choose the intervention that produces the goal, not the reverse of it or an unrelated one.
 * Present-tense relations only: a plan for a past event makes no sense.
 */
export function writePlanForGoal({ study, random }: TemplateContext): Candidate[] {
  const candidates: Candidate[] = [];
  // Stated rules only: a "because" sentence explains why one thing happened ("temperature matters
  // because enzymes control the reactions"); turned into a plan it would run the explanation backwards.
  const relations = study.relations.rules
    .filter((rule) => !rule.isPast)
    .map((rule) => ({ means: rule.condition, goal: rule.consequence, sentenceId: rule.sentenceId }));
  for (const relation of relations) {
    if (isPastClause(relation.means) || isPastClause(relation.goal)) continue;
    // "the effect … may be uncertain" is what a rule allows, not an outcome anyone plans for.
    if (/\b(?:may|might|could|uncertain)\b/i.test(relation.goal)) continue;
    // "the equilibrium changes": any change to what sets it reaches an undirected goal ("supply
    // decreases" moves the equilibrium too), so no wrong plan would be safely wrong.
    if (/\b(?:changes?|varies|vary|differs?)\b/i.test(relation.goal) && !UP.test(relation.goal) && !DOWN.test(relation.goal)) continue;
    const sentence = study.material.sentences[relation.sentenceId];
    const goal = lowerFirst(relation.goal, study.lowerVocabulary);
    const means = lowerFirst(relation.means, study.lowerVocabulary);
    const question = `You want to bring about this outcome: ${goal}. Based on the text, which plan would achieve it?`;
    const key = `Make sure that ${means}`;
    const reversed = reverseDirection(relation.means);
    const ranked = otherClauses(study, [sentence.id], `${relation.goal} ${relation.means}`, (clause, source) =>
      isSimilarLength(clause, relation.means, 2) && !isPastClause(clause) && !MODAL.test(clause) && !reachesGoal(study, relation, clause, source),
    )
      .map((clause) => clause.text)
      // Conditions first: a plan sets a condition ("supply decreases"); an outcome of something else
      // ("some people switch to tea") read as a plan may be one more way to the goal that the text leaves unsaid.
      .sort((a, b) => Number(isCondition(study, b)) - Number(isCondition(study, a)))
      .map((clause) => `Make sure that ${lowerFirst(clause, study.lowerVocabulary)}`);
    const distractors = reversed ? [`Make sure that ${lowerFirst(reversed, study.lowerVocabulary)}`] : [];
    distractors.push(...chooseDistinct(preferSharedWords(ranked, key, question), [key, ...distractors], 5 - distractors.length, random));
    if (distractors.length < 3) continue;
    candidates.push({
      template: "plan-for-goal",
      level: "create",
      question,
      key,
      distractors,
      explanation: `The text states what produces this outcome: "${sentence.text}"`,
      sentenceIds: [sentence.id],
      fact: `sentence:${sentence.id}`,
      score: 2.5,
    });
  }
  return candidates.map((candidate) => ({ ...candidate, key: capitalise(candidate.key) }));
}

// "the effect … may be uncertain", "a price ceiling can cause a shortage": what may happen is nothing to make sure of.
const MODAL = /\b(?:may|might|could|can|uncertain)\b/i;

/**
 * Whether a clause offered as a wrong plan could be defended as reaching the goal: it restates the goal
 * (the same quantity changing the same way, or most of its words), or the text states it as following
 * from the key's means, as the goal does ("a higher price means that the same income buys less, so
 * consumers cut back" beside "when the price of a good rises, the quantity demanded falls"). Consumers
 * cutting back *is* the quantity demanded falling, so "Make sure that consumers cut back" is no wrong
 * plan for that goal. Nor is a clause that holds the key's means ("a higher price …").
 */
function reachesGoal(study: Study, relation: { means: string; goal: string }, clause: string, source: Sentence): boolean {
  // "a higher price makes production more profitable" beside the means "the price of a good rises"
  // holds the key inside it.
  if (restates(clause, relation.goal) || restates(clause, relation.means)) return true;
  // "Make sure that a curve shifts" for "the quantity demanded rises": an undirected change may be just
  // the change (a demand shift) that reaches the goal, so it is never safely a wrong plan.
  if (isUndirectedChange(clause)) return true;
  // "unsold stock builds up" is a step of a process whose later step is "as the price falls, quantity
  // demanded rises": by the text's own account it leads to the goal.
  const later = laterClauses(study).get(source.id) ?? [];
  if (later.some((text) => changesLike(text, relation.goal, true) || changesLike(text, relation.means, true))) return true;
  const lower = clause.toLowerCase();
  return (relationSides(study).get(lower) ?? []).some((pair) => pair.some((side) => side.toLowerCase() !== lower && restates(side, relation.means)));
}

/** Whether the text states the clause as the condition or cause of something. */
function isCondition(study: Study, clause: string): boolean {
  return (relationSides(study).get(clause.toLowerCase()) ?? []).some((pair) => pair[0].toLowerCase() === clause.toLowerCase());
}

const laterClauseIndexes = new WeakMap<Study, Map<number, string[]>>();

/** Per text, once: the clauses of the later steps of each step's procedure, by the step's sentence. */
function laterClauses(study: Study): Map<number, string[]> {
  const cached = laterClauseIndexes.get(study);
  if (cached) return cached;
  const index = new Map<number, string[]>();
  for (const sequence of study.relations.sequences) {
    if (!sequence.isProcedure) continue;
    sequence.steps.forEach((step, position) => {
      const later = sequence.steps.slice(position + 1).flatMap((next) => study.material.sentences[next.sentenceId].text.split(/, | and /));
      index.set(step.sentenceId, [...(index.get(step.sentenceId) ?? []), ...later]);
    });
  }
  laterClauseIndexes.set(study, index);
  return index;
}

const UP = /\b(?:rises?|rising|rose|goes up|higher|increases?|more|larger|above|grows?)\b/i;
const DOWN = /\b(?:falls?|falling|fell|goes down|lower|decreases?|less|smaller|below|shrinks?)\b/i;

// "a higher price …" restates "the price of a good rises"; so does a clause with most of its words.
function restates(clause: string, statement: string): boolean {
  const stems = contentStems(clause);
  const own = new Set(contentStems(statement));
  // Most words in common, not merely the topic ("the server …", "… connection").
  const union = new Set([...stems, ...own]);
  if (stems.filter((stem, index) => own.has(stem) && stems.indexOf(stem) === index).length / Math.max(union.size, 1) >= 0.5) return true;
  return changesLike(clause, statement);
}

// The statement's quantity changing the same way: "a higher price" beside "the price of a good rises";
// with `whole`, a clause that names all of the quantity ("quantity demanded rises", not "quantity supplied falls").
function changesLike(clause: string, statement: string, whole = false): boolean {
  const stems = contentStems(clause);
  const direction = UP.test(statement) ? UP : DOWN.test(statement) ? DOWN : undefined;
  if (!direction || !direction.test(clause)) return false;
  const quantity = [...new Set(contentStems(statement.split(UP)[0].split(DOWN)[0]))];
  return whole ? quantity.length > 0 && quantity.every((stem) => stems.includes(stem)) : quantity.some((stem) => stems.includes(stem));
}

// A quantity that the text says goes up or down: "the price of a good rises", "transpiration falls".
const CHANGE = /^((?:the |an? )?[a-z][\w'’ -]*?) (?:rises|falls|increases|decreases|goes up|goes down|grows|drops|shrinks|speeds up|slows down|rise|fall|increase|decrease)\b/i;

/**
 * Design an investigation of a rule the text states ("when the price of a good rises, the quantity
 * demanded falls"): vary the condition, hold the rest, measure the outcome. The wrong designs vary the
 * outcome instead, change two things at once, or change nothing; producing a plan is Create.
 */
export function writeDesignInvestigation({ study, random }: TemplateContext): Candidate[] {
  const candidates: Candidate[] = [];
  for (const rule of study.relations.rules) {
    if (rule.isPast || isPastClause(rule.condition) || isPastClause(rule.consequence)) continue;
    const cause = CHANGE.exec(rule.condition)?.[1];
    const outcome = CHANGE.exec(rule.consequence)?.[1];
    if (!cause || !outcome || cause.toLowerCase() === outcome.toLowerCase()) continue;
    if (/\b(?:both|and|while)\b/i.test(`${cause} ${outcome}`)) continue;
    const other = study.relations.rules
      .map((candidate) => CHANGE.exec(candidate.condition)?.[1] ?? CHANGE.exec(candidate.consequence)?.[1])
      .find((variable) => variable && !contentStems(variable).some((stem) => contentStems(`${cause} ${outcome}`).includes(stem)));
    const sentence = study.material.sentences[rule.sentenceId];
    const x = lowerFirst(cause, study.lowerVocabulary);
    const y = lowerFirst(outcome, study.lowerVocabulary);
    const key = `Change ${x}, keep everything else the same, and measure ${y}`;
    const distractors = [
      `Change ${y}, keep everything else the same, and measure ${x}`,
      `Keep ${x} the same, change everything else, and measure ${y}`,
      ...(other ? [`Change ${x} and ${lowerFirst(other, study.lowerVocabulary)} together, and measure ${y}`] : []),
      `Measure ${y} once, without changing ${x}`,
    ];
    candidates.push({
      template: "design-investigation",
      level: "create",
      // The stem names the two quantities but not the direction of the rule, so it gives away no
      // answer of the rule-to-case question on the same sentence (see docs/bloom-levels.md).
      question: `The text states a rule about how ${x} affects ${y}. Which investigation would test that rule fairly?`,
      key,
      distractors: shuffle(distractors, random),
      explanation: `A fair test changes only the condition the rule names (${x}) and measures the outcome it predicts (${y}). The rule comes from the text: "${sentence.text}"`,
      sentenceIds: [sentence.id],
      // The same link stated as a claim elsewhere ("a higher price leads to …") is the same test.
      fact: investigationFact(x, y),
      score: 2.4,
    });
  }
  return candidates;
}

/**
 * Plan for a goal the text states as a purpose: "TCP hides these problems from applications …, so that
 * a program can simply write bytes into a socket …", "Farmers plant hedges to prevent erosion". The
 * learner works back from the goal to the means the text gives for it; the wrong plans are means the
 * text gives for other things. Present tense only; a goal that points outside its sentence ("to provide
 * this guarantee") is not used.
 */
export function writePlanForPurpose({ study, random }: TemplateContext): Candidate[] {
  const candidates: Candidate[] = [];
  for (const sentence of study.material.sentences) {
    if (sentence.isRepeat || sentence.isListItem || isPastTense(sentence)) continue;
    const text = stripLeadIn(sentence.text.replace(/[.!]$/, ""));
    const purpose = purposeOf(text);
    if (!purpose || isPastClause(purpose.means) || isPastClause(purpose.goal)) continue;
    const { means, goal } = purpose;
    if (REFERS_OUT.test(goal) || wordCount(goal) < 3 || wordCount(goal) > 18) continue;
    // The means must read alone too ("TCP hides these problems …" points back to a sentence before).
    if (REFERS_OUT.test(means) || wordCount(means) < 3 || wordCount(means) > 22) continue;
    const question = purpose.kind === "so that"
      ? `You want to make sure that ${lowerFirst(goal, study.lowerVocabulary)}. Based on the text, which plan would achieve it?`
      : `You want to ${goal}. Based on the text, which plan would achieve it?`;
    const plan = (clause: string) => `Make sure that ${lowerFirst(clause, study.lowerVocabulary)}`;
    const key = plan(means);
    const ranked = otherClauses(study, [sentence.id], `${means} ${goal}`, (clause, source) =>
      isSimilarLength(clause, means, 2) && !isPastClause(clause) && !isPastTense(source) && !REFERS_OUT.test(clause) && !reachesGoal(study, { means, goal }, clause, source),
    ).map((clause) => plan(clause.text));
    const distractors = chooseDistinct(preferSharedWords(ranked, key, question), [key], 3, random);
    if (distractors.length < 3) continue;
    candidates.push({
      template: "plan-for-purpose",
      level: "create",
      question,
      key,
      distractors,
      explanation: `The text gives this means for that goal: "${sentence.text}"`,
      sentenceIds: [sentence.id],
      fact: `sentence:${sentence.id}`,
      score: 2.4,
    });
  }
  return candidates;
}

const REFERS_OUT = /\b(?:this|these|those|it|its|they|them|their)\b/i;

// "MEANS, so that GOAL", "To GOAL, MEANS", "MEANS in order to GOAL", "MEANS to prevent X".
function purposeOf(text: string): { means: string; goal: string; kind: "so that" | "to" } | undefined {
  const soThat = /^(.{12,}?),? so that (.{8,})$/.exec(text);
  if (soThat) return { means: soThat[1], goal: soThat[2], kind: "so that" };
  const leading = /^To ([^,]{8,}), (.{12,})$/.exec(text);
  if (leading) return { means: leading[2], goal: leading[1], kind: "to" };
  const inOrder = /^(.{12,}?) (?:in order to|to prevent) (.{6,})$/.exec(text);
  if (inOrder) return { means: inOrder[1], goal: /to prevent/.test(text) ? `prevent ${inOrder[2]}` : inOrder[2], kind: "to" };
  return undefined;
}

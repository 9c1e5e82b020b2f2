import type { Candidate } from "../candidate";
import { capitalise, lowerFirst } from "../clauses";
import { chooseDistinct } from "../distractors";
import { reverseDirection } from "../study-material";
import { isSimilarLength, otherClauses, type TemplateContext } from "./shared";

const PAST = /\b(?:was|were|had|did)\b/;

/**
 * Plan how to bring about an outcome, working backwards from the text's rules and causes: the learner
 * must choose the intervention that produces the goal, not the reverse of it or an unrelated one.
 * Present-tense relations only: a plan for a past event makes no sense.
 */
export function writePlanForGoal({ study, random }: TemplateContext): Candidate[] {
  const candidates: Candidate[] = [];
  const relations = [
    ...study.relations.rules.map((rule) => ({ means: rule.condition, goal: rule.consequence, sentenceId: rule.sentenceId })),
    ...study.relations.causes
      .filter((cause) => cause.cue !== "caused")
      .map((cause) => ({ means: cause.cause, goal: cause.effect, sentenceId: cause.causeSentenceId })),
  ];
  for (const relation of relations) {
    if (PAST.test(relation.means) || PAST.test(relation.goal)) continue;
    const sentence = study.material.sentences[relation.sentenceId];
    const goal = lowerFirst(relation.goal, study.lowerVocabulary);
    const means = lowerFirst(relation.means, study.lowerVocabulary);
    const question = `You want to bring about this outcome: ${goal}. Based on the text, which plan would achieve it?`;
    const key = `Make sure that ${means}`;
    const reversed = reverseDirection(relation.means);
    const ranked = otherClauses(study, [sentence.id], `${relation.goal} ${relation.means}`, (clause) =>
      isSimilarLength(clause, relation.means, 2) && !PAST.test(clause),
    ).map((clause) => `Make sure that ${lowerFirst(clause.text, study.lowerVocabulary)}`);
    const distractors = reversed ? [`Make sure that ${lowerFirst(reversed, study.lowerVocabulary)}`] : [];
    distractors.push(...chooseDistinct(ranked, [key, ...distractors], 5 - distractors.length, random));
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

import type { Candidate } from "../candidate";
import { numberWord, pick } from "./quantities";
import { ownRandom, type TemplateContext } from "./shared";

// "each Estate cast one vote", "each state casts one vote", "every member has one vote".
const ONE_VOTE_EACH = /\b(?:each|every) ([A-Za-z]+) (?:casts?|cast|has|had|gets?|got|holds?|held) (?:one|a single) vote\b/;

/**
 * Carry out a voting rule the text states ("each Estate cast one vote, which meant the clergy and
 * nobles could always outvote the Third Estate by two to one") on a new vote: the members the text
 * names ("First Estate", "Second Estate", "Third Estate": the group's word as their head) split on a
 * new proposal in a way the text does not describe, and the learner counts one vote per member.
 * Wrong answers are the other outcomes of the same vote (it fails by the same count, a tie, every vote
 * for it), so exactly one is right; the commonest slip is the text's own case read as a law ("the
 * clergy and nobles always win"), which the split chosen here contradicts.
 */
export function writeVoteOutcome(context: TemplateContext): Candidate[] {
  const { study } = context;
  const candidates: Candidate[] = [];
  const firstMention = (name: string) => study.material.sentences.findIndex((sentence) => sentence.text.includes(name));
  for (const sentence of study.material.sentences) {
    if (sentence.isRepeat) continue;
    const rule = ONE_VOTE_EACH.exec(sentence.text);
    if (!rule) continue;
    const group = rule[1];
    const head = group.toLowerCase().replace(/s$/, "");
    // The members: names whose head is the group's word, each a word before it ("Third Estate"); not
    // a description of some of them ("the younger guilds").
    const members = [
      ...new Set(
        study.terms
          .filter((term) => term.isProper && term.head.toLowerCase() === head && term.text.split(/\s+/).length === 2)
          .map((term) => term.text)
          .filter((text) => text.split(/\s+/)[1].toLowerCase().replace(/s$/, "") === head),
      ),
    ].sort((a, b) => firstMention(a) - firstMention(b));
    // An odd number of voters, so no vote ties, and few enough to name in a stem.
    if (members.length < 3 || members.length > 5 || members.length % 2 === 0) continue;
    // The side that loses differs from every member the rule sentence names: the text's own case
    // ("outvote the Third Estate") is not the new one.
    const named = members.filter((member) => sentence.text.includes(member));
    const loners = members.filter((member) => !named.includes(member));
    if (loners.length === 0) continue;
    const random = ownRandom(context, `vote-outcome:${sentence.text}`);
    const against = pick(loners, random);
    const support = members.filter((member) => member !== against);
    const forVotes = support.length;
    const againstVotes = members.length - forVotes;
    const list = (names: string[]) => (names.length === 1 ? `the ${names[0]}` : `${names.slice(0, -1).map((name) => `the ${name}`).join(", ")} and the ${names[names.length - 1]}`);
    const votes = (count: number) => `${numberWord(count)} vote${count === 1 ? "" : "s"}`;
    const question = `Suppose that, with each ${group} casting one vote as the text describes, ${list(support)} vote for a new proposal and ${list([against])} votes against it. Following the text, what is the result?`;
    const key = `The proposal passes, ${votes(forVotes)} to ${numberWord(againstVotes)}`;
    const distractors = [
      `The proposal fails, ${votes(forVotes)} to ${numberWord(againstVotes)}`,
      `The vote is tied, so the proposal fails`,
      `The proposal passes, ${votes(members.length)} to ${numberWord(0)}`,
    ];
    candidates.push({
      template: "vote-outcome",
      level: "apply",
      question,
      key,
      distractors,
      explanation: `The text says each ${group} cast one vote: "${sentence.text}" Here ${list(support)} give the proposal ${votes(forVotes)} and ${list([against])} ${votes(againstVotes)} against, so it passes.`,
      sentenceIds: [sentence.id],
      fact: `vote-outcome:${sentence.id}`,
      score: 3.0,
    });
  }
  return candidates;
}

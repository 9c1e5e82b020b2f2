import { describe, expect, it } from "vitest";
import { lintMcq } from "@/lib/generation/lint";
import { writeVoteOutcome } from "./apply-votes";
import { candidateAsMcq, sentenceOf, templateContext } from "./golden-helpers";

// Hand-written passages (not the shared samples): a voting rule with named members, carried out on a
// new vote.
const LEAGUE = `The Valley League

## Members

The league had three members: the North Guild, the River Guild and the Hill Guild. The North Guild was the oldest, and the Hill Guild was the richest.

## Voting

At the yearly meeting, each Guild cast one vote, which meant the two younger guilds could always outvote the North Guild by two to one.`;

const EVEN = `The Two Towns

The East Guild and the West Guild met every spring. Each Guild cast one vote, so the two could block each other.`;

function candidates(text: string, seed = 1) {
  const context = templateContext(text, seed);
  return { study: context.study, list: writeVoteOutcome(context) };
}

describe("golden (vote-outcome): a voting rule carried out on a new vote", () => {
  for (const seed of [1, 2, 3]) {
    it(`counts one vote per member on a split the text does not describe (seed ${seed})`, () => {
      const { study, list } = candidates(LEAGUE, seed);
      expect(list).toHaveLength(1);
      const [candidate] = list;
      expect(candidate.level).toBe("apply");
      // The text's own case is the North Guild outvoted; the new vote has another guild alone.
      expect(candidate.question).not.toMatch(/the North Guild votes against/);
      expect(candidate.question).toMatch(/the (?:River|Hill) Guild votes against it/);
      expect(candidate.key).toBe("The proposal passes, two votes to one");
      // Exactly one outcome is right: the others are the same vote read wrongly.
      expect(candidate.distractors).toEqual([
        "The proposal fails, two votes to one",
        "The vote is tied, so the proposal fails",
        "The proposal passes, three votes to zero",
      ]);
      expect(sentenceOf(study, candidate)).toMatch(/each Guild cast one vote/);
      expect(lintMcq(candidateAsMcq(study, candidate), LEAGUE)).toEqual([]);
    });
  }

  it("writes nothing for an even number of members (a vote could tie) or without a one-vote rule", () => {
    expect(candidates(EVEN).list).toEqual([]);
    expect(candidates(LEAGUE.replace("each Guild cast one vote", "the guilds argued")).list).toEqual([]);
  });
});

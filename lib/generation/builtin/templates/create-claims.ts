import { contentStems } from "@/lib/generation/text/words";
import type { Candidate } from "../candidate";
import { capitalise, lowerFirst } from "../clauses";
import { OPPOSITE_ACTIONS, type CausalClaim } from "../mine-relations";
import { quoteSource, sentencesById, type TemplateContext } from "./shared";

/**
 * Plan a test of a causal claim the text makes ("poor harvests in 1788 caused the price of bread to
 * rise sharply", "increasing the light speeds up the process"): compare the outcome where the cause is
 * present with where it is absent, all else alike. Wrong plans look only at cases with the cause,
 * compare cases that differ in other ways too, change two things at once, or vary the outcome
 * instead. A past claim is tested with records, not an experiment. Producing a plan is Create.
 */
export function writeTestCausalClaim({ study }: TemplateContext): Candidate[] {
  const candidates: Candidate[] = [];
  for (const mined of study.relations.claims) {
    const claim = { ...mined, cause: lowerFirst(mined.cause, study.lowerVocabulary), outcome: lowerFirst(mined.outcome, study.lowerVocabulary) };
    const plans = claim.isPast ? recordPlans(claim) : claim.causeIsAmount ? changePlans(claim) : casePlans(claim);
    if (!plans) continue;
    const other = otherFactor(study.relations.claims, claim);
    const otherNamed = other && lowerFirst(other, study.lowerVocabulary);
    // Best first, and no draw from the shared random stream: the other levels' ranking stays as it was.
    const distractors = [...(otherNamed ? [plans.confounded(otherNamed)] : []), ...plans.wrong];
    const sentence = study.material.sentences[claim.sentenceId];
    // An "As a result, …" claim is read with the sentence before it, which states the change it follows.
    const quoted = sentencesById(study, claim.causeSentenceId === undefined ? [claim.sentenceId] : [claim.causeSentenceId, claim.sentenceId]);
    const question = claim.isPast
      ? `The text links ${claim.cause} to ${claim.outcome}. Which comparison of records would test that link fairly?`
      : `The text links ${claim.cause} to ${claim.outcome}. Which investigation would test that link fairly?`;
    candidates.push({
      template: "test-causal-claim",
      level: "create",
      // The stem names the two things, not the direction of the claim; the plans differ in method only.
      question,
      key: plans.key,
      distractors,
      explanation: `${plans.why} The claim comes from the text: "${quoteSource(quoted)}"`,
      sentenceIds: claim.causeSentenceId === undefined ? [sentence.id] : [sentence.id, claim.causeSentenceId],
      fact: investigationFact(claim.cause, claim.outcome),
      score: 2.4,
    });
  }
  return candidates;
}

/** What a fair test of the link between two things tests, whichever sentence states the link. */
export function investigationFact(cause: string, outcome: string): string {
  const stems = (text: string) => [...new Set(contentStems(text))].sort().join(" ");
  return `investigate:${stems(cause)}|${stems(outcome)}`;
}

interface Plans {
  key: string;
  /** Why the key is the fair plan, in the words of its own kind of comparison. */
  why: string;
  wrong: string[];
  confounded: (other: string) => string;
}

// A past claim: compare records of years with and without the cause.
function recordPlans({ cause: x, outcome: y, causeIsAmount }: CausalClaim): Plans | undefined {
  if (causeIsAmount) return undefined;
  return {
    key: `Compare ${y} in years with and without ${x}, alike in other ways`,
    why: `Only years with and without ${x}, alike in other ways, show the effect of ${x} on ${y}; looking only at years with the cause, at a single year, or at years that also differ in other ways cannot.`,
    wrong: [
      `Gather years with ${x}, record ${y} in each, and compare them with each other`,
      `Compare ${y} in years with and without ${x}, whatever else differed between them`,
      `Record ${y} once, for a single year with ${x}`,
    ],
    confounded: (other) => `Compare ${y} in years with both ${x} and ${other} against years with neither`,
  };
}

// A present claim about something that is there or not ("a SYN flood", "choosing the ISN unpredictably").
function casePlans({ cause: x, outcome: y }: CausalClaim): Plans {
  return {
    key: `Compare cases with and without ${x}, keep everything else the same, and measure ${y}`,
    why: `Only cases with and without ${x}, alike in everything else, show the effect of ${x} on ${y}; looking only at cases with the cause, at a single case, or at cases that also differ in other ways cannot.`,
    wrong: [
      `Gather cases with ${x}, measure ${y} in each, and compare them with each other`,
      `Compare cases with and without ${x}, whatever else differs between them, and measure ${y}`,
      `Measure ${y} once, in a single case with ${x}`,
    ],
    confounded: (other) => `Compare cases with both ${x} and ${other} against cases with neither, and measure ${y}`,
  };
}

// A present claim about an amount ("a higher price", "increasing the light"): vary it directly.
function changePlans({ cause: x, outcome: y }: CausalClaim): Plans {
  return {
    key: `Change ${x}, keep everything else the same, and measure ${y}`,
    why: `A fair test changes only ${x}, keeps everything else the same, and measures ${y}.`,
    wrong: [
      // "how full the queue is" cannot be set directly, so the reversed design needs a quantity.
      ...(/^how /.test(y) ? [] : [`Change ${y}, keep everything else the same, and measure ${x}`]),
      `Keep ${x} the same, change everything else, and measure ${y}`,
      `Measure ${y} once, without changing ${x}`,
    ],
    confounded: (other) => `Change ${x} and ${other} together, and measure ${y}`,
  };
}

// Another cause the text names, sharing no word with this claim, to be changed alongside it.
function otherFactor(claims: CausalClaim[], claim: CausalClaim): string | undefined {
  const own = new Set(contentStems(`${claim.cause} ${claim.outcome}`));
  return claims.find(
    (other) =>
      other !== claim &&
      other.causeIsAmount === claim.causeIsAmount &&
      !/^[a-z]+ing\b/i.test(other.cause) &&
      !contentStems(other.cause).some((stem) => own.has(stem)),
  )?.cause;
}

/**
 * Plan for a goal from the actions the text says bring it about ("some burn paraffin heaters, which
 * both warm the air and release extra carbon dioxide, … As a result, crops … can grow faster"). The key
 * takes every action the text gives; each wrong plan takes the opposite of at least one of them, so
 * by the text's own account it works against the goal.
 */
export function writePlanFromMeans({ study }: TemplateContext): Candidate[] {
  const candidates: Candidate[] = [];
  for (const relation of study.relations.meansToGoals) {
    const plan = (actions: string[]) => capitalise(`${actions.slice(0, -1).join(", ")} and ${actions[actions.length - 1]}`);
    const key = plan(relation.means);
    // With three actions, one reversed would leave a near copy of the key; two or more differ enough.
    const least = relation.means.length >= 3 ? 2 : 1;
    const wrong: string[] = [];
    for (let mask = 1; mask < 1 << relation.means.length; mask++) {
      const reversed = relation.means.map((action, index) => (mask & (1 << index) ? oppositeAction(action) : action));
      if (reversed.filter((action, index) => action !== relation.means[index]).length >= least) wrong.push(plan(reversed));
    }
    if (wrong.length < 3) continue;
    const sentences = sentencesById(study, [relation.sentenceId, relation.goalSentenceId]);
    candidates.push({
      template: "plan-from-means",
      level: "create",
      question: `You want ${relation.goal}. Based on the text, which plan would achieve it?`,
      key,
      distractors: wrong,
      explanation: `The text names these actions and says what they bring about: "${quoteSource(sentences)}" Every other plan does the opposite of at least one of them.`,
      sentenceIds: [relation.sentenceId, relation.goalSentenceId],
      fact: `means:${relation.sentenceId}`,
      score: 2.5,
    });
  }
  return candidates;
}

// "release extra carbon dioxide" → "remove carbon dioxide": "extra" belongs to adding, not removing.
function oppositeAction(action: string): string {
  const [verb, ...rest] = action.split(" ");
  const opposite = OPPOSITE_ACTIONS[verb.toLowerCase()];
  let object = rest.join(" ").replace(/^(?:extra|more|additional|further) /, "");
  // "add moisture to the air" → "remove moisture from the air", and back.
  if (opposite === "remove") object = object.replace(/ to /, " from ");
  if (opposite === "add") object = object.replace(/ from /, " to ");
  return `${opposite} ${object}`;
}

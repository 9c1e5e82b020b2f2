import { contentStems } from "@/lib/generation/text/words";
import type { Candidate } from "../candidate";
import { capitalise, lowerFirst } from "../clauses";
import { OPPOSITE_ACTIONS, type CausalClaim } from "../mine-relations";
import { formatNumber, statedThreshold } from "./quantities";
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
  study.relations.claims.forEach((mined, index) => {
    const claim = { ...mined, cause: lowerFirst(mined.cause, study.lowerVocabulary), outcome: lowerFirst(mined.outcome, study.lowerVocabulary) };
    const other = otherFactor(study.relations.claims, claim);
    const plans = claim.isPast
      ? recordPlans(claim, other && lowerFirst(other, study.lowerVocabulary))
      : claim.causeIsAmount
        ? changePlans(claim, other && lowerFirst(other, study.lowerVocabulary))
        : casePlans(claim, other && lowerFirst(other, study.lowerVocabulary));
    if (!plans) return;
    // Best first, and no draw from the shared random stream: the other levels' ranking stays as it was.
    const distractors = rotateKinds(plans.wrong, index);
    const sentence = study.material.sentences[claim.sentenceId];
    // An "As a result, …" claim is read with the sentence before it, which states the change it follows.
    const quoted = sentencesById(study, claim.causeSentenceId === undefined ? [claim.sentenceId] : [claim.causeSentenceId, claim.sentenceId]);
    const question = claim.isPast
      ? `The text links ${claim.cause} to ${claim.outcome}. Which comparison of records would test that link fairly?`
      : `The text links ${claim.cause} to ${claim.outcome}. Which investigation would test that link fairly?`;
    candidates.push({
      template: "test-causal-claim",
      level: "create",
      // The stem names the two things, not the direction of the claim.
      question,
      key: plans.key,
      distractors,
      explanation: `${plans.why} The claim comes from the text: "${quoteSource(quoted)}"`,
      sentenceIds: claim.causeSentenceId === undefined ? [sentence.id] : [sentence.id, claim.causeSentenceId],
      fact: investigationFact(claim.cause, claim.outcome),
      score: 2.4,
    });
  });
  return candidates;
}

/** What a fair test of the link between two things tests, whichever sentence states the link. */
export function investigationFact(cause: string, outcome: string): string {
  const stems = (text: string) => [...new Set(contentStems(text))].sort().join(" ");
  return `investigate:${stems(cause)}|${stems(outcome)}`;
}

/**
 * The ways a plan can fail to test a claim. Most are wrong by what they compare, not by their wording
 * about fairness, which they share with the key: only cases with the cause (`oneSided`), cases that
 * differ in another cause from the text too (`confounded`), cases picked by the outcome (`byOutcome`),
 * a fair test of another cause from the text (`otherCause`), the outcome varied instead (`reversed`).
 * `unfair` differs from the key only in its fairness wording and `single` compares nothing; they are
 * used last.
 */
type WrongKind = "confounded" | "byOutcome" | "oneSided" | "otherCause" | "reversed" | "single" | "unfair";

interface Plans {
  key: string;
  /** Why the key is the fair plan, in the words of its own kind of comparison. */
  why: string;
  wrong: Partial<Record<WrongKind, string>>;
}

// Questions of this template in one quiz should not read as one item repeated: the n-th claim of the
// text leads with its own trio of wrong kinds, so two claims share at most one or two kinds.
const KIND_TRIOS: WrongKind[][] = [
  ["confounded", "byOutcome", "oneSided"],
  ["byOutcome", "otherCause", "single"],
  ["oneSided", "otherCause", "confounded"],
  ["reversed", "confounded", "oneSided"],
];
const KIND_ORDER: WrongKind[] = ["reversed", "confounded", "byOutcome", "oneSided", "otherCause", "single", "unfair"];

function rotateKinds(wrong: Plans["wrong"], index: number): string[] {
  // An amount claim leads with the reversed design, the error its kind invites.
  const trio = wrong.reversed && index % KIND_TRIOS.length !== 1 ? KIND_TRIOS[3] : KIND_TRIOS[index % 3];
  const order = [...trio, ...KIND_ORDER.filter((kind) => !trio.includes(kind))];
  return order.map((kind) => wrong[kind]).filter((text): text is string => text !== undefined);
}

// "the price of bread was at its highest", "hunger and anger were at their highest".
function atHighest(outcome: string, tense: "was" | "is"): string | undefined {
  if (/^how\b/.test(outcome)) return undefined;
  const plural = /\band\b/.test(outcome) || /^(?:the )?[a-z]+s$/.test(outcome);
  const verb = tense === "was" ? (plural ? "were" : "was") : plural ? "are" : "is";
  return `${outcome} ${verb} at ${plural ? "their" : "its"} highest`;
}

// A past claim: compare records of years with and without the cause.
function recordPlans({ cause: x, outcome: y, causeIsAmount }: CausalClaim, other?: string): Plans | undefined {
  if (causeIsAmount) return undefined;
  const highest = atHighest(y, "was");
  return {
    key: `Compare ${y} in years with and without ${x}, alike in other ways`,
    why: `Only years with and without ${x}, alike in other ways, show the effect of ${x} on ${y}; years that all had ${x}, years picked for their ${y}, years that also differ in another cause, or a single year cannot.`,
    wrong: {
      oneSided: `Compare ${y} from one year with ${x} to another, alike in other ways`,
      ...(other ? { confounded: `Compare ${y} in years with both ${x} and ${other} against years with neither, alike in other ways` } : {}),
      ...(highest ? { byOutcome: `Pick the years when ${highest}, and check whether each had ${x}` } : {}),
      ...(other ? { otherCause: `Compare ${y} in years with and without ${other}, alike in other ways` } : {}),
      single: `Record ${y} once, for a single year with ${x}`,
      unfair: `Compare ${y} in years with and without ${x}, whatever else differed between them`,
    },
  };
}

// A present claim about something that is there or not ("a SYN flood", "choosing the ISN unpredictably").
function casePlans({ cause: x, outcome: y }: CausalClaim, other?: string): Plans {
  const highest = atHighest(y, "is");
  return {
    key: `Compare cases with and without ${x}, keep everything else the same, and measure ${y}`,
    why: `Only cases with and without ${x}, alike in everything else, show the effect of ${x} on ${y}; cases that all have ${x}, cases picked for their ${y}, cases that also differ in another cause, or a single case cannot.`,
    wrong: {
      // Worded apart from the key, so the linter does not read the two as near-copies.
      oneSided: `Measure ${y} in several cases with ${x}, keep everything else the same, and compare the results`,
      ...(other ? { confounded: `Compare cases with both ${x} and ${other} against cases with neither, keep everything else the same, and measure ${y}` } : {}),
      ...(highest ? { byOutcome: `Pick the cases where ${highest}, and check whether each has ${x}` } : {}),
      ...(other ? { otherCause: `Compare cases with and without ${other}, keep everything else the same, and measure ${y}` } : {}),
      single: `Measure ${y} once, in a single case with ${x}`,
      unfair: `Compare cases with and without ${x}, whatever else differs between them, and measure ${y}`,
    },
  };
}

// A present claim about an amount ("a higher price", "increasing the light"): vary it directly.
function changePlans({ cause: x, outcome: y }: CausalClaim, other?: string): Plans {
  return {
    key: `Change ${x}, keep everything else the same, and measure ${y}`,
    why: `A fair test changes only ${x}, keeps everything else the same, and measures ${y}.`,
    wrong: {
      // "how full the queue is" cannot be set directly, so the reversed design needs a quantity.
      ...(/^how /.test(y) ? {} : { reversed: `Change ${y}, keep everything else the same, and measure ${x}` }),
      ...(other ? { confounded: `Change ${x} and ${other} together, keep everything else the same, and measure ${y}` } : {}),
      oneSided: `Keep ${x} the same, change everything else, and measure ${y}`,
      ...(other ? { otherCause: `Change ${other}, keep everything else the same, and measure ${y}` } : {}),
      single: `Measure ${y} once, without changing ${x}`,
    },
  };
}

// Another cause the text names, sharing no word with this claim, to be changed alongside it or tested
// instead. Not one the text puts upstream of this claim ("poor harvests" caused the rise in the price of
// bread that led to hunger): comparing years with and without it would test this claim indirectly.
function otherFactor(claims: CausalClaim[], claim: CausalClaim): string | undefined {
  const own = new Set(contentStems(`${claim.cause} ${claim.outcome}`));
  const cause = new Set(contentStems(claim.cause));
  return claims.find(
    (other) =>
      other !== claim &&
      other.causeIsAmount === claim.causeIsAmount &&
      // "Change the price and choosing … together" does not read; "cases with and without choosing …" does.
      (!claim.causeIsAmount || !/^[a-z]+ing\b/i.test(other.cause)) &&
      !contentStems(other.cause).some((stem) => own.has(stem)) &&
      !contentStems(other.outcome).some((stem) => cause.has(stem)),
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

// Thresholds on a scale whose quantity the unit names: "up to roughly 25–35 °C" is a temperature.
const UNIT_QUANTITY: Record<string, string> = { "°C": "temperature", "°F": "temperature" };

/**
 * Plan a test of a stated threshold ("For many plants, the rate increases up to roughly 25–35 °C; above
 * that, …, the rate falls sharply"): the learner must see that only a range reaching below and above
 * the stated values tests both parts of the statement. Every range is offered with the same fair-test
 * wording, so the wrong plans are wrong by their values (all below, all above) or by what else they
 * change with the temperature (a different plant at each, another factor the text names), never by the
 * wording alone. It tests the same sentence as `threshold-case` (apply), so only one of the two is asked.
 */
export function writeTestThreshold({ study }: TemplateContext): Candidate[] {
  const candidates: Candidate[] = [];
  for (const sentence of study.material.sentences) {
    if (sentence.isRepeat) continue;
    const match = statedThreshold(sentence.text);
    if (!match) continue;
    const [, scope, subject, , low, high, unit = ""] = match;
    const factor = UNIT_QUANTITY[unit];
    const named = subject === "it" ? undefined : namedInFull(study, sentence.id, subject);
    if (!factor || !named) continue;
    const lo = Number(low);
    const hi = Number(high ?? low);
    const step = Math.max(5, 5 * Math.round((0.3 * hi) / 5));
    // The text's own bounds are in the key, so the cited sentence grounds it.
    const spanning = lo === hi ? [lo - step, lo, lo + step] : [lo - step, lo, hi, hi + step];
    const below = [...new Set([1, 2, 3, 4].map((i) => 5 * Math.floor((lo * i) / 25)))].filter((value) => value > 0 && value < lo);
    const halfStep = Math.max(5, 5 * Math.round(step / 10));
    const above = [1, 2, 3, 4].map((i) => hi + i * halfStep);
    if (spanning[0] <= 0 || below.length < 3) continue;
    const values = (list: number[]) => `${list.slice(0, -1).map(formatNumber).join(", ")} and ${formatNumber(list[list.length - 1])} ${unit}`;
    const range = (list: number[]) => `Change the ${factor} through ${values(list)}, keep everything else the same, and measure ${named} at each`;
    const unitOfStudy = scope?.replace(/^(?:many|most|some|all|these) /i, "").replace(/s$/, "");
    const other = study.relations.claims.find((claim) => claim.causeIsAmount && !claim.isPast && !contentStems(claim.cause).includes(contentStems(factor)[0]))?.cause;
    const middle = Math.round((lo + hi) / 2);
    const distractors = [
      range(below),
      range(above),
      ...(unitOfStudy && /^[a-z]+$/.test(unitOfStudy) ? [`Change the ${factor} through ${values(spanning)}, using a different ${unitOfStudy} at each ${factor}, and measure ${named}`] : []),
      ...(other ? [`Change the ${factor} through ${values(spanning)}, raise ${lowerFirst(other, study.lowerVocabulary)} at each step, and measure ${named}`] : []),
      `Measure ${named} once, at ${formatNumber(middle)} ${unit}`,
    ];
    candidates.push({
      template: "test-threshold",
      level: "create",
      question: `The text describes how ${named} changes with ${factor}${scope ? ` for ${scope}` : ""}. Which investigation would test the whole of that description fairly?`,
      key: range(spanning),
      distractors,
      explanation: `The text states what happens up to ${lo === hi ? formatNumber(lo) : `${formatNumber(lo)}–${formatNumber(hi)}`} ${unit} and what happens above it, so only ${factor}s on both sides, with everything else kept the same, test the whole statement: "${sentence.text}"`,
      sentenceIds: [sentence.id],
      fact: `threshold-test:${sentence.id}`,
      score: 2.5,
    });
  }
  return candidates;
}

// "the rate" → "the rate of photosynthesis", as the nearest sentence before it names the quantity in full.
function namedInFull(study: TemplateContext["study"], sentenceId: number, subject: string): string | undefined {
  const noun = subject.replace(/^the /i, "").toLowerCase();
  const full = new RegExp(String.raw`\bthe ${noun} of ([a-z]+)\b`, "i");
  for (let id = sentenceId; id >= 0 && id >= sentenceId - 8; id--) {
    const found = full.exec(study.material.sentences[id].text);
    if (found) return `the ${noun} of ${found[1].toLowerCase()}`;
  }
  return undefined;
}

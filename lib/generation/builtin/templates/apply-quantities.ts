import type { Sentence } from "@/lib/generation/text/analyse-material";
import type { Candidate } from "../candidate";
import { capitalise } from "../clauses";
import { reverseDirection } from "../study-material";
import { COUNT, distinctSlips, formatNumber, parseCount, pick, statedThreshold } from "./quantities";
import { ownRandom, type TemplateContext } from "./shared";

// Apply templates that carry out a quantity the text states (a ratio, a threshold, a share, a dated
// period) on a new case with new numbers. The learner executes the stated rule; the new number is not
// in the text, so the answer cannot be recalled.

const STOP = /^(?:and|or|to|in|into|with|react|reacts|produce|produces|is|are|was|were)$/;

// "water and" → "water": a counted thing's name ends before the first word that links it to the next.
function untilStopWord(phrase: string): string {
  const words = phrase.split(" ");
  const stop = words.findIndex((word) => STOP.test(word));
  return (stop < 0 ? words : words.slice(0, stop)).join(" ");
}

/**
 * Scale a ratio the text states between counted things: "six molecules of carbon dioxide … react with
 * six molecules of water … to produce one molecule of glucose …" → "Suppose the reaction in the text's
 * equation makes 3 molecules of glucose. How many molecules of carbon dioxide does it use?" → 18.
 */
export function writeScaleRatio(context: TemplateContext): Candidate[] {
  const { study } = context;
  const candidates: Candidate[] = [];
  const item = new RegExp(String.raw`\b(${COUNT}) ([a-z]+?)s? of ([a-z][a-z-]*(?: [a-z][a-z-]*)?)`, "gi");
  for (const sentence of study.material.sentences) {
    if (sentence.isRepeat) continue;
    const turn = /\b(?:produces?|yields?|forms?|makes?|gives?)\b/i.exec(sentence.text);
    if (!turn) continue;
    const items = [...sentence.text.matchAll(item)].map((match) => ({
      count: parseCount(match[1])!,
      unit: match[2].toLowerCase(),
      name: untilStopWord(match[3]),
      isInput: match.index! < turn.index,
    }));
    const units = new Set(items.map((entry) => entry.unit));
    const names = new Set(items.map((entry) => entry.name));
    // One equation: at least three things counted in the same unit, on both sides of the verb.
    if (items.length < 3 || units.size !== 1 || names.size !== items.length || items.some((entry) => !entry.name)) continue;
    if (!items.some((entry) => entry.isInput) || !items.some((entry) => !entry.isInput)) continue;
    const unit = items[0].unit;
    for (const given of items) {
      for (const asked of items) {
        if (asked === given || asked.count === given.count) continue;
        const factor = pick([2, 3, 4, 5], ownRandom(context, `scale-ratio:${sentence.text}:${given.name}:${asked.name}`));
        const amount = given.count * factor;
        const key = asked.count * factor;
        const slips = distinctSlips(key, [amount, asked.count, asked.count + factor, factor, amount * asked.count], 5);
        if (slips.length < 3) continue;
        const plural = (value: number) => `${value} ${unit}${value === 1 ? "" : "s"}`;
        const question = `Suppose the reaction in the text's equation ${given.isInput ? "uses" : "makes"} ${plural(amount)} of ${given.name}. Following the text, how many ${unit}s of ${asked.name} does it ${asked.isInput ? "use" : "make"}?`;
        candidates.push({
          template: "scale-ratio",
          level: "apply",
          question,
          key: formatNumber(key),
          distractors: slips.map(formatNumber),
          explanation: `In the text's equation ${plural(given.count)} of ${given.name} ${given.count === 1 ? "goes" : "go"} with ${plural(asked.count)} of ${asked.name}: "${sentence.text}" ${amount} is ${factor} times ${given.count}, so ${factor} × ${asked.count} = ${key}.`,
          sentenceIds: [sentence.id],
          fact: `ratio:${sentence.id}`,
          // Asking for an input from an output ("how much does it use to make …") is the usual task.
          score: 3.1 + (asked.isInput && !given.isInput ? 0.2 : 0),
        });
      }
    }
  }
  return candidates;
}


/**
 * Carry out a threshold the text states on a value beyond it: "the rate increases up to roughly
 * 25–35 °C; above that, …, and the rate falls sharply" → "For many plants, what happens to the rate
 * at 45 °C?" The first wrong answer is what happens below the threshold.
 */
export function writeThresholdCase({ study }: TemplateContext): Candidate[] {
  const candidates: Candidate[] = [];
  for (const sentence of study.material.sentences) {
    if (sentence.isRepeat) continue;
    const match = statedThreshold(sentence.text);
    if (!match) continue;
    const [, scope, subject, verb, low, high, unit = "", beyond] = match;
    if (subject === "it") continue;
    const upper = Number(high ?? low);
    const step = Math.max(5, 5 * Math.round((0.3 * upper) / 5));
    const unitText = !unit ? "" : unit === "%" ? "%" : ` ${unit}`;
    const value = `${formatNumber(upper + step)}${unitText}`;
    // The outcome for the same quantity ("the rate falls sharply"), else the whole clause.
    const outcome = beyond.split(/, and |, so /).find((clause) => clause.toLowerCase().startsWith(subject.toLowerCase())) ?? beyond;
    const key = capitalise(outcome.trim());
    const rising = verb.toLowerCase().replace(/es$|s$/, "").replace(/e$/, "") + "ing";
    const reversed = reverseDirection(outcome);
    // What happens below the threshold carried on past it, no change, and the outcome reversed (else
    // the rise slowing down): each a reading of the rule that ignores where the threshold lies.
    const distractors = [
      `${capitalise(subject)} keeps ${rising}`,
      `${capitalise(subject)} stays the same`,
      reversed ? capitalise(reversed) : `${capitalise(subject)} ${verb.toLowerCase()} more slowly`,
    ];
    const question = `${scope ? `For ${scope}, what` : "What"} happens to ${subject} at ${value}, following the text?`;
    candidates.push({
      template: "threshold-case",
      level: "apply",
      question,
      key,
      distractors,
      explanation: `${value} is above ${high ? `${low}–${high}` : low}${unitText}, beyond which the text says: "${sentence.text}"`,
      sentenceIds: [sentence.id],
      fact: `threshold:${sentence.id}`,
      score: 3.2,
    });
  }
  return candidates;
}

const PERCENT_SHARE = /(?:^|, |\b(?:although|while|because|since|as|though) )((?:the )?[A-Za-z][\w-]*(?: [A-Za-z][\w-]*){0,3}) (?:made|make|makes|formed|form|forms|accounted for|account for|accounts for) (?:up )?(?:roughly |about |around |nearly |some |almost )?(\d+(?:\.\d+)?) ?(?:percent|per cent|%) of (?:the |all )?(population|people|inhabitants|residents|workforce|workers|voters|students|pupils|members|adults|households)\b/i;
/**
 * Carry a share the text states over to a new whole: "the Third Estate made up roughly 97 percent of
 * the population" → "Take a group of 500 people from the population the text describes … about how
 * many would be part of the Third Estate?" → about 485. Wrong answers are the usual slips: the rest of
 * the whole, the percentage read as a count, equal shares. Bounded shares ("bread could take up more
 * than half of its income") are not used: "more than 30" is as true as "more than 60" of 120, so
 * their options would nest and more than one would be right.
 */
export function writeShareOfWhole(context: TemplateContext): Candidate[] {
  return context.study.material.sentences
    .filter((sentence) => !sentence.isRepeat)
    .flatMap((sentence) => [percentOfPopulation(context, sentence)].filter((candidate) => candidate !== undefined));
}

function percentOfPopulation(context: TemplateContext, sentence: Sentence): Candidate | undefined {
  // A cheap test first: the pattern is costly to try at every word of a long text.
  const match = /percent|per cent|%/i.test(sentence.text) ? PERCENT_SHARE.exec(sentence.text) : null;
  if (!match) return undefined;
  const [, rawSubject, rawShare, whole] = match;
  const subject = rawSubject.replace(/^(?:although|while|because|since|as|though) /i, "").replace(/^The /, "the ");
  // "In 1900 farmers made up …": the group is not "in 1900 farmers", and which words name it is a guess.
  if (/\d/.test(subject) || /^(?:in|on|at|by|during|for|from|after|before|until|of) /i.test(subject)) return undefined;
  const share = Number(rawShare);
  if (share >= 100) return undefined;
  const sizes = [200, 400, 500, 600, 800, 1000, 2000].filter((n) => Number.isInteger((n * share) / 100) || n >= 1000);
  const size = pick(sizes, ownRandom(context, `share-of-whole:${sentence.text}`));
  const key = Math.round((size * share) / 100);
  const slips = distinctSlips(key, [size - key, share, size / 2, Math.round(size / 3)], 3);
  if (slips.length < 3) return undefined;
  const about = (value: number) => `About ${formatNumber(value)}`;
  const role = /^the /i.test(subject) ? `be part of ${subject}` : `be ${subject.toLowerCase()}`;
  return {
    template: "share-of-whole",
    level: "apply",
    question: `Take a group of ${formatNumber(size)} people from the ${whole.toLowerCase()} the text describes. Following the text, about how many of them would ${role}?`,
    key: about(key),
    distractors: slips.map(about),
    explanation: `The text gives the share as about ${share} percent: "${sentence.text}" ${share} percent of ${formatNumber(size)} is ${formatNumber(key)}.`,
    sentenceIds: [sentence.id],
    fact: `share:${sentence.id}`,
    score: 3.2,
  };
}

interface Period {
  name: string;
  from: number;
  to: number;
  sentenceId: number;
}

const NAME = String.raw`((?:the |The )?[A-Z][\w'’-]*(?: (?:of|the|[A-Z][\w'’-]*))*)`;
const PERIOD_PATTERNS = [
  // "The period from 1793 to 1794 is known as the Reign of Terror."
  new RegExp(String.raw`\bperiod from (\d{4}) (?:to|until) (\d{4}) (?:is|was|became) (?:known as|called) ${NAME}`),
  // "The French Revolution was a period of … that began in 1789 and lasted until … in 1799."
  new RegExp(String.raw`^${NAME} (?:was an? [^.;]*? that )?(?:began|started) in (\d{4}) and (?:lasted|continued|ran) until (?:[^.;]*? in )?(\d{4})\b`),
  // "The Directory lasted from 1795 to 1799."
  new RegExp(String.raw`^${NAME} (?:lasted|ran|existed) from (\d{4}) (?:to|until) (\d{4})\b`),
];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** Named periods with the years the text gives for their start and end. */
function periodsOf(study: TemplateContext["study"]): Period[] {
  const periods: Period[] = [];
  for (const sentence of study.material.sentences) {
    if (sentence.isRepeat) continue;
    if (!/\d{4}/.test(sentence.text)) continue;
    for (const [index, pattern] of PERIOD_PATTERNS.entries()) {
      const match = pattern.exec(sentence.text);
      if (!match) continue;
      const [name, from, to] = index === 0 ? [match[3], match[1], match[2]] : [match[1], match[2], match[3]];
      if (Number(to) < Number(from) || periods.some((period) => period.name.toLowerCase() === name.toLowerCase())) continue;
      periods.push({ name: name.replace(/^The /, "the "), from: Number(from), to: Number(to), sentenceId: sentence.id });
    }
  }
  return periods;
}

/**
 * Place a new dated case in the periods the text dates: "A document is dated October 1793. Following
 * the dates the text gives, when was it written?" → during the Reign of Terror. The date is one the
 * text does not mention; wrong answers are the periods (and the before/after of each) that do not
 * hold the date, so exactly one option is true.
 */
export function writeDateInPeriod(context: TemplateContext): Candidate[] {
  const { study } = context;
  const periods = periodsOf(study);
  if (periods.length < 2) return [];
  const text = study.material.sentences.map((sentence) => sentence.text).join(" ");
  const candidates: Candidate[] = [];
  for (const period of periods) {
    const date = newDate(period, text, ownRandom(context, `date-in-period:${period.name}`));
    if (!date) continue;
    const at = date.year * 12 + date.month;
    const during = (p: Period) => at >= p.from * 12 && at <= p.to * 12 + 11;
    const statements = [period, ...periods.filter((other) => other !== period)].flatMap((p) => [
      { text: `During ${p.name}`, isTrue: during(p) },
      { text: `Before ${p.name} began`, isTrue: at < p.from * 12 },
      { text: `After ${p.name} had ended`, isTrue: at > p.to * 12 + 11 },
    ]);
    const distractors = statements.filter((statement) => !statement.isTrue).map((statement) => statement.text);
    if (distractors.length < 3) continue;
    const sentence = study.material.sentences[period.sentenceId];
    const written = `${MONTHS[date.month]} ${date.year}`;
    candidates.push({
      template: "date-in-period",
      level: "apply",
      question: `A document is dated ${written}. Following the dates the text gives, when was it written?`,
      key: `During ${period.name}`,
      distractors,
      explanation: `The text dates ${period.name} from ${period.from} to ${period.to}, and ${written} falls within it: "${sentence.text}"`,
      sentenceIds: [sentence.id],
      fact: `period:${period.name.toLowerCase()}`,
      score: 3.0,
    });
  }
  return candidates;
}

// A month inside the period that the text mentions with no event: a year strictly inside when there is
// one; else late in the first year or early in the last, well inside the stated span; never a
// "Month Year" the text itself gives.
function newDate(period: Period, text: string, random: TemplateContext["random"]): { year: number; month: number } | undefined {
  const inner = Array.from({ length: Math.max(0, period.to - period.from - 1) }, (_, index) => period.from + 1 + index);
  const unmentioned = inner.filter((year) => !text.includes(String(year)));
  const choices: { year: number; month: number }[] =
    inner.length > 0
      ? (unmentioned.length > 0 ? unmentioned : inner).flatMap((year) => MONTHS.map((_, month) => ({ year, month })))
      : period.to > period.from
        ? [9, 10, 11].map((month) => ({ year: period.from, month })).concat([0, 1, 2].map((month) => ({ year: period.to, month })))
        : [3, 4, 5, 6, 7, 8].map((month) => ({ year: period.from, month }));
  const fresh = choices.filter((date) => !text.includes(`${MONTHS[date.month]} ${date.year}`));
  return fresh.length > 0 ? pick(fresh, random) : undefined;
}

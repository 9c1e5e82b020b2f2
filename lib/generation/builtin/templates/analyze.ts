import { contentStems } from "@/lib/generation/text/words";
import type { Candidate } from "../candidate";
import { capitalise, isSelfContained, isSelfContainedPhrase, leadingSubject, lowerFirst, wordCount } from "../clauses";
import type { Sentence } from "@/lib/generation/text/analyse-material";
import { chooseDistinct } from "../distractors";
import { shuffle } from "../random";
import { cueStatements, fitsBeside, isInOrder, withLengthPartner, isSimilarLength, narrativeOrder, otherClauses, preferSharedWords, stemWordCues, type TemplateContext } from "./shared";

/**
 * Organise steps or dated events into their order. The stem lists them shuffled and numbered; the
 * options are orders, so no option is longer than another and none repeats the text's wording.
 */
export function writeOrder({ study, random }: TemplateContext): Candidate[] {
  const candidates: Candidate[] = [];
  // A long timeline (seven dated events or more) gives two questions on disjoint sets of events.
  const groups = study.relations.sequences.flatMap((sequence) => {
    const size = Math.min(4, sequence.steps.length);
    if (sequence.kind !== "dates") return [{ sequence, steps: sequence.steps.slice(0, size) }];
    // Four long events make a stem no one reads through; short ones are listed.
    const events = sequence.steps.filter((step) => wordCount(step.label) <= 14);
    if (events.length < 3) return [];
    if (events.length < 7) return [{ sequence, steps: pickSpread(events, Math.min(4, events.length), random) }];
    const indexes = shuffle(events.map((_, index) => index), random);
    return [indexes.slice(0, 4), indexes.slice(4, 8)].map((part) => ({
      sequence,
      steps: part.sort((a, b) => a - b).map((index) => events[index]),
    }));
  });
  for (const { sequence, steps } of groups) {
    const shown = shuffle(steps, random);
    if (shown.every((step, index) => step === steps[index])) shown.reverse();
    const order = steps.map((step) => shown.indexOf(step) + 1);
    const key = order.join(", ");
    const permutations = allPermutations(order.length)
      .map((permutation) => permutation.map((index) => order[index]).join(", "))
      .filter((option) => option !== key);
    const distractors = shuffle(permutations, random).slice(0, 5);
    if (distractors.length < 3) continue;
    const items = shown.map((step, index) => `(${index + 1}) ${lowerFirst(step.label, study.lowerVocabulary)}`).join("; ");
    const question =
      sequence.kind === "dates"
        ? `In which order did these events happen, according to the text? ${items}.`
        : `In which order do these steps happen, according to the text? ${items}.`;
    const sentences = steps.map((step) => study.material.sentences[step.sentenceId]);
    candidates.push({
      template: sequence.kind === "dates" ? "order-events" : "order-steps",
      level: "analyze",
      question,
      key,
      distractors,
      explanation: `The text gives the order ${key}: ${sentences.map((sentence) => `"${sentence.text}"`).join(" ")}`,
      sentenceIds: steps.map((step) => step.sentenceId),
      fact: `sequence:${steps.map((step) => step.sentenceId).join("-")}`,
      score: 3,
    });
  }
  return candidates;
}

function pickSpread<T>(items: T[], size: number, random: { below(max: number): number }): T[] {
  const chosen = new Set<number>();
  while (chosen.size < size) chosen.add(random.below(items.length));
  return [...chosen].sort((a, b) => a - b).map((index) => items[index]);
}

function allPermutations(size: number): number[][] {
  if (size === 1) return [[0]];
  return allPermutations(size - 1).flatMap((rest) =>
    Array.from({ length: size }, (_, position) => [...rest.slice(0, position), size - 1, ...rest.slice(position)]),
  );
}

/** Trace a cause given in an earlier sentence ("As a result, …"): attributing an outcome across sentences. */
export function writeCauseAcrossSentences({ study, random }: TemplateContext): Candidate[] {
  const candidates: Candidate[] = [];
  for (const relation of study.relations.causes) {
    if (relation.causeSentenceId === relation.sentenceId) continue;
    const effectSentence = study.material.sentences[relation.sentenceId];
    const causeSentence = study.material.sentences[relation.causeSentenceId];
    const question = `According to the text, which development led to this outcome: ${lowerFirst(relation.effect, study.lowerVocabulary)}?`;
    const cause = statedCause(relation.cause, causeSentence);
    if (!cause) continue;
    const key = capitalise(cause);
    const order = narrativeOrder(effectSentence, "after");
    const ranked = otherClauses(study, [effectSentence.id, causeSentence.id], relation.effect, (clause, other) =>
      isSimilarLength(clause, cause, 2) && isInOrder(other.id, effectSentence.id, order),
    ).map((clause) => capitalise(clause.text));
    const statements = cueStatements(study, [effectSentence.id, causeSentence.id], key, question, (text) => fitsBeside(text, cause), narrativeOrder(effectSentence, "after"));
    const pool = preferSharedWords([...ranked, ...statements], key, question);
    const distractors = withLengthPartner(chooseDistinct(pool, [key], 5, random), pool, key, study, (id) =>
      id !== effectSentence.id && id !== causeSentence.id && isInOrder(id, effectSentence.id, order),
    );
    if (distractors.length < 3) continue;
    // "Light supplies the energy …" for an outcome about "the energy of sunlight": when no wrong answer
    // can repeat the stem's word, the word points to the key, and the outcome is not asked about.
    const cues = stemWordCues(key, question);
    if (cues.size > 0 && !distractors.some((text) => contentStems(text).some((stem) => cues.has(stem)))) continue;
    candidates.push({
      template: "cause-across-sentences",
      level: "analyze",
      question,
      key,
      distractors,
      explanation: `The text links the two: "${causeSentence.text} ${effectSentence.text}"`,
      sentenceIds: [causeSentence.id, effectSentence.id],
      fact: `sentence:${effectSentence.id}`,
      score: 3,
    });
  }
  return candidates;
}

/**
 * The clause of the sentence before that states the cause. "Light is not a reactant in the usual sense;
 * instead, it supplies the energy that drives the reaction": what the text denies is no cause, the
 * clause after "instead" is, with its pronoun named from the denied clause's subject ("Light supplies
 * the energy …"). A denial with no such clause states no cause, and the outcome is not asked about.
 */
function statedCause(cause: string, sentence: Sentence): string | undefined {
  const isDenial = /\b(?:not|never|no longer)\b|n['’]t\b/i.test(cause);
  const parts = sentence.text.replace(/[.!]$/, "").split(/; /);
  if (!parts[0].includes(cause) && !isDenial) return cause;
  const turn = parts
    .slice(1)
    .map((part) => /^(?:instead|rather|in fact),? (.+)$/i.exec(part)?.[1])
    .find((text): text is string => !!text);
  if (!turn) return isDenial ? undefined : cause;
  const pronoun = /^(?:it|they|this) (.+)$/i.exec(turn);
  if (!pronoun) return isSelfContained(turn, sentence) ? turn : undefined;
  const lead = leadingSubject(cause, sentence);
  if (!lead || lead.length > 5 || !isSelfContainedPhrase(lead.text, 5)) return undefined;
  return `${lead.text} ${pronoun[1]}`;
}

/**
 * Place a statement within the structure of the material: under which heading does it belong? Only
 * statements whose words tie them clearly to one section are used, so exactly one heading fits.
 */
export function writePlaceInSection({ study, random }: TemplateContext): Candidate[] {
  const headings = [...new Set(study.material.sentences.map((sentence) => sentence.heading).filter(Boolean))] as string[];
  if (headings.length < 4) return [];
  const vocabulary = new Map<string, Map<string, number>>();
  for (const sentence of study.material.sentences) {
    if (!sentence.heading) continue;
    const counts = vocabulary.get(sentence.heading) ?? new Map<string, number>();
    for (const stem of new Set(contentStems(sentence.text))) counts.set(stem, (counts.get(stem) ?? 0) + 1);
    vocabulary.set(sentence.heading, counts);
  }
  const candidates: Candidate[] = [];
  for (const sentence of study.material.sentences) {
    if (!sentence.heading || sentence.isListItem || sentence.isRepeat) continue;
    const words = sentence.text.split(/\s+/).length;
    if (words < 8 || words > 30 || /^(?:it|this|these|they|such|however|then|finally|first|as a result)\b/i.test(sentence.text)) continue;
    const stems = [...new Set(contentStems(sentence.text))];
    const fit = headings.map((heading) => {
      const counts = vocabulary.get(heading)!;
      const own = heading === sentence.heading ? 1 : 0;
      return stems.reduce((sum, stem) => sum + (((counts.get(stem) ?? 0) - own) > 0 ? 1 : 0), 0);
    });
    const ownIndex = headings.indexOf(sentence.heading);
    const best = Math.max(...fit.filter((_, index) => index !== ownIndex));
    // The home section must share clearly more words with the statement than any other section.
    if (fit[ownIndex] < 3 || fit[ownIndex] < best + 3) continue;
    const headingStems = new Set(contentStems(sentence.heading));
    if (stems.some((stem) => headingStems.has(stem))) continue;
    const distractors = shuffle(
      headings.filter((heading) => heading !== sentence.heading),
      random,
    ).slice(0, 5);
    candidates.push({
      template: "place-in-section",
      level: "analyze",
      question: `Under which heading of the text does this statement belong? "${sentence.text}"`,
      key: sentence.heading,
      distractors,
      explanation: `The statement belongs to the section "${sentence.heading}", where the text says: "${sentence.text}"`,
      sentenceIds: [sentence.id],
      fact: `sentence:${sentence.id}`,
      score: 1.5 + (fit[ownIndex] - best) / 10,
    });
  }
  return candidates;
}

/**
 * Sort the two sides of a contrast: "The text contrasts water with the sugar made in the leaf. Which
 * pairing matches each with what the text says of it?" Both sides must be stated ("A …, whereas B …").
 * The wrong pairings swap the sides or give one side a predicate the text states of something else.
 */
export function writeSortContrast({ study, random }: TemplateContext): Candidate[] {
  const candidates: Candidate[] = [];
  const seen = new Set<number>();
  for (const contrast of study.relations.contrasts) {
    if (!contrast.otherPredicate || seen.has(contrast.sentenceId)) continue;
    seen.add(contrast.sentenceId);
    const sentence = study.material.sentences[contrast.sentenceId];
    const a = lowerFirst(contrast.subject, study.lowerVocabulary);
    const b = lowerFirst(contrast.other, study.lowerVocabulary);
    const pair = (left: string, right: string) => `${capitalise(a)} ${left}; ${b} ${right}`;
    const key = pair(contrast.predicate, contrast.otherPredicate);
    const elsewhere = otherClauses(study, [sentence.id], `${contrast.predicate} ${contrast.otherPredicate}`, (clause) =>
      isSimilarLength(clause, contrast.predicate, 2),
    )
      .map((clause) => /^(?:the |an? )?[\w'’ -]+? ((?:is|are|can|has|have|does|do|\w+s) .+)$/i.exec(clause.text)?.[1])
      .filter((predicate): predicate is string => !!predicate && !/\b(?:it|they|its|their)\b/i.test(predicate));
    // A predicate stands in for a side only if its verb agrees with that side ("the sugar … is").
    const isSingular = (predicate: string) => /^(?:is|has|was|does|can \w+|\w+[^s]s)\b/.test(predicate);
    const shuffled = shuffle(elsewhere, random);
    const first = shuffled.find((predicate) => isSingular(predicate) === isSingular(contrast.otherPredicate!));
    const second = shuffled.find((predicate) => predicate !== first && isSingular(predicate) === isSingular(contrast.predicate));
    if (!first || !second) continue;
    const distractors = [
      pair(contrast.otherPredicate, contrast.predicate),
      pair(contrast.predicate, first),
      pair(second, contrast.otherPredicate),
    ];
    candidates.push({
      template: "sort-contrast",
      level: "analyze",
      question: `The text contrasts ${a} with ${b}. Which pairing matches each with what the text says of it?`,
      key,
      distractors,
      explanation: `The text sets the two apart: "${sentence.text}"`,
      sentenceIds: [sentence.id],
      fact: `sentence:${sentence.id}`,
      score: 2.6,
    });
  }
  return candidates;
}

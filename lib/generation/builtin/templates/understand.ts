import { findNounPhrases } from "@/lib/generation/text/key-terms";
import { contentStems } from "@/lib/generation/text/words";
import { joinTokens } from "@/lib/generation/text/analyse-material";
import type { Candidate } from "../candidate";
import type { Sentence } from "@/lib/generation/text/analyse-material";
import { capitalise, isSelfContained, isSelfContainedPhrase, lowerFirst, wordCount } from "../clauses";
import { shuffle } from "../random";
import { chooseDistinct, pickTermDistractors } from "../distractors";
import { isPastTense } from "../mine-relations";
import { reverseDirection, type Study } from "../study-material";
import { cueStatements, explainsSameOutcome, firstClause, fitsBeside, followsFromPremise, plainStatements, isInOrder, withLengthPartner, isSimilarLength, narrativeOrder, otherClauses, preferSharedWords, type TemplateContext } from "./shared";

/** Explain an outcome by its stated reason: "According to the text, what explains why leaves look green?" */
export function writeExplainCause({ study, random }: TemplateContext): Candidate[] {
  const candidates: Candidate[] = [];
  for (const relation of study.relations.causes) {
    if (relation.causeSentenceId !== relation.sentenceId) continue;
    // "poor harvests caused the price of bread to rise": "why the price of bread to rise" is no question.
    if (relation.cue === "caused" && /^\S+(?: \S+){0,6} to \w+/.test(relation.effect)) continue;
    const sentence = study.material.sentences[relation.sentenceId];
    const effect = lowerFirst(relation.effect, study.lowerVocabulary);
    const question = `According to the text, what explains why ${effect}?`;
    // In a narrative an earlier event may be a real (indirect) reason: wrong reasons come from later on.
    const order = narrativeOrder(sentence, "after");
    const ranked = otherClauses(study, [sentence.id], relation.effect, (clause, other) => isSimilarLength(clause, relation.cause, 2) && isInOrder(other.id, sentence.id, order))
      .filter((clause) => clause.text !== relation.cause)
      .map((clause) => capitalise(clause.text));
    const statements = cueStatements(study, [sentence.id], relation.cause, question, (text) => fitsBeside(text, relation.cause), narrativeOrder(sentence, "after"));
    // A wrong reason about the key's own subject and the outcome ("Chloroplasts contain a green pigment
    // called chlorophyll" for why leaves look green) explains the outcome too: two answers would be right.
    const isWrong = (text: string) => !explainsSameOutcome(study, relation.cause, relation.effect, text, sentence);
    const pool = preferSharedWords([...ranked, ...statements, ...laterEvents(study, sentence, relation.cause, order)].filter(isWrong), relation.cause, question);
    const distractors = withLengthPartner(
      chooseDistinct(pool, [capitalise(relation.cause)], 5, random),
      pool,
      relation.cause,
      study,
      (id) => id !== sentence.id && isInOrder(id, sentence.id, order),
      isWrong,
    );
    if (distractors.length < 3) continue;
    candidates.push({
      template: "explain-cause",
      level: "understand",
      question,
      key: capitalise(relation.cause),
      distractors,
      explanation: `The text gives this reason: "${sentence.text}"`,
      sentenceIds: [sentence.id],
      fact: `sentence:${sentence.id}`,
      score: 3,
    });
  }
  return candidates;
}

/**
 * In a narrative, what the text tells after an outcome happened later and cannot be its reason: its
 * plain statements are honest wrong reasons when the text states too few other causes.
 */
function laterEvents(study: Study, sentence: Sentence, cause: string, order: "before" | "after" | undefined): string[] {
  if (order !== "after") return [];
  const causeStems = new Set(contentStems(cause));
  return plainStatements(study)
    .filter((statement) => statement.sentenceId > sentence.id && isSimilarLength(statement.text, cause, 2.5))
    .filter((statement) => {
      const stems = contentStems(statement.text);
      return stems.filter((stem) => causeStems.has(stem)).length / Math.max(stems.length, 1) < 0.5;
    })
    .map((statement) => statement.text);
}

/**
 * Explain a cause by its consequence: "According to the text, what is a consequence of the fact that a
 * higher price makes production more profitable?" Wrong answers are effects of other causes in the text.
 */
export function writeEffectOfCause({ study, random }: TemplateContext): Candidate[] {
  const candidates: Candidate[] = [];
  for (const relation of study.relations.causes) {
    if (relation.causeSentenceId !== relation.sentenceId) continue;
    // An effect cut from "caused X to rise" reads "X to rise", which is no statement.
    if (/^\S+(?: \S+){0,6} to \w+/.test(relation.effect) && relation.cue === "caused") continue;
    const sentence = study.material.sentences[relation.sentenceId];
    const cause = lowerFirst(relation.cause, study.lowerVocabulary);
    const isClause = relation.cue !== "caused";
    const question = isClause
      ? `According to the text, what is a consequence of the fact that ${cause}?`
      : `According to the text, what is a consequence of ${cause}?`;
    const key = capitalise(relation.effect);
    const order = narrativeOrder(sentence, "before");
    // No wrong answer may follow from the same premise by another sentence of the text ("a higher price
    // makes production more profitable" beside "the price rises"): it would be a consequence too.
    // Nor one that names the cause's subject with a word of the consequence ("Chloroplasts contain a green
    // pigment called chlorophyll" beside "chlorophyll … reflects most green light" → leaves look green).
    const isWrong = (text: string, other?: Sentence) =>
      !followsFromPremise(study, relation.cause, text, other, "all") && !explainsSameOutcome(study, relation.cause, relation.effect, text, sentence);
    const ranked = otherClauses(
      study,
      [sentence.id],
      relation.cause,
      (clause, other) => isSimilarLength(clause, relation.effect, 1.8) && isInOrder(other.id, sentence.id, order) && isWrong(clause, other),
    )
      .filter((clause) => clause.text !== relation.effect)
      .map((clause) => capitalise(clause.text));
    const statements = cueStatements(study, [sentence.id], key, question, (text) => fitsBeside(text, relation.effect) && isWrong(text), narrativeOrder(sentence, "before"));
    const pool = preferSharedWords([...ranked, ...statements], key, question);
    const distractors = withLengthPartner(
      chooseDistinct(pool, [key], 5, random),
      pool,
      key,
      study,
      (id) => id !== sentence.id && isInOrder(id, sentence.id, order) && isWrong(study.material.sentences[id].text, study.material.sentences[id]),
      (text) => isWrong(text),
    );
    if (distractors.length < 3) continue;
    candidates.push({
      template: "effect-of-cause",
      level: "understand",
      question,
      key,
      distractors,
      explanation: `The text links the two: "${sentence.text}"`,
      sentenceIds: [sentence.id],
      fact: `sentence:${sentence.id}`,
      score: 2.7,
    });
  }
  return candidates;
}

/** Compare two things the text sets against each other: "How does the supply curve differ from the demand curve?" */
export function writeContrast({ study, random }: TemplateContext): Candidate[] {
  const candidates: Candidate[] = [];
  for (const contrast of study.relations.contrasts) {
    const sentence = study.material.sentences[contrast.sentenceId];
    const isPlural = !/s$/.test(contrast.predicate.split(" ")[0]) || /^(?:are|have|were|do)$/.test(contrast.predicate.split(" ")[0]);
    const pronoun = isPlural ? "They" : "It";
    const key = `${pronoun} ${contrast.predicate}`;
    const question = `According to the text, how does ${lowerFirst(contrast.subject, study.lowerVocabulary)} differ from ${lowerFirst(contrast.other, study.lowerVocabulary)}?`;
    const ranked: string[] = [];
    // What the text says of the other side is the most tempting wrong answer: true, but of the other.
    if (contrast.otherPredicate) ranked.push(`${pronoun} ${contrast.otherPredicate}`);
    const reversed = contrast.otherPredicate ? undefined : reverseDirection(contrast.predicate);
    if (reversed) ranked.push(`${pronoun} ${reversed}`);
    for (const predicate of collectPredicates(study, isPlural, [sentence.id])) {
      if (isSimilarLength(predicate, contrast.predicate, 2.2)) ranked.push(`${pronoun} ${predicate}`);
    }
    const leading = reversed || contrast.otherPredicate ? 1 : 0;
    const distractors = chooseDistinct(ranked.slice(0, leading), [key], 1, random);
    distractors.push(...chooseDistinct(ranked.slice(leading), [key, ...distractors], 5 - distractors.length, random));
    if (distractors.length < 3) continue;
    candidates.push({
      template: "contrast",
      level: "understand",
      question,
      key,
      distractors,
      explanation: `The text draws the contrast: "${sentence.text}"`,
      sentenceIds: [sentence.id],
      fact: `sentence:${sentence.id}`,
      score: 3.2,
    });
  }
  return candidates;
}

/** Predicates ("slopes upward", "contain chloroplasts") of simple subject–verb sentences, for contrast distractors. */
function collectPredicates(study: Study, plural: boolean, exclude: number[]): string[] {
  const predicates: string[] = [];
  for (const sentence of study.material.sentences) {
    if (exclude.includes(sentence.id)) continue;
    const tokens = sentence.tokens;
    const subject = findNounPhrases(sentence).find((span) => span.start <= 1);
    const verb = subject && tokens[subject.end];
    if (!subject || !verb || !(verb.pos === "VERB" || /[^s]s$/.test(verb.lower))) continue;
    const verbIsPlural = !/[^s]s$/.test(verb.lower);
    if (verbIsPlural !== plural || /^(?:is|was|has)$/.test(verb.lower)) continue;
    let stop = subject.end;
    while (stop < tokens.length && !/^[,;.:]$/.test(tokens[stop].text)) stop++;
    const predicate = joinTokens(tokens.slice(subject.end, stop));
    const isBalanced = (predicate.match(/\(/g)?.length ?? 0) === (predicate.match(/\)/g)?.length ?? 0);
    if (wordCount(predicate) >= 2 && wordCount(predicate) <= 12 && isBalanced && isSelfContainedPhrase(predicate, 12)) predicates.push(predicate);
  }
  return predicates;
}

/**
 * Classify a described case under the concept it illustrates: "Consider this case: the server encodes
 * the connection details into its ISN … Which term from the text does it describe?"
 */
export function writeCaseToConcept({ study, random }: TemplateContext): Candidate[] {
  const candidates: Candidate[] = [];
  for (const definition of study.relations.definitions) {
    if (!definition.situation) continue;
    const sentence = study.material.sentences[definition.sentenceId];
    // "the price at which the quantity demanded equals …" → "names the price at which this happens: …".
    const frame = /^(?:the|a|an|any|whichever) ([\w'’ -]+?) (by which|in which|at which|where|through which) /.exec(definition.meaning);
    if (!frame) continue;
    const question = `Which term from the text names the ${frame[1]} ${frame[2]} this happens: ${definition.situation}?`;
    const distractors = pickTermDistractors(study, definition.term, { stem: question, random });
    if (distractors.length < 3) continue;
    candidates.push({
      template: "case-to-concept",
      level: "understand",
      question,
      key: capitalise(definition.term),
      distractors: distractors.map(capitalise),
      explanation: `The case matches how the text describes ${definition.term}: "${sentence.text}"`,
      sentenceIds: [sentence.id],
      fact: `term:${definition.term.toLowerCase()}`,
      score: 2.5,
    });
  }
  return candidates;
}

/**
 * Summarise a section: "Which statement gives the main idea of the section 'The Law of Supply'?" The
 * key is the section's opening statement, where an exposition states its point; the wrong answers are
 * the opening statements of other sections, true but about something else.
 */
export function writeMainIdea({ study, random }: TemplateContext): Candidate[] {
  const sections = new Map<string, Sentence[]>();
  for (const sentence of study.material.sentences) {
    if (!sentence.heading || sentence.isListItem || sentence.isRepeat) continue;
    sections.set(sentence.heading, [...(sections.get(sentence.heading) ?? []), sentence]);
  }
  // Expository sections state their point first: the section's opening sentence is its main idea.
  // When that sentence cannot stand alone as an option, the section is not asked about.
  const central = new Map<string, { sentence: Sentence; statement: string }>();
  for (const [heading, sentences] of sections) {
    const statement = sentences.length >= 3 ? mainStatement(sentences[0]) : undefined;
    if (statement) central.set(heading, { sentence: sentences[0], statement });
  }
  // Wrong answers: how other sections open their paragraphs, one per section first.
  const openers = new Map<string, string[]>();
  for (const [heading, sentences] of sections) {
    const usable = sentences.filter((sentence) => sentence.indexInParagraph === 0).map(mainStatement).filter((text): text is string => !!text);
    openers.set(heading, usable.map(capitalise));
  }
  const candidates: Candidate[] = [];
  for (const [heading, { sentence, statement }] of central) {
    const others = [...openers].filter(([other]) => other !== heading).map(([, texts]) => shuffle(texts, random));
    const ranked = [...others.map((texts) => texts[0]), ...others.flatMap((texts) => texts.slice(1))].filter(Boolean);
    const key = capitalise(statement);
    const question = `Which statement gives the main idea of the section "${heading}"?`;
    const distractors = chooseDistinct(ranked, [key], 5, random);
    if (distractors.length < 3) continue;
    candidates.push({
      template: "main-idea",
      level: "understand",
      question,
      key,
      distractors,
      explanation: `This is the statement the rest of the section "${heading}" builds on: "${sentence.text}" The other options sum up other sections.`,
      sentenceIds: [sentence.id],
      fact: `section:${heading}`,
      score: 2.2,
    });
  }
  return candidates;
}

// A statement that reads on its own: the first clause, no worked example, no pronoun pointing back.
function mainStatement(sentence: Sentence): string | undefined {
  if (/^(?:for example|for instance|imagine|suppose|at \$|in symbols)\b/i.test(sentence.text) || /\d+ ?[=+]/.test(sentence.text)) {
    return undefined;
  }
  const clause = firstClause(sentence);
  const words = wordCount(clause);
  // A narrative's paragraphs open on events, not on the point of the section.
  if (isPastTense(sentence, clause)) return undefined;
  // "always", "every", "only" in one option and not the others is a cue test-wise students use.
  if (/\b(?:always|never|all|none|only|every|completely|entirely)\b/i.test(clause)) return undefined;
  if (words < 5 || words > 26 || /[()"“”]/.test(clause) || !isSelfContained(clause, sentence, 26)) return undefined;
  return clause;
}

import { findNounPhrases, type PhraseSpan } from "@/lib/generation/text/key-terms";
import { joinTokens, type Sentence } from "@/lib/generation/text/analyse-material";
import type { Candidate } from "../candidate";
import { capitalise, indefiniteArticle, isSelfContained, stripLeadIn, wordCount } from "../clauses";
import { pickTermDistractors } from "../distractors";
import type { TemplateContext } from "./shared";

/** Recall a term from its meaning: "Which term does the text use for the fluid that surrounds the thylakoids?" */
export function writeTermForMeaning({ study, random }: TemplateContext): Candidate[] {
  const candidates: Candidate[] = [];
  for (const definition of study.relations.definitions) {
    const sentence = study.material.sentences[definition.sentenceId];
    const question = `Which term does the text use for ${definition.meaning}?`;
    const distractors = pickTermDistractors(study, definition.term, { stem: question, random });
    if (distractors.length < 3) continue;
    candidates.push({
      template: "term-for-meaning",
      level: "remember",
      question,
      key: capitalise(definition.term),
      distractors: distractors.map(capitalise),
      explanation: `The text names it directly: "${sentence.text}"`,
      sentenceIds: [sentence.id],
      fact: `term:${definition.term.toLowerCase()}`,
      score: 3,
    });
  }
  return candidates;
}

/**
 * Recall the key term that ends a statement: "Complete the statement from the text: The Calvin cycle
 * takes place in the ___." The blank is always last and the statement stops there.
 */
export function writeCompletion({ study, random }: TemplateContext): Candidate[] {
  const candidates: Candidate[] = [];
  const answerKeys = new Map(study.answerTerms.map((term, rank) => [term.key, rank]));
  for (const sentence of study.material.sentences) {
    if (sentence.isListItem || sentence.isRepeat) continue;
    const tokens = sentence.tokens;
    for (const span of findNounPhrases(sentence)) {
      const rank = answerKeys.get(span.key);
      if (rank === undefined || rank > 80) continue;
      const next = tokens[span.end];
      if (next && !/^[,;.:]$/.test(next.text)) continue;
      const before = tokens[span.start - 1];
      // "a/an" before the blank would give the answer away; "the" is neutral.
      if (!before || /^(?:a|an)$/i.test(before.text)) continue;
      // "takes place mainly in the ___": places nest (leaf, chloroplast, stroma), so more than one
      // term of the text may be right after a preposition of place.
      const preposition = tokens[before.pos === "DET" ? span.start - 2 : span.start - 1];
      if (preposition && LOCATIVE.test(preposition.lower)) continue;
      // A member of a list ("X, Y or Z") has its siblings as further right answers.
      if (isListMember(sentence, span)) continue;
      const prefix = stripLeadIn(joinTokens(tokens.slice(0, span.start)));
      if (wordCount(prefix) < 5 || !isSelfContained(`${prefix} x`, sentence, 30)) continue;
      if (/[("“]/.test(prefix) && !/[)"”]/.test(prefix)) continue;
      // "If the price starts below ___." cuts the sentence inside its opening clause: no statement is left.
      if (/^(?:if|when|whenever|because|although|though|as|since|while|unless|once)\b/i.test(prefix) && !prefix.includes(",")) continue;
      // "The server, if it is willing to accept the ___." stops inside an inset condition.
      if (/, (?:if|when|whenever|because|although|though|since|unless|once) [^,]*$/i.test(prefix)) continue;
      const statement = `${capitalise(prefix)} ___.`;
      const question = `Complete the statement from the text: ${statement}`;
      const distractors = pickTermDistractors(study, span.text, {
        stem: prefix,
        statement: `${prefix} ${span.text}`,
        sourceSentenceIds: [sentence.id],
        random,
      });
      if (distractors.length < 3) continue;
      candidates.push({
        template: "completion",
        level: "remember",
        question,
        key: span.text,
        distractors,
        explanation: `The text says: "${sentence.text}"`,
        sentenceIds: [sentence.id],
        fact: `sentence:${sentence.id}`,
        score: 2 - rank / 80,
      });
    }
  }
  return candidates;
}

const LOCATIVE = /^(?:in|inside|within|at|on|into|onto|near|throughout)$/;

function isListMember(sentence: Sentence, span: PhraseSpan): boolean {
  const tokens = sentence.tokens;
  return findNounPhrases(sentence).some((other) => {
    if (other === span) return false;
    const gap = other.start >= span.end ? tokens.slice(span.end, other.start) : other.end <= span.start ? tokens.slice(other.end, span.start) : [];
    return (
      gap.length > 0 &&
      gap.length <= 2 &&
      gap.every((token) => token.text === "," || token.pos === "CCONJ" || token.pos === "DET") &&
      gap.some((token) => token.text === "," || token.pos === "CCONJ")
    );
  });
}

/** Recall an example the text lists for a category: "Which of these does the text give as an example of crops?" */
export function writeExampleOf({ study, random }: TemplateContext): Candidate[] {
  const candidates: Candidate[] = [];
  for (const list of study.relations.examples) {
    const sentence = study.material.sentences[list.sentenceId];
    const key = list.members[random.below(list.members.length)];
    const category = /s$/.test(list.category) ? list.category : `${indefiniteArticle(list.category)} ${list.category}`;
    const question = `Which of these does the text give as an example of ${category}?`;
    const distractors = pickTermDistractors(study, key, {
      stem: question,
      alsoCorrect: list.members,
      statement: `${list.category} such as ${key}`,
      sourceSentenceIds: [sentence.id],
      random,
    });
    if (distractors.length < 3) continue;
    candidates.push({
      template: "example-of",
      level: "remember",
      question,
      key: capitalise(key),
      distractors: distractors.map(capitalise),
      explanation: `The text lists it as an example: "${sentence.text}"`,
      sentenceIds: [sentence.id],
      fact: `examples:${list.category.toLowerCase()}`,
      score: 2.2,
    });
  }
  return candidates;
}


import type { SourcePassage } from "@/lib/generation/generator";
import { analyseMaterial, type Material, type Sentence } from "@/lib/generation/text/analyse-material";
import { extractTerms, type Term } from "@/lib/generation/text/key-terms";
import { contentStems } from "@/lib/generation/text/words";
import { mineRelations, type Relations } from "./mine-relations";

/** Everything the templates need to know about the material, computed once per request. */
export interface Study {
  material: Material;
  terms: Term[];
  /** Terms clean enough to serve as answers and distractors. */
  answerTerms: Term[];
  relations: Relations;
  sentenceStems: Set<string>[];
  /** Sentence ids per content stem, so "is this stated anywhere?" does not scan every sentence. */
  sentencesByStem: Map<string, number[]>;
  /** Words seen in lower case somewhere, to tell "The"/"Chlorophyll" from names when lower-casing. */
  lowerVocabulary: Set<string>;
}

export function studyMaterial(passages: SourcePassage[]): Study {
  const material = analyseMaterial(passages);
  const terms = extractTerms(material);
  const relations = mineRelations(material);
  const definedTerms = new Set(relations.definitions.map((definition) => definition.term.toLowerCase()));
  const answerTerms = terms.filter(
    (term) =>
      !term.entity &&
      !term.isMisread &&
      !term.isNamePiece &&
      term.words <= 5 &&
      /[a-z]/i.test(term.text) &&
      // A phrase seen once and longer than two words is often a tagging accident ("bacteria use light energy").
      (term.occurrences.length > 1 || term.words <= 2 || term.isProper || definedTerms.has(term.text.toLowerCase())),
  );
  const lowerVocabulary = new Set<string>();
  // The tagger reads almost any capitalised first word as a name ("Temperature also matters"); a word
  // is a name only if the material also capitalises it inside a sentence ("… read Voltaire").
  const capitalisedInside = new Set<string>();
  for (const sentence of material.sentences) {
    sentence.tokens.forEach((token, index) => {
      if (index === 0) return;
      if (/^[a-z]/.test(token.text)) lowerVocabulary.add(token.lower);
      else if (/^[A-Z]/.test(token.text) && !/^[:;"“(]$/.test(sentence.tokens[index - 1].text)) capitalisedInside.add(token.lower);
    });
  }
  for (const sentence of material.sentences) {
    const first = sentence.tokens[0];
    if (first && (first.pos !== "PROPN" || !capitalisedInside.has(first.lower))) lowerVocabulary.add(first.lower);
  }
  const sentenceStems = material.sentences.map((sentence) => new Set(contentStems(sentence.text)));
  const sentencesByStem = new Map<string, number[]>();
  sentenceStems.forEach((stems, id) => {
    for (const stem of stems) {
      const ids = sentencesByStem.get(stem) ?? [];
      ids.push(id);
      sentencesByStem.set(stem, ids);
    }
  });
  return {
    material,
    terms,
    answerTerms,
    relations,
    sentenceStems,
    sentencesByStem,
    lowerVocabulary,
  };
}

/**
 * Whether the material states something like the given statement in a sentence other than `except`:
 * a sentence holding all of the statement's distinctive words and most of the others. Used to make
 * sure a swapped or negated option is not true after all.
 */
export function isStatedInMaterial(study: Study, statement: string, mustContain: string, except: number[] = []): boolean {
  const required = contentStems(mustContain);
  const others = contentStems(statement).filter((stem) => !required.includes(stem));
  const rarest = required
    .map((stem) => study.sentencesByStem.get(stem) ?? [])
    .sort((a, b) => a.length - b.length)[0];
  if (!rarest) return false;
  return rarest.some((id) => {
    const stems = study.sentenceStems[id];
    if (except.includes(id)) return false;
    if (!required.every((stem) => stems.has(stem))) return false;
    const shared = others.filter((stem) => stems.has(stem)).length;
    return others.length === 0 || shared / others.length >= 0.5;
  });
}

export function sentenceOf(study: Study, id: number): Sentence {
  return study.material.sentences[id];
}

const OPPOSITES: [string, string][] = [
  ["rises", "falls"],
  ["rise", "fall"],
  ["rose", "fell"],
  ["increases", "decreases"],
  ["increase", "decrease"],
  ["increased", "decreased"],
  ["higher", "lower"],
  ["more", "less"],
  ["larger", "smaller"],
  ["faster", "slower"],
  ["upward", "downward"],
  ["up", "down"],
  ["right", "left"],
  ["open", "close"],
  ["opens", "closes"],
  ["strongly", "weakly"],
  ["surplus", "shortage"],
  ["before", "after"],
  ["above", "below"],
  ["absorbs", "reflects"],
  ["gains", "loses"],
  ["expand", "shrink"],
  ["reduce", "increase"],
  ["slowly", "quickly"],
  ["always", "never"],
];

/** The statement with its direction words reversed ("the quantity demanded falls" → "… rises"), or undefined. */
export function reverseDirection(text: string): string | undefined {
  let changed = false;
  const result = text.replace(/\b[a-z]+\b/g, (word, offset: number) => {
    // "more people" → "fewer people", not "less people": a plural noun is counted.
    const next = /^\s+([a-z]+)/.exec(text.slice(offset + word.length))?.[1] ?? "";
    const counted = /[^s]s$/.test(next) || /^(?:people|children|men|women)$/.test(next);
    if (word === "more" && counted) {
      changed = true;
      return "fewer";
    }
    if (word === "fewer") {
      changed = true;
      return "more";
    }
    for (const [a, b] of OPPOSITES) {
      if (word === a) {
        changed = true;
        return b;
      }
      if (word === b) {
        changed = true;
        return a;
      }
    }
    return word;
  });
  return changed ? result : undefined;
}

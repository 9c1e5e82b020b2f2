import type { SourcePassage } from "@/lib/generation/generator";
import type { ItemEntity, ItemSentence, ItemToken } from "wink-nlp";
import { splitBlocks } from "./blocks";
import { getNlp } from "./nlp";
import { normaliseSpace } from "./words";

export interface Token {
  text: string;
  lower: string;
  lemma: string;
  /** Universal Dependencies part of speech, as the wink model tags it. */
  pos: string;
  /** Whitespace before the token in the source, so spans can be rebuilt verbatim. */
  space: string;
  /** Named-entity type (DATE, CARDINAL, …) when the token is inside one. */
  entity?: string;
}

export interface Sentence {
  id: number;
  /** The sentence as written, whitespace collapsed. */
  text: string;
  tokens: Token[];
  paragraph: number;
  indexInParagraph: number;
  passage: SourcePassage;
  /** The nearest heading above it: from the markdown structure, else the passage's own. */
  heading?: string;
  isListItem: boolean;
  /** The same sentence already occurred earlier (material pasted twice); it adds no new fact. */
  isRepeat: boolean;
}

export interface Paragraph {
  id: number;
  sentenceIds: number[];
  heading?: string;
}

export interface Material {
  sentences: Sentence[];
  paragraphs: Paragraph[];
  headings: string[];
  wordCount: number;
}

// Words that start a new sentence after an abbreviation-like token ("… 35 °C. Roughly …").
const SENTENCE_OPENER_POS = new Set(["DET", "PRON", "ADV", "ADP", "SCONJ", "CCONJ", "AUX"]);

/** Reads every passage once: blocks, sentences, tokens with part of speech, lemma and entities. */
export function analyseMaterial(passages: SourcePassage[]): Material {
  const sentences: Sentence[] = [];
  const paragraphs: Paragraph[] = [];
  const headings: string[] = [];
  let wordCount = 0;
  const seen = new Set<string>();
  passages.forEach((passage) => {
    let heading = passage.heading;
    for (const block of splitBlocks(passage.text)) {
      if (block.kind === "heading") {
        heading = block.text;
        headings.push(block.text);
        continue;
      }
      const paragraph: Paragraph = { id: paragraphs.length, sentenceIds: [], heading };
      paragraphs.push(paragraph);
      readSentences(block.text).forEach((tokens, indexInParagraph) => {
        const text = normaliseSpace(joinTokens(tokens));
        if (!text) return;
        wordCount += tokens.filter((token) => /[a-z0-9]/i.test(token.text)).length;
        const sentence: Sentence = {
          id: sentences.length,
          text,
          tokens,
          paragraph: paragraph.id,
          indexInParagraph,
          passage,
          heading,
          isListItem: block.kind === "list",
          isRepeat: seen.has(text),
        };
        seen.add(text);
        sentences.push(sentence);
        paragraph.sentenceIds.push(sentence.id);
      });
    }
  });
  return { sentences, paragraphs, headings, wordCount };
}

/** Rebuilds the source text of a token run, keeping the original spacing inside it. */
export function joinTokens(tokens: Token[]): string {
  return tokens.map((token, index) => (index === 0 ? token.text : token.space + token.text)).join("");
}

function readSentences(text: string): Token[][] {
  const nlp = getNlp();
  const its = nlp.its;
  const doc = nlp.readDoc(text);
  const tokens: Token[] = [];
  doc.tokens().each((token: ItemToken) => {
    const value = token.out(its.value) as string;
    tokens.push({
      text: value,
      lower: value.toLowerCase(),
      // The published types declare its.lemma with the add-on signature; at run time it is a plain its function.
      lemma: (token.out(its.lemma as unknown as typeof its.value) as string).toLowerCase(),
      pos: token.out(its.pos) as string,
      space: token.out(its.precedingSpaces) as string,
    });
  });
  doc.entities().each((entity: ItemEntity) => {
    const [start, end] = entity.out(its.span) as unknown as number[];
    const type = entity.out(its.type) as string;
    for (let i = start; i <= end; i++) tokens[i].entity = type;
  });
  const spans: Token[][] = [];
  doc.sentences().each((sentence: ItemSentence) => {
    const [start, end] = sentence.out(its.span) as unknown as number[];
    spans.push(...splitAfterAbbreviations(tokens.slice(start, end + 1)));
  });
  return spans.map(trimSpace).filter((span) => span.length > 0);
}

function splitAfterAbbreviations(tokens: Token[]): Token[][] {
  const parts: Token[][] = [];
  let start = 0;
  for (let i = 1; i < tokens.length - 1; i++) {
    const next = tokens[i + 1];
    const endsLikeSentence = /^[A-Za-z°]{1,3}\.$/.test(tokens[i].text) && next.space.length > 0;
    if (endsLikeSentence && /^[A-Z]/.test(next.text) && SENTENCE_OPENER_POS.has(next.pos)) {
      parts.push(tokens.slice(start, i + 1));
      start = i + 1;
    }
  }
  parts.push(tokens.slice(start));
  return parts;
}

function trimSpace(tokens: Token[]): Token[] {
  return tokens.filter((token) => token.pos !== "SPACE" && token.text.trim() !== "");
}

import type { Material } from "@/lib/generation/text/analyse-material";
import type { SourcePassage } from "@/lib/generation/generator";
import { GenerationInputError } from "./errors";

// The most frequent English function words; real English prose uses them in about 40% of its words.
const ENGLISH_FUNCTION_WORDS = new Set(
  "the of and to a in is that for it as was with be by on are this which or from at an not have has were but their its can".split(" "),
);

/** Rejects material the built-in generator cannot honestly write questions from, with a reason a person can act on. */
export function checkRawInput(passages: SourcePassage[]): void {
  const text = passages.map((passage) => passage.text).join("\n\n");
  const words = text.toLowerCase().match(/[a-z\u00c0-\u024f]+/g) ?? [];
  if (words.length < 25) {
    throw new GenerationInputError("The material is too short to write questions from; paste at least a few paragraphs of prose.");
  }
  const lines = text.split("\n").filter((line) => line.trim());
  const codeLines = lines.filter((line) => /[{};]\s*$|^\s*(?:import|def|function|class|return|const|let|var|#include|public|private)\b|=>|==|\)\s*\{/.test(line));
  if (codeLines.length / lines.length > 0.3) {
    throw new GenerationInputError("The material looks like program code. The built-in generator needs explanatory prose in English.");
  }
  const functionWords = words.filter((word) => ENGLISH_FUNCTION_WORDS.has(word)).length;
  if (functionWords / words.length < 0.12) {
    throw new GenerationInputError(
      "The material does not look like English prose. The built-in generator works in English only; configure a language model for other languages.",
    );
  }
}

/** After reading: enough connected sentences to ask about, not a bare list or a single sentence. */
export function checkMaterial(material: Material): void {
  const prose = material.sentences.filter((sentence) => !sentence.isListItem && sentence.tokens.length >= 6);
  if (prose.length < 3) {
    const isList = material.sentences.filter((sentence) => sentence.isListItem).length > prose.length;
    throw new GenerationInputError(
      isList
        ? "The material is a bare list. Questions need sentences that explain something; add the explanation around the list."
        : "The material has fewer than three full sentences; add more explanatory text to generate questions from.",
    );
  }
}

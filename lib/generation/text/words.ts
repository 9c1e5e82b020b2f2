/** Function words that carry no content; used for overlap checks in the linter and the miners. */
export const STOPWORDS = new Set(
  (
    "a an the and or but nor so yet for of to in on at by with from into onto over under about above below " +
    "between through during before after since until while as than then that this these those there here " +
    "which who whom whose what when where why how whether if because although though unless also too very " +
    "is are was were be been being am do does did done doing has have had having can could may might must " +
    "shall should will would it its it's they them their theirs he him his she her hers we us our you your " +
    "i me my not no only just more most less least much many some any each every all both either neither " +
    "one own same such other another out up down off again further once per via its itself themselves " +
    "according text following best statement statements"
  ).split(/\s+/),
);

const IRREGULAR_PLURALS: Record<string, string> = {
  children: "child",
  people: "person",
  men: "man",
  women: "woman",
  mice: "mouse",
  feet: "foot",
  teeth: "tooth",
  data: "datum",
  criteria: "criterion",
  phenomena: "phenomenon",
  stomata: "stoma",
  bacteria: "bacterium",
  fungi: "fungus",
  nuclei: "nucleus",
  algae: "alga",
};

/**
 * A crude, dependency-free stem: enough to tell that "absorbs", "absorbed" and "absorbing" share a
 * word, which is all the cue and overlap checks need.
 */
export function stemWord(word: string): string {
  let stem = stemCache.get(word);
  if (stem === undefined) {
    // Bounded by the vocabulary of the material; cleared only for pathological inputs.
    if (stemCache.size > 100_000) stemCache.clear();
    stem = computeStem(word);
    stemCache.set(word, stem);
  }
  return stem;
}

const stemCache = new Map<string, string>();

function computeStem(word: string): string {
  let w = word.toLowerCase().replace(/[’']s$/, "");
  if (IRREGULAR_PLURALS[w]) return IRREGULAR_PLURALS[w];
  if (w.length <= 3) return w;
  if (w.endsWith("ies") && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (/(xes|ches|shes|sses|zes)$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith("s") && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith("ing") && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith("ed") && w.length > 4) w = w.slice(0, -2);
  else if (w.endsWith("ly") && w.length > 4) w = w.slice(0, -2);
  if (w.endsWith("e") && w.length > 4) w = w.slice(0, -1);
  if (/([b-df-hj-np-tv-z])\1$/.test(w)) w = w.slice(0, -1);
  return w;
}

/** Lower-case word tokens of a text, numbers included. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9\u00c0-\u024f]+(?:[-'’][a-z0-9\u00c0-\u024f]+)*/g) ?? [];
}

/** Stems of the content words of a text, in order (duplicates kept). */
export function contentStems(text: string): string[] {
  return wordsOf(text)
    .filter((word) => !STOPWORDS.has(word))
    .flatMap((word) => word.split(/[-'’]/))
    .filter((word) => word.length > 0 && !STOPWORDS.has(word))
    .map(stemWord);
}

/** Collapses runs of whitespace so texts can be compared regardless of line wrapping. */
export function normaliseSpace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Dice coefficient over character bigrams, case-insensitive: 1 for equal strings. */
export function diceSimilarity(a: string, b: string): number {
  const x = a.toLowerCase().replace(/\s+/g, " ");
  const y = b.toLowerCase().replace(/\s+/g, " ");
  if (x === y) return 1;
  if (x.length < 2 || y.length < 2) return 0;
  const counts = new Map<string, number>();
  for (let i = 0; i < x.length - 1; i++) {
    const pair = x.slice(i, i + 2);
    counts.set(pair, (counts.get(pair) ?? 0) + 1);
  }
  let shared = 0;
  for (let i = 0; i < y.length - 1; i++) {
    const pair = y.slice(i, i + 2);
    const count = counts.get(pair) ?? 0;
    if (count > 0) {
      counts.set(pair, count - 1);
      shared++;
    }
  }
  return (2 * shared) / (x.length - 1 + (y.length - 1));
}

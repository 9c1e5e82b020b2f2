import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";

type WinkNlp = ReturnType<typeof winkNLP>;

let cached: WinkNlp | undefined;

/** The English pipeline, built on first use: loading the model costs ~70 ms, so do it once per process. */
export function getNlp(): WinkNlp {
  cached ??= winkNLP(model);
  return cached;
}

// Shared by the golden tests: a template's context for one text, and a candidate as a question.
import type { Mcq } from "@/lib/generation/mcq";
import type { Candidate } from "../candidate";
import { createRandom } from "../random";
import { studyMaterial, type Study } from "../study-material";
import type { TemplateContext } from "./shared";

/** The context a template gets for one text, as the generator builds it. */
export function templateContext(text: string, seed = 1): TemplateContext {
  return { study: studyMaterial([{ text }]), random: createRandom(seed), seed };
}

/** The sentence a candidate rests on (its first). */
export function sentenceOf(study: Study, candidate: Candidate): string {
  return study.material.sentences[candidate.sentenceIds[0]].text;
}

/** The candidate as a question with the given wrong answers (all of them unless told), citing its sentence. */
export function candidateAsMcq(study: Study, candidate: Candidate, distractors = candidate.distractors): Mcq {
  return {
    question: candidate.question,
    options: [candidate.key, ...distractors],
    correct_answer: candidate.key,
    bloom_level: candidate.level,
    explanation: candidate.explanation,
    source: { quote: sentenceOf(study, candidate) },
    generator: "builtin",
  };
}

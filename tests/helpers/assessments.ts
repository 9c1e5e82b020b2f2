import { POST as saveRoute } from "@/app/api/assessments/save/route";
import { bearer } from "./accounts";
import { callRoute } from "./call-route";

/** Three questions as EduMate's generator wrote them: its spellings, lettered options, letter answers. */
export function edumateContent() {
  return {
    mcqs: [
      {
        question_no: "1",
        bloom_level: "Remember",
        question: "What does chlorophyll absorb?",
        answer_options: ["A) Light", "B) Water", "C) Oxygen", "D) Sugar"],
        correct_answer: "A",
        explaination: "Chlorophyll absorbs light energy.",
      },
      {
        question_no: "2",
        bloom_level: "understand",
        question: "Why do leaves look green?",
        answer_options: ["A) They reflect green light", "B) They absorb green light", "C) They emit light", "D) They contain water"],
        correct_answer: "A) They reflect green light",
        explaination: "Chlorophyll reflects green wavelengths.",
      },
      {
        question_no: "3",
        bloom_level: "apply",
        question: "A plant kept in the dark will most likely…",
        answer_options: ["A) grow faster", "B) stop making sugar", "C) turn blue", "D) absorb more light"],
        correct_answer: "B",
        explaination: "Without light there is no photosynthesis.",
      },
    ],
  };
}

export const BLOOM_FACTORS = { remember: 1, understand: 1, apply: 1, analyze: 0, evaluate: 0, create: 0 };

/** Saves an assessment through EduMate's route and returns its id. */
export async function saveTestAssessment(token: string, chapterName = "Photosynthesis", content: unknown = edumateContent()): Promise<number> {
  const { status, body } = await callRoute(saveRoute, {
    method: "POST",
    path: "/api/assessments/save",
    json: { chapter_name: chapterName, bloom_factors: BLOOM_FACTORS, content_json: content },
    headers: bearer(token),
  });
  if (status !== 200) throw new Error(`save failed: ${JSON.stringify(body)}`);
  return body.id;
}

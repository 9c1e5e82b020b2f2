import { z } from "zod";
import { AppError, validationError } from "../errors";
import { assessmentIdSchema } from "./assessment-schemas";

/** The integer id in /api/assessments/{id}; anything else is FastAPI's 422, as EduMate answered. */
export function parseAssessmentId(value: string): number {
  const parsed = assessmentIdSchema.safeParse(value);
  if (!parsed.success) throw validationError(parsed.error, "unprocessable");
  return parsed.data;
}

const questionIdSchema = z.uuid();

/** A question id that cannot exist answers as a missing question does. */
export function parseQuestionId(value: string): string {
  if (!questionIdSchema.safeParse(value).success) throw new AppError("not_found", "Question not found");
  return value;
}

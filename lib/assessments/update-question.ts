import { AppError, validationError } from "../errors";
import type { PrismaClient } from "../generated/prisma/client";
import { mcqSchema, type Mcq } from "../generation/mcq";
import type { UpdateQuestionRequest } from "./assessment-schemas";
import { lockOwnedAssessment } from "./lock-owned-assessment";
import { toMcq } from "./question-mapping";

export function questionNotFound(): AppError {
  return new AppError("not_found", "Question not found");
}

/**
 * Changes fields of one question of one of the owner's assessments. The edited question must still
 * be well-formed (four distinct options, the answer among them). Lint findings described the old
 * wording, so a change of wording drops them; the teacher's edit is now the authority.
 */
export async function updateQuestion(
  prisma: PrismaClient,
  ownerId: number,
  assessmentId: number,
  questionId: string,
  patch: UpdateQuestionRequest,
): Promise<Mcq & { id: string }> {
  return prisma.$transaction(async (tx) => {
    await lockOwnedAssessment(tx, ownerId, assessmentId);
    const row = await tx.question.findFirst({ where: { id: questionId, assessmentId } });
    if (!row) throw questionNotFound();
    const current = toMcq(row);
    const parsed = mcqSchema.safeParse({ ...current, ...patch });
    if (!parsed.success) throw validationError(parsed.error);
    const next = parsed.data;
    const isReworded =
      next.question !== current.question ||
      next.correct_answer !== current.correct_answer ||
      next.options.join("\u0000") !== current.options.join("\u0000");
    const updated = await tx.question.update({
      where: { id: questionId },
      data: {
        question: next.question,
        options: next.options,
        correctAnswer: next.correct_answer,
        bloomLevel: next.bloom_level,
        explanation: next.explanation,
        ...(isReworded ? { lint: [] } : {}),
      },
    });
    return toMcq(updated);
  });
}

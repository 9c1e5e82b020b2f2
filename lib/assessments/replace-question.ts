import type { PrismaClient } from "../generated/prisma/client";
import { Prisma } from "../generated/prisma/client";
import type { Mcq } from "../generation/mcq";
import { lockOwnedAssessment } from "./lock-owned-assessment";
import { toMcq } from "./question-mapping";
import { questionNotFound } from "./update-question";

/**
 * Puts a whole new question in the place of one of the owner's questions, keeping its id and
 * position: "regenerate this question" brings a generated question with its own source quote,
 * lint findings and generator, which a PATCH of the wording would not carry.
 */
export async function replaceQuestion(
  prisma: PrismaClient,
  ownerId: number,
  assessmentId: number,
  questionId: string,
  mcq: Mcq,
): Promise<Mcq & { id: string }> {
  return prisma.$transaction(async (tx) => {
    await lockOwnedAssessment(tx, ownerId, assessmentId);
    const { count } = await tx.question.updateMany({
      where: { id: questionId, assessmentId },
      data: {
        question: mcq.question,
        options: mcq.options,
        correctAnswer: mcq.correct_answer,
        bloomLevel: mcq.bloom_level,
        explanation: mcq.explanation,
        source: mcq.source ?? Prisma.DbNull,
        lint: mcq.lint ?? Prisma.DbNull,
        generator: mcq.generator ?? null,
      },
    });
    if (count === 0) throw questionNotFound();
    return toMcq(await tx.question.findUniqueOrThrow({ where: { id: questionId } }));
  });
}

import { Prisma, type PrismaClient } from "../generated/prisma/client";
import { assessmentNotFound } from "./assessment-not-found";
import { MAX_TITLE_LENGTH } from "./assessment-schemas";

export interface DuplicatedAssessment {
  id: number;
  title: string;
  question_count: number;
}

/**
 * Copies one of the owner's assessments, questions and stored material included, as "<title> (copy)".
 * The copy has no source job: saving that job again still returns the original.
 */
export async function duplicateAssessment(prisma: PrismaClient, ownerId: number, id: number): Promise<DuplicatedAssessment> {
  const original = await prisma.assessment.findFirst({
    where: { id, ownerId },
    include: { questions: { orderBy: [{ position: "asc" }, { createdAt: "asc" }] } },
  });
  if (!original) throw assessmentNotFound();
  const suffix = " (copy)";
  const title = `${original.title.slice(0, MAX_TITLE_LENGTH - suffix.length)}${suffix}`;
  const copy = await prisma.assessment.create({
    data: {
      ownerId,
      title,
      bloomFactors: original.bloomFactors ?? {},
      material: original.material ?? Prisma.DbNull,
      questions: {
        create: original.questions.map((question, position) => ({
          position,
          question: question.question,
          options: question.options ?? [],
          correctAnswer: question.correctAnswer,
          bloomLevel: question.bloomLevel,
          explanation: question.explanation,
          source: question.source ?? Prisma.DbNull,
          lint: question.lint ?? Prisma.DbNull,
          generator: question.generator,
        })),
      },
    },
    select: { id: true },
  });
  return { id: copy.id, title, question_count: original.questions.length };
}

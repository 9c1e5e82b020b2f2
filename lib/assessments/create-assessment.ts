import { Prisma, type PrismaClient } from "../generated/prisma/client";
import type { BloomCounts } from "../generation/blooms";
import type { Mcq } from "../generation/mcq";
import type { AssessmentMaterial } from "./assessment-material";
import { toQuestionData } from "./question-mapping";

export interface NewAssessment {
  title: string;
  bloomFactors: BloomCounts;
  mcqs: Mcq[];
  sourceJobId?: string;
  /** What the questions were generated from, for generating more later. */
  material?: AssessmentMaterial | null;
}

/** Stores an assessment and its questions, in order, in one transaction. Returns its id. */
export async function createAssessment(prisma: PrismaClient, ownerId: number, input: NewAssessment): Promise<number> {
  const created = await prisma.assessment.create({
    data: {
      ownerId,
      title: input.title,
      bloomFactors: input.bloomFactors,
      sourceJobId: input.sourceJobId,
      material: input.material ?? Prisma.DbNull,
      questions: { create: input.mcqs.map((mcq, position) => toQuestionData(mcq, position)) },
    },
    select: { id: true },
  });
  return created.id;
}

import type { PrismaClient } from "../generated/prisma/client";
import type { SaveAssessmentRequest } from "./assessment-schemas";
import { createAssessment } from "./create-assessment";

/** EduMate's save: the client sends the content back, checked and split into question rows. */
export async function saveAssessment(prisma: PrismaClient, ownerId: number, request: SaveAssessmentRequest): Promise<number> {
  return createAssessment(prisma, ownerId, {
    title: request.chapter_name,
    bloomFactors: request.bloom_factors,
    mcqs: request.content_json.mcqs,
  });
}

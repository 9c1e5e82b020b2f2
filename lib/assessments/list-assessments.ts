import type { PrismaClient } from "../generated/prisma/client";
import type { BloomCounts } from "../generation/blooms";
import type { ListAssessmentsQuery } from "./assessment-schemas";

export interface AssessmentSummary {
  id: number;
  title: string;
  question_count: number;
  bloom_factors: BloomCounts;
  created_at: string;
  updated_at: string;
}

export interface AssessmentPage {
  items: AssessmentSummary[];
  page: number;
  page_size: number;
  total: number;
  total_pages: number;
}

/** One page of the owner's assessments, newest first, optionally only titles containing `q` (any case). */
export async function listAssessments(prisma: PrismaClient, ownerId: number, query: ListAssessmentsQuery): Promise<AssessmentPage> {
  const where = { ownerId, ...(query.q ? { title: { contains: escapeLike(query.q), mode: "insensitive" as const } } : {}) };
  const [total, rows] = await Promise.all([
    prisma.assessment.count({ where }),
    prisma.assessment.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (query.page - 1) * query.page_size,
      take: query.page_size,
      select: { id: true, title: true, bloomFactors: true, createdAt: true, updatedAt: true, _count: { select: { questions: true } } },
    }),
  ]);
  return {
    items: rows.map((row) => ({
      id: row.id,
      title: row.title,
      question_count: row._count.questions,
      bloom_factors: row.bloomFactors as unknown as BloomCounts,
      created_at: row.createdAt.toISOString(),
      updated_at: row.updatedAt.toISOString(),
    })),
    page: query.page,
    page_size: query.page_size,
    total,
    total_pages: Math.max(1, Math.ceil(total / query.page_size)),
  };
}

// Prisma's `contains` becomes ILIKE '%…%' without escaping, so "100%" would match every title.
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { BLOOM_LEVELS, type BloomCounts } from "../generation/blooms";
import type { AssessmentSort, ListAssessmentsQuery } from "./assessment-schemas";

export interface AssessmentSummary {
  id: number;
  title: string;
  question_count: number;
  bloom_factors: BloomCounts;
  /** How many of its questions are at each level now, after any edits (bloom_factors is what was asked for). */
  bloom_counts: BloomCounts;
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

// Ties (same title, same instant) fall back to the id so paging never shows a row twice.
const ORDER: Record<AssessmentSort, Prisma.AssessmentOrderByWithRelationInput[]> = {
  newest: [{ createdAt: "desc" }, { id: "desc" }],
  oldest: [{ createdAt: "asc" }, { id: "asc" }],
  title: [{ title: "asc" }, { id: "desc" }],
  title_desc: [{ title: "desc" }, { id: "desc" }],
};

/** One page of the owner's assessments, newest first unless `sort` says otherwise, optionally only titles containing `q` (any case). */
export async function listAssessments(prisma: PrismaClient, ownerId: number, query: ListAssessmentsQuery): Promise<AssessmentPage> {
  const where = { ownerId, ...(query.q ? { title: { contains: escapeLike(query.q), mode: "insensitive" as const } } : {}) };
  const [total, rows] = await Promise.all([
    prisma.assessment.count({ where }),
    prisma.assessment.findMany({
      where,
      orderBy: ORDER[query.sort ?? "newest"],
      skip: (query.page - 1) * query.page_size,
      take: query.page_size,
      select: { id: true, title: true, bloomFactors: true, createdAt: true, updatedAt: true, _count: { select: { questions: true } } },
    }),
  ]);
  const levels = rows.length
    ? await prisma.question.groupBy({ by: ["assessmentId", "bloomLevel"], where: { assessmentId: { in: rows.map((row) => row.id) } }, _count: true })
    : [];
  return {
    items: rows.map((row) => ({
      id: row.id,
      title: row.title,
      question_count: row._count.questions,
      bloom_factors: row.bloomFactors as unknown as BloomCounts,
      bloom_counts: Object.fromEntries(
        BLOOM_LEVELS.map((level) => [level, levels.find((group) => group.assessmentId === row.id && group.bloomLevel === level)?._count ?? 0]),
      ) as BloomCounts,
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

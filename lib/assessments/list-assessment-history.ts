import type { PrismaClient } from "../generated/prisma/client";

export interface HistoryEntry {
  id: number;
  chapter_name: string;
  questions: number;
  created_at: string;
  status: "completed";
}

// EduMate's history has no paging; a ceiling keeps one request bounded. GET /api/assessments pages.
const HISTORY_LIMIT = 1000;

/** EduMate's history: the owner's assessments, newest first, as a bare array. */
export async function listAssessmentHistory(prisma: PrismaClient, ownerId: number): Promise<HistoryEntry[]> {
  const rows = await prisma.assessment.findMany({
    where: { ownerId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: HISTORY_LIMIT,
    select: { id: true, title: true, createdAt: true, _count: { select: { questions: true } } },
  });
  return rows.map((row) => ({
    id: row.id,
    chapter_name: row.title,
    questions: row._count.questions,
    created_at: row.createdAt.toISOString(),
    // Every saved assessment is complete: generation finished before it could be saved.
    status: "completed",
  }));
}

import type { PrismaClient, Quiz } from "../generated/prisma/client";
import { findOwnedQuiz } from "./find-owned-quiz";
import { getClosedReason, type ClosedReason } from "./quiz-state";
import type { QuizSettings, ReviewPolicy } from "./quiz-schemas";
import { snapshotQuestions } from "./snapshot-questions";

export interface QuizSettingsView {
  shuffle_questions: boolean;
  shuffle_options: boolean;
  review: ReviewPolicy;
  review_at: string | null;
  allows_retakes: boolean;
  closes_at: string | null;
}

/** What the owner sees of a shared quiz (GET /api/assessments/{id}/quiz). */
export interface QuizShareView {
  assessment_id: number;
  token: string;
  code: string;
  /** /q/<token>; `url` adds the site's address when it is known. */
  path: string;
  url: string | null;
  is_published: boolean;
  is_open: boolean;
  closed_reason: ClosedReason | null;
  settings: QuizSettingsView;
  published_at: string;
  /** The newest version: the one new attempts get. */
  version: number;
  versions: { version: number; title: string; question_count: number; created_at: string; attempts: number; submitted: number }[];
  /** True when the assessment was edited after the newest version was published. */
  has_unpublished_changes: boolean;
}

export function readQuizSettings(quiz: Quiz): QuizSettings {
  return {
    shuffleQuestions: quiz.shuffleQuestions,
    shuffleOptions: quiz.shuffleOptions,
    reviewPolicy: quiz.reviewPolicy,
    reviewAt: quiz.reviewAt,
    allowsRetakes: quiz.allowsRetakes,
    closesAt: quiz.closesAt,
  };
}

export function toSettingsView(settings: QuizSettings): QuizSettingsView {
  return {
    shuffle_questions: settings.shuffleQuestions,
    shuffle_options: settings.shuffleOptions,
    review: settings.reviewPolicy,
    review_at: settings.reviewAt?.toISOString() ?? null,
    allows_retakes: settings.allowsRetakes,
    closes_at: settings.closesAt?.toISOString() ?? null,
  };
}

export function quizPath(token: string): string {
  return `/q/${token}`;
}

/** The owner's view of the quiz shared from one of their assessments; 404 if there is none. */
export async function getQuizShare(
  prisma: PrismaClient,
  ownerId: number,
  assessmentId: number,
  { baseUrl = null as string | null, now = new Date() } = {},
): Promise<QuizShareView> {
  const quiz = await findOwnedQuiz(prisma, ownerId, assessmentId);
  const [versions, counts, assessment] = await Promise.all([
    prisma.quizVersion.findMany({
      where: { quizId: quiz.id },
      orderBy: { version: "desc" },
      select: { id: true, version: true, title: true, questions: true, contentHash: true, createdAt: true },
    }),
    prisma.quizAttempt.groupBy({
      by: ["versionId"],
      where: { quizId: quiz.id },
      _count: { _all: true, submittedAt: true },
    }),
    prisma.assessment.findUniqueOrThrow({
      where: { id: assessmentId },
      select: { title: true, questions: { orderBy: [{ position: "asc" }, { createdAt: "asc" }] } },
    }),
  ]);
  const countsByVersion = new Map(counts.map((row) => [row.versionId, row._count]));
  const current = snapshotCurrent(assessment.title, assessment.questions);
  const path = quizPath(quiz.token);
  const closedReason = getClosedReason(quiz, now);
  return {
    assessment_id: assessmentId,
    token: quiz.token,
    code: quiz.code,
    path,
    url: baseUrl ? `${baseUrl}${path}` : null,
    is_published: quiz.isPublished,
    is_open: closedReason === null,
    closed_reason: closedReason,
    settings: toSettingsView(readQuizSettings(quiz)),
    published_at: quiz.publishedAt.toISOString(),
    version: versions[0].version,
    versions: versions.map((version) => ({
      version: version.version,
      title: version.title,
      question_count: Array.isArray(version.questions) ? version.questions.length : 0,
      created_at: version.createdAt.toISOString(),
      attempts: countsByVersion.get(version.id)?._all ?? 0,
      submitted: countsByVersion.get(version.id)?.submittedAt ?? 0,
    })),
    has_unpublished_changes: current !== null && current !== versions[0].contentHash,
  };
}

// An assessment whose questions cannot be published (none, or a broken key) has no hash to compare.
function snapshotCurrent(title: string, questions: Parameters<typeof snapshotQuestions>[1]): string | null {
  if (questions.length === 0) return null;
  try {
    return snapshotQuestions(title, questions).contentHash;
  } catch {
    return null;
  }
}

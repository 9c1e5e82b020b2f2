import { assessmentNotFound } from "../assessments/assessment-not-found";
import { AppError } from "../errors";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { getQuizShare, readQuizSettings, type QuizShareView } from "./get-quiz-share";
import { mergeQuizSettings, toSettingsColumns } from "./merge-quiz-settings";
import { generateQuizCode, generateQuizToken } from "./quiz-keys";
import { DEFAULT_QUIZ_SETTINGS, type QuizSettingsInput } from "./quiz-schemas";
import { snapshotQuestions } from "./snapshot-questions";

/** created: first publication; new_version: the questions changed since; reopened: same questions, open again. */
export type PublishOutcome = "created" | "new_version" | "reopened";

/**
 * Publishes one of the owner's assessments as a quiz. The first time it gets its link and code and
 * version 1; afterwards the same link opens again, as a new version when the questions or title
 * changed since the newest one (attempts already started keep the version they began with).
 */
export async function publishQuiz(
  prisma: PrismaClient,
  ownerId: number,
  assessmentId: number,
  input: QuizSettingsInput,
  { baseUrl = null as string | null, now = new Date() } = {},
): Promise<{ outcome: PublishOutcome; quiz: QuizShareView }> {
  const outcome = await prisma.$transaction(async (tx) => {
    // Question edits lock the same row (lockOwnedAssessment), so the snapshot never sees half an edit.
    const locked = await tx.$queryRaw<{ title: string }[]>`
      SELECT title FROM assessments WHERE id = ${assessmentId} AND owner_id = ${ownerId} FOR UPDATE`;
    if (locked.length === 0) throw assessmentNotFound();
    const questions = await tx.question.findMany({ where: { assessmentId }, orderBy: [{ position: "asc" }, { createdAt: "asc" }] });
    if (questions.length === 0) throw new AppError("unprocessable", "Add at least one question before publishing this assessment as a quiz");
    const snapshot = snapshotQuestions(locked[0].title, questions);
    const questionsJson = snapshot.questions as unknown as Prisma.InputJsonValue;

    const existing = await tx.quiz.findUnique({
      where: { assessmentId },
      include: { versions: { orderBy: { version: "desc" }, take: 1 } },
    });
    const settings = mergeQuizSettings(existing ? readQuizSettings(existing) : DEFAULT_QUIZ_SETTINGS, input, now);

    if (!existing) {
      await tx.quiz.create({
        data: {
          assessmentId,
          token: generateQuizToken(),
          code: await findFreeCode(tx),
          isPublished: true,
          publishedAt: now,
          ...toSettingsColumns(settings),
          versions: { create: { version: 1, title: snapshot.title, questions: questionsJson, contentHash: snapshot.contentHash } },
        },
      });
      return "created" as const;
    }
    const latest = existing.versions[0];
    const isChanged = latest.contentHash !== snapshot.contentHash;
    await tx.quiz.update({
      where: { id: existing.id },
      data: {
        isPublished: true,
        publishedAt: now,
        ...toSettingsColumns(settings),
        ...(isChanged
          ? { versions: { create: { version: latest.version + 1, title: snapshot.title, questions: questionsJson, contentHash: snapshot.contentHash } } }
          : {}),
      },
    });
    return isChanged ? ("new_version" as const) : ("reopened" as const);
  });
  return { outcome, quiz: await getQuizShare(prisma, ownerId, assessmentId, { baseUrl, now }) };
}

// 887 million codes: a clash is rare, and the unique index still refuses the one in a billion race.
async function findFreeCode(tx: Prisma.TransactionClient): Promise<string> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const code = generateQuizCode();
    if (!(await tx.quiz.findUnique({ where: { code }, select: { id: true } }))) return code;
  }
  throw new AppError("unavailable", "Could not find a free quiz code; please try again");
}

import { AppError } from "../errors";
import type { PrismaClient, Quiz, QuizVersion } from "../generated/prisma/client";
import { parseQuizKey } from "./quiz-keys";

export interface PublishedQuiz {
  quiz: Quiz;
  /** The newest version: the one a new attempt gets. */
  latest: QuizVersion;
}

/** A quiz by its link token or short code; an unknown one is a 404 that says which was wrong. */
export async function findQuizByKey(prisma: PrismaClient, rawKey: string): Promise<PublishedQuiz> {
  const key = parseQuizKey(rawKey);
  const notFound = new AppError(
    "not_found",
    key?.kind === "token" ? "No quiz at this link; ask your teacher for it again" : "No quiz has this code; check it with your teacher",
  );
  if (!key) throw notFound;
  const found = await prisma.quiz.findUnique({
    where: key.kind === "token" ? { token: key.value } : { code: key.value },
    include: { versions: { orderBy: { version: "desc" }, take: 1 } },
  });
  if (!found || found.versions.length === 0) throw notFound;
  const { versions, ...quiz } = found;
  return { quiz, latest: versions[0] };
}

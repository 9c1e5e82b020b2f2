import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { QuizTaker } from "@/components/taking/quiz-taker";
import { getPool, getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getPublicQuiz } from "@/lib/quizzes/get-public-quiz";
import { limitQuizLookup } from "@/lib/quizzes/limit-quiz-requests";
import { parseQuizKey } from "@/lib/quizzes/quiz-keys";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Quiz · Bloomery", robots: { index: false } };

/** A quiz by its link (/q/<token>); a typed code (/q/K7M2QX) is counted like the code form and sent on to the link. */
export default async function QuizPage({ params }: { params: Promise<{ key: string }> }) {
  const { key } = await params;
  const parsed = parseQuizKey(key);
  if (!parsed) notFound();
  const loaded = await loadQuiz(key, parsed.kind === "code");
  if ("refusal" in loaded) {
    return (
      <main className="mx-auto max-w-md px-4 py-12">
        <h1 className="mb-2 text-2xl font-bold tracking-tight">Please wait a little</h1>
        <p role="alert">{loaded.refusal}</p>
      </main>
    );
  }
  if (parsed.kind === "code") redirect(`/q/${loaded.quiz.token}`);
  return <QuizTaker quiz={loaded.quiz} />;
}

async function loadQuiz(key: string, isCode: boolean) {
  try {
    if (isCode) await limitQuizLookup(await getPool(), new Request("http://quiz.invalid/", { headers: await headers() }));
    return { quiz: await getPublicQuiz(await getPrisma(), key) };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    if (error instanceof AppError && error.code === "rate_limited") return { refusal: error.message };
    throw error;
  }
}

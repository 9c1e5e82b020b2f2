import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { QuizResults } from "@/components/results/quiz-results";
import { assessmentIdSchema } from "@/lib/assessments/assessment-schemas";
import { getCurrentUser } from "@/lib/auth/get-current-user";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getQuizResults } from "@/lib/quizzes/get-quiz-results";
import { resultsQuerySchema } from "@/lib/quizzes/quiz-schemas";

export const metadata: Metadata = { title: "Quiz results · Bloomery" };
export const dynamic = "force-dynamic";

export default async function QuizResultsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?next=/library/${encodeURIComponent(id)}/results`);
  const parsedId = assessmentIdSchema.safeParse(id);
  if (!parsedId.success) notFound();
  // A hand-edited ?version=abc shows the newest version rather than an error.
  const query = resultsQuerySchema.safeParse({ version: (await searchParams).version });
  try {
    const results = await getQuizResults(await getPrisma(), user.id, parsedId.data, query.success ? query.data.version : undefined);
    return <QuizResults results={results} assessmentId={parsedId.data} />;
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "not_found") throw error;
    if (error.message === "Assessment not found" || error.message.startsWith("This quiz has no version")) notFound();
    return (
      <main className="mx-auto max-w-4xl px-4 py-10">
        <h1 className="mb-4 text-3xl font-bold tracking-tight">Quiz results</h1>
        <p className="mb-4">This assessment has not been shared as a quiz yet, so there are no results.</p>
        <Link href={`/library/${parsedId.data}`} className="font-medium text-indigo-700 underline hover:no-underline focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 dark:text-indigo-300">
          Go to the assessment to share it
        </Link>
      </main>
    );
  }
}

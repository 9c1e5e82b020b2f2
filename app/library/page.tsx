import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AssessmentList } from "@/components/library/assessment-list";
import { listAssessmentsQuerySchema } from "@/lib/assessments/assessment-schemas";
import { listAssessments } from "@/lib/assessments/list-assessments";
import { getCurrentUser } from "@/lib/auth/get-current-user";
import { getPrisma } from "@/lib/db";

export const metadata: Metadata = { title: "Library · Bloomery" };

export default async function LibraryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in?next=/library");
  const params = await searchParams;
  // A hand-edited address (page=abc) shows the first page rather than an error.
  const parsed = listAssessmentsQuerySchema.safeParse({ page: params.page, q: params.q });
  const query = parsed.success ? parsed.data : { page: 1, page_size: 20, sort: "newest" as const, q: undefined };
  const page = await listAssessments(await getPrisma(), user.id, query);
  return (
    <main className="mx-auto max-w-4xl px-4 py-10">
      <h1 className="mb-6 text-3xl font-bold tracking-tight">Your library</h1>
      {params.save_failed === "1" && (
        <p role="alert" className="mb-6 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
          The quiz you generated before signing in could not be saved: it may have expired. Generate it again and press Save.
        </p>
      )}
      <AssessmentList page={page} q={query.q} />
    </main>
  );
}

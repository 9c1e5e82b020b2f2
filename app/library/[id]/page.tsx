import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { AssessmentEditor } from "@/components/library/assessment-editor";
import { SharePanel } from "@/components/sharing/share-panel";
import { assessmentIdSchema } from "@/lib/assessments/assessment-schemas";
import { getAssessment } from "@/lib/assessments/get-assessment";
import { getCurrentUser } from "@/lib/auth/get-current-user";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";

export const metadata: Metadata = { title: "Assessment · Bloomery" };

export default async function AssessmentPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?next=/library/${encodeURIComponent(id)}`);
  const parsedId = assessmentIdSchema.safeParse(id);
  if (!parsedId.success) notFound();
  const detail = await getAssessment(await getPrisma(), user.id, parsedId.data).catch((error) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  const isJustSaved = (await searchParams).saved === "1";
  return (
    <AssessmentEditor
      assessment={{ id: detail.id, title: detail.title, createdAt: detail.createdAt.toISOString(), mcqs: detail.mcqs, hasMaterial: detail.hasMaterial }}
      notice={isJustSaved ? "Saved to your library." : undefined}
      share={<SharePanel assessmentId={detail.id} editedAt={detail.updatedAt.toISOString()} />}
    />
  );
}

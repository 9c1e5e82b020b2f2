import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Suspense } from "react";
import { LibraryPage } from "@/components/library/library-page";
import { getCurrentUser } from "@/lib/auth/get-current-user";

export const metadata: Metadata = { title: "Library · Bloomery" };

export default async function Library({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in?next=/library");
  const params = await searchParams;
  return (
    <Suspense>
      <LibraryPage saveFailed={params.save_failed === "1"} />
    </Suspense>
  );
}

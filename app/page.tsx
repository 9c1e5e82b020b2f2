import type { Metadata } from "next";
import { Suspense } from "react";
import { NewAssessmentPage } from "@/components/create/new-assessment-page";

export const metadata: Metadata = { title: "New assessment · Bloomery" };

export default function Home() {
  // The page reads ?job= on the client, so it renders there; the fallback keeps the layout in place meanwhile.
  return (
    <Suspense fallback={<main id="main" className="mx-auto min-h-screen max-w-5xl px-4 py-10" aria-busy="true" />}>
      <NewAssessmentPage />
    </Suspense>
  );
}

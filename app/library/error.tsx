"use client";

import Link from "next/link";
import { Notice } from "@/components/ui/notice";
import { button } from "@/components/ui/styles";

// Any failure while reading the library or an assessment: say so, and offer a retry rather than a blank page.
export default function LibraryError({ reset }: { error: Error; reset: () => void }) {
  return (
    <main className="mx-auto max-w-4xl space-y-4 px-4 py-10">
      <h1 className="text-2xl font-bold tracking-tight">Something went wrong</h1>
      <Notice tone="error">This page could not be loaded. Your saved assessments are safe; try again in a moment.</Notice>
      <div className="flex gap-2">
        <button type="button" onClick={reset} className={button.primary}>
          Try again
        </button>
        <Link href="/library" className={button.secondary}>
          Back to the library
        </Link>
      </div>
    </main>
  );
}

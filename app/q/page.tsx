import type { Metadata } from "next";
import { CodeEntryForm } from "@/components/taking/code-entry-form";

export const metadata: Metadata = { title: "Enter a quiz code · Bloomery", robots: { index: false } };

export default async function QuizCodePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { code } = await searchParams;
  return (
    <main className="mx-auto max-w-md px-4 py-12">
      <div className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900">
        <h1 className="mb-2 text-2xl font-bold tracking-tight">Take a quiz</h1>
        <p className="mb-6 text-slate-700 dark:text-slate-300">Type the code your teacher gave you. No account is needed.</p>
        <CodeEntryForm initialCode={typeof code === "string" ? code : ""} />
      </div>
    </main>
  );
}

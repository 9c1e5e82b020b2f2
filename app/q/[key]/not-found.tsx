import Link from "next/link";

export default function QuizNotFound() {
  return (
    <main className="mx-auto max-w-md px-4 py-12">
      <div className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900">
        <h1 className="mb-2 text-2xl font-bold tracking-tight">No quiz here</h1>
        <p className="mb-4 text-slate-700 dark:text-slate-300">
          This link does not lead to a quiz. Check it with your teacher, or type the quiz code instead.
        </p>
        <Link href="/q" className="font-semibold text-indigo-700 underline hover:no-underline focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 dark:text-indigo-300">
          Enter a quiz code
        </Link>
      </div>
    </main>
  );
}

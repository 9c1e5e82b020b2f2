// Shown while the assessment is read: the page's shape in grey, so nothing jumps when it arrives.
export default function LoadingAssessment() {
  return (
    <main className="mx-auto max-w-4xl space-y-6 px-4 py-8 sm:py-10" aria-busy="true" aria-label="Loading the assessment">
      <div className="h-4 w-20 rounded bg-slate-200 dark:bg-slate-800" />
      <div className="h-9 w-2/3 rounded bg-slate-200 dark:bg-slate-800" />
      <div className="h-24 rounded-2xl bg-slate-200 dark:bg-slate-800" />
      {[0, 1, 2].map((index) => (
        <div key={index} className="h-48 animate-pulse rounded-2xl bg-slate-200 motion-reduce:animate-none dark:bg-slate-800" />
      ))}
    </main>
  );
}

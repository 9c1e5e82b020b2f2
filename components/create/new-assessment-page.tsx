"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useState, type FormEvent, type ReactNode } from "react";
import { sessionQuery } from "@/lib/api-client/auth";
import { jobStatusQuery, startGeneration } from "@/lib/api-client/jobs";
import { DEFAULT_BLOOM_COUNTS, MAX_QUESTIONS, totalQuestions, type BloomCounts } from "@/lib/generation/blooms";
import type { GenerationResult } from "@/lib/generation/mcq";
import { readDraft, writeDraft } from "@/lib/ui/draft-storage";
import { Notice } from "@/components/ui/notice";
import { button, field, label } from "@/components/ui/styles";
import { BloomCountsStep } from "./bloom-counts-step";
import { DraftReview } from "./draft-review";
import { GenerationProgress } from "./generation-progress";
import { MaterialStep, useMaterialProblem, type MaterialState } from "./material-step";

interface FormState {
  material: MaterialState;
  counts: BloomCounts;
  title: string;
}

const FORM_KEY = "bloomery.newAssessment";
const EMPTY_FORM: FormState = { material: { mode: "paste", text: "", documentId: null, query: "" }, counts: { ...DEFAULT_BLOOM_COUNTS }, title: "" };

/**
 * New assessment: three steps (material, Bloom counts, title) and Generate; then the job, followed
 * through its id in the address (`/?job=…`) so leaving and coming back resumes it; then review.
 */
export function NewAssessmentPage() {
  const params = useSearchParams();
  const jobId = params.get("job");
  const [form, setForm] = useState<FormState>(EMPTY_FORM);

  // Pasted text survives a reload of this tab; restored after hydration, where sessionStorage exists.
  useEffect(() => {
    try {
      const stored = JSON.parse(window.sessionStorage.getItem(FORM_KEY) ?? "null");
      if (stored?.material && stored?.counts) setForm({ ...EMPTY_FORM, ...stored, material: { ...EMPTY_FORM.material, ...stored.material } });
    } catch {
      // Nothing stored, or storage is off.
    }
  }, []);
  function updateForm(next: FormState) {
    setForm(next);
    try {
      window.sessionStorage.setItem(FORM_KEY, JSON.stringify(next));
    } catch {
      // Too large or storage off: the form still works, it just won't survive a reload.
    }
  }

  return (
    <main id="main" className="mx-auto max-w-5xl px-4 py-8 sm:py-10">
      {jobId ? <JobView key={jobId} jobId={jobId} form={form} /> : <CreateForm form={form} onChange={updateForm} />}
    </main>
  );
}

function Step({ number, title, description, children }: { number: number; title: string; description: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`step-${number}`} className="rounded-2xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6 dark:border-slate-800 dark:bg-slate-900">
      <div className="mb-4 flex items-start gap-3">
        <span className="grid h-8 w-8 shrink-0 place-items-center rounded-full bg-indigo-600 text-sm font-bold text-white" aria-hidden="true">
          {number}
        </span>
        <div>
          <h2 id={`step-${number}`} className="text-lg font-semibold">
            <span className="sr-only">Step {number}: </span>
            {title}
          </h2>
          <p className="text-sm text-slate-600 dark:text-slate-400">{description}</p>
        </div>
      </div>
      {children}
    </section>
  );
}

function CreateForm({ form, onChange }: { form: FormState; onChange: (form: FormState) => void }) {
  const router = useRouter();
  const pathname = usePathname();
  const session = useQuery(sessionQuery());
  const total = totalQuestions(form.counts);
  const materialProblem = useMaterialProblem(form.material);
  const disabledReason =
    materialProblem ?? (total === 0 ? "Ask for at least one question." : total > MAX_QUESTIONS ? `Ask for at most ${MAX_QUESTIONS} questions.` : null);

  const generate = useMutation({
    mutationFn: () => {
      const { material } = form;
      return startGeneration({
        ...(material.mode === "paste"
          ? { text: material.text }
          : { document_id: material.documentId!, ...(material.query.trim() ? { query: material.query.trim() } : {}) }),
        title: form.title.trim() || undefined,
        blooms: form.counts,
      });
    },
    onSuccess: (jobId) => {
      writeDraft(jobId, { mcqs: [], isEdited: false, title: form.title.trim(), requested: form.counts });
      router.push(`${pathname}?job=${jobId}`);
    },
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!disabledReason && !generate.isPending) generate.mutate();
  }

  return (
    <form onSubmit={onSubmit} className="space-y-5" noValidate>
      <header className="mb-2">
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">New assessment</h1>
        <p className="mt-2 max-w-2xl text-slate-600 dark:text-slate-400">
          Give Bloomery your teaching material, choose how many questions you want at each level of Bloom&apos;s taxonomy, and get
          a multiple-choice quiz with answers, explanations and the sentence each question comes from.
        </p>
      </header>

      <Step number={1} title="Material" description="What the questions should be about.">
        <MaterialStep material={form.material} onChange={(material) => onChange({ ...form, material })} isSignedIn={Boolean(session.data)} />
      </Step>

      <Step number={2} title="Questions per Bloom level" description="From recalling facts up to creating something new.">
        <BloomCountsStep counts={form.counts} onChange={(counts) => onChange({ ...form, counts })} />
      </Step>

      <Step number={3} title="Name it" description="How it will be called in your library and on exports.">
        <label htmlFor="title" className={label}>
          Title <span className="font-normal text-slate-600 dark:text-slate-400">(optional)</span>
        </label>
        <input
          id="title"
          value={form.title}
          onChange={(event) => onChange({ ...form, title: event.target.value })}
          maxLength={200}
          className={field}
          placeholder="E.g. Chapter 3: Photosynthesis"
        />
      </Step>

      <div>
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          <button type="submit" disabled={Boolean(disabledReason) || generate.isPending} aria-describedby="generate-hint" className={button.large}>
            {generate.isPending ? "Starting…" : `Generate ${total > 0 && total <= MAX_QUESTIONS ? `${total} ` : ""}question${total === 1 ? "" : "s"}`}
          </button>
          <p id="generate-hint" className="min-h-5 text-sm text-slate-700 dark:text-slate-300" aria-live="polite">
            {disabledReason ?? "Ready when you are."}
          </p>
        </div>
        {generate.error && (
          <div className="mt-3">
            <Notice tone="error">Could not start: {generate.error.message}</Notice>
          </div>
        )}
      </div>
    </form>
  );
}

/** A job from the address: progress while it runs, the review when done, a plain message when it cannot be had. */
function JobView({ jobId, form }: { jobId: string; form: FormState }) {
  const [since] = useState(() => Date.now());
  const { data, error, refetch } = useQuery(jobStatusQuery(jobId, since));
  const [stored, setStored] = useState<ReturnType<typeof readDraft>>(null);
  // The title and counts asked for were kept in this browser when the job started.
  useEffect(() => setStored(readDraft(jobId)), [jobId]);
  const title = stored?.title ?? form.title;

  const backToForm = (
    <Link href="/" className={button.secondary}>
      ← New assessment
    </Link>
  );

  if (error) {
    return (
      <div className="space-y-4">
        <Notice tone="error" title="Could not check the job" action={<button type="button" className={button.secondary} onClick={() => void refetch()}>Try again</button>}>
          {error.message}
        </Notice>
        {backToForm}
      </div>
    );
  }
  if (!data || data.status === "queued" || data.status === "started") {
    return (
      <div className="mx-auto max-w-2xl space-y-4">
        <p className="text-sm font-semibold uppercase tracking-wide text-indigo-700 dark:text-indigo-300">{title.trim() || "New assessment"}</p>
        <GenerationProgress status={data} since={since} />
      </div>
    );
  }
  if (data.status === null) {
    return (
      <div className="mx-auto max-w-2xl space-y-4">
        <Notice tone="error" title="This job expired or does not exist.">
          Results are kept for a day. Generate the assessment again, and save it to keep it.
        </Notice>
        {backToForm}
      </div>
    );
  }
  if (data.status === "failed" || data.status === "canceled") {
    return (
      <div className="mx-auto max-w-2xl space-y-4">
        <Notice tone="error" title={data.status === "failed" ? "Generation failed" : "Generation was cancelled"}>
          {data.status === "failed" ? data.error : "Nothing was generated."}
        </Notice>
        {backToForm}
      </div>
    );
  }
  return <DraftReview jobId={jobId} result={data.result as GenerationResult} initialTitle={title} requested={stored?.requested} />;
}

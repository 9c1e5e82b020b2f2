import type { ReactNode } from "react";

const TONES = {
  info: "border-indigo-200 bg-indigo-50 text-indigo-950 dark:border-indigo-900 dark:bg-indigo-950/60 dark:text-indigo-100",
  success: "border-emerald-200 bg-emerald-50 text-emerald-950 dark:border-emerald-900 dark:bg-emerald-950/60 dark:text-emerald-100",
  warning: "border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-800 dark:bg-amber-950/60 dark:text-amber-100",
  error: "border-red-200 bg-red-50 text-red-950 dark:border-red-900 dark:bg-red-950/60 dark:text-red-100",
};

const ICONS = { info: "ℹ", success: "✓", warning: "⚠", error: "✕" };

/**
 * A boxed message. Errors are alerts (announced at once); the others are polite status updates.
 * The icon repeats the tone in a shape, so colour is never the only signal.
 */
export function Notice({
  tone,
  title,
  children,
  action,
  className = "",
  testId,
}: {
  tone: keyof typeof TONES;
  title?: string;
  children?: ReactNode;
  action?: ReactNode;
  className?: string;
  testId?: string;
}) {
  return (
    <div role={tone === "error" ? "alert" : "status"} className={`flex gap-3 rounded-xl border p-4 text-sm ${TONES[tone]} ${className}`} data-testid={testId}>
      <span aria-hidden="true" className="mt-0.5 font-bold">
        {ICONS[tone]}
      </span>
      <div className="min-w-0 flex-1 space-y-1">
        {title && <p className="font-semibold">{title}</p>}
        {children}
      </div>
      {action && <div className="shrink-0 self-center">{action}</div>}
    </div>
  );
}

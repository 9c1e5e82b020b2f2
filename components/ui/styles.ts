// Shared class lists, so every button, field and card looks and focuses the same way.
const buttonBase =
  "inline-flex items-center justify-center gap-2 rounded-lg font-semibold transition-colors disabled:cursor-not-allowed disabled:opacity-50";

export const button = {
  primary: `${buttonBase} bg-indigo-600 px-4 py-2 text-sm text-white shadow-sm hover:bg-indigo-700 dark:hover:bg-indigo-500`,
  large: `${buttonBase} bg-indigo-600 px-5 py-3 text-base text-white shadow-sm hover:bg-indigo-700 dark:hover:bg-indigo-500`,
  secondary: `${buttonBase} border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-800 hover:bg-slate-100 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800`,
  ghost: `${buttonBase} px-2 py-1.5 text-sm text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800`,
  /** A text-only button for a destructive action. */
  ghostDanger: `${buttonBase} px-2 py-1.5 text-sm text-red-800 hover:bg-red-50 dark:text-red-300 dark:hover:bg-red-950`,
  danger: `${buttonBase} border border-red-300 bg-white px-3 py-1.5 text-sm text-red-800 hover:bg-red-50 dark:border-red-800 dark:bg-slate-900 dark:text-red-300 dark:hover:bg-red-950`,
  dangerSolid: `${buttonBase} bg-red-700 px-4 py-2 text-sm text-white hover:bg-red-800`,
  /** A square button holding only an icon: give it an aria-label. */
  icon: `${buttonBase} h-9 w-9 shrink-0 border border-transparent text-slate-600 hover:border-slate-300 hover:bg-slate-100 dark:text-slate-300 dark:hover:border-slate-700 dark:hover:bg-slate-800`,
};

export const field =
  "mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-slate-900 placeholder:text-slate-500 aria-[invalid=true]:border-red-600 dark:border-slate-600 dark:bg-slate-950 dark:text-slate-100 dark:placeholder:text-slate-400";

export const label = "block text-sm font-semibold text-slate-800 dark:text-slate-200";

export const card = "rounded-2xl border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900";

export const muted = "text-slate-600 dark:text-slate-400";

export const link = "font-medium text-indigo-700 underline underline-offset-2 hover:text-indigo-900 dark:text-indigo-300 dark:hover:text-indigo-200";

"use client";

import { useEffect, useState } from "react";
import { applyThemeChoice, readThemeChoice, THEME_CHOICES, type ThemeChoice } from "@/lib/ui/theme";

const LABELS: Record<ThemeChoice, string> = { system: "System", light: "Light", dark: "Dark" };
const ICONS: Record<ThemeChoice, string> = { system: "◐", light: "☀", dark: "☾" };

/**
 * Light, dark, or whatever the system says (the default). The choice is kept in localStorage; with
 * "system", a change of the system setting applies at once.
 */
export function ThemeToggle() {
  const [choice, setChoice] = useState<ThemeChoice | null>(null);

  // The stored choice exists only in the browser, after hydration.
  useEffect(() => setChoice(readThemeChoice()), []);

  useEffect(() => {
    if (choice !== "system") return;
    const media = window.matchMedia("(prefers-color-scheme: dark)");
    const follow = () => applyThemeChoice("system");
    media.addEventListener("change", follow);
    return () => media.removeEventListener("change", follow);
  }, [choice]);

  const current = choice ?? "system";
  const next = THEME_CHOICES[(THEME_CHOICES.indexOf(current) + 1) % THEME_CHOICES.length];
  return (
    <button
      type="button"
      // Until the stored choice is read there is no knowing which choice comes next.
      disabled={choice === null}
      onClick={() => {
        applyThemeChoice(next);
        setChoice(next);
      }}
      className="inline-flex h-9 items-center gap-1.5 rounded-lg border border-slate-300 px-2.5 text-sm font-medium text-slate-700 hover:bg-slate-100 dark:border-slate-700 dark:text-slate-200 dark:hover:bg-slate-800"
      aria-label={`Theme: ${LABELS[current]}. Switch to ${LABELS[next]}`}
      data-testid="theme-toggle"
      data-theme-choice={current}
    >
      <span aria-hidden="true">{ICONS[current]}</span>
      <span aria-hidden="true" className="hidden sm:inline">
        {LABELS[current]}
      </span>
    </button>
  );
}

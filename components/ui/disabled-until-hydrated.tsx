"use client";

import { useSyncExternalStore, type ReactNode } from "react";

const subscribeToNothing = () => () => {};

/** False in the server's HTML and while React hydrates it, true from then on (and on client navigations). */
export function useIsHydrated() {
  return useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );
}

/**
 * Holds a server-rendered form's controls, disabled until React has attached the form's handlers.
 * Before that, text typed into a controlled input never reaches its state (React keeps the typed
 * value on screen but fires no change for it, so "Set new password" stayed disabled for good), and
 * a submit is the browser's own GET to the same page, which drops the query (the reset token, the
 * page to return to) and what was typed.
 */
export function DisabledUntilHydrated({ className, children }: { className?: string; children: ReactNode }) {
  const isHydrated = useIsHydrated();
  // min-w-0: by default a fieldset is never narrower than its content, which can widen a phone page.
  return (
    <fieldset disabled={!isHydrated} aria-busy={isHydrated ? undefined : true} className={`min-w-0 ${className ?? ""}`}>
      {children}
    </fieldset>
  );
}

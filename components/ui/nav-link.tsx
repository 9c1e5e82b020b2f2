"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

/** A header link that marks the section you are in (aria-current), for screen readers and sighted users alike. */
export function NavLink({ href, children, matchPrefix = true }: { href: string; children: ReactNode; matchPrefix?: boolean }) {
  const pathname = usePathname() ?? "/";
  const isCurrent = href === "/" || !matchPrefix ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link
      href={href}
      aria-current={isCurrent ? "page" : undefined}
      className="whitespace-nowrap rounded-lg px-1.5 py-1.5 sm:px-2.5 font-medium text-slate-700 hover:bg-slate-100 aria-[current=page]:bg-indigo-50 aria-[current=page]:text-indigo-800 dark:text-slate-200 dark:hover:bg-slate-800 dark:aria-[current=page]:bg-indigo-950 dark:aria-[current=page]:text-indigo-200"
    >
      {children}
    </Link>
  );
}

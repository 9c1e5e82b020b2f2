import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/get-current-user";
import { NavLink } from "@/components/ui/nav-link";
import { ThemeToggle } from "@/components/ui/theme-toggle";
import { SignOutButton } from "./sign-out-button";

/** The bar on every page: where to go, who is signed in, and the theme. */
export async function SiteHeader() {
  const user = await getCurrentUser();
  return (
    <header className="sticky top-0 z-30 border-b border-slate-200 bg-white/95 backdrop-blur dark:border-slate-800 dark:bg-slate-900/95">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2.5">
        <Link href="/" className="flex items-center gap-2 rounded-lg text-lg font-bold tracking-tight">
          <span aria-hidden="true" className="grid h-8 w-8 place-items-center rounded-lg bg-indigo-600 text-base text-white">
            B
          </span>
          Bloomery
        </Link>
        <div className="order-2 ml-auto flex items-center gap-2 sm:order-3">
          {user && (
            <span className="hidden max-w-48 truncate text-sm text-slate-600 lg:inline dark:text-slate-400" data-testid="signed-in-as">
              Signed in as {user.name}
            </span>
          )}
          <ThemeToggle />
        </div>
        <nav aria-label="Main" className="order-3 -mx-1 flex w-full items-center gap-0.5 overflow-x-auto text-sm sm:order-2 sm:mx-0 sm:w-auto sm:gap-1">
          <NavLink href="/">
            {/* Short on a phone, so the whole bar fits 375 px without scrolling. */}
            <span className="sm:hidden">New</span>
            <span className="hidden sm:inline">New assessment</span>
          </NavLink>
          <NavLink href="/documents">Documents</NavLink>
          {user ? (
            <>
              <NavLink href="/library">Library</NavLink>
              <NavLink href="/settings">Settings</NavLink>
              <SignOutButton />
            </>
          ) : (
            <>
              <NavLink href="/sign-in">Sign in</NavLink>
              <NavLink href="/sign-up">Create account</NavLink>
            </>
          )}
        </nav>
      </div>
    </header>
  );
}

import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/get-current-user";
import { SignOutButton } from "./sign-out-button";

const linkClasses =
  "rounded-md px-2 py-1 font-medium text-slate-700 hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 dark:text-slate-200 dark:hover:bg-slate-800";

/** The bar on every page: where to go, and who is signed in. */
export async function SiteHeader() {
  const user = await getCurrentUser();
  return (
    <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <div className="mx-auto flex max-w-4xl flex-wrap items-center justify-between gap-2 px-4 py-3">
        <Link href="/" className="text-lg font-bold tracking-tight focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500">
          Bloomery
        </Link>
        <nav aria-label="Main" className="flex flex-wrap items-center gap-1 text-sm">
          <Link href="/" className={linkClasses}>
            Generate
          </Link>
          <Link href="/documents" className={linkClasses}>
            Documents
          </Link>
          {user ? (
            <>
              <Link href="/library" className={linkClasses}>
                Library
              </Link>
              <Link href="/settings" className={linkClasses}>
                Settings
              </Link>
              <span className="px-2 text-slate-600 dark:text-slate-400" data-testid="signed-in-as">
                Signed in as {user.name}
              </span>
              <SignOutButton />
            </>
          ) : (
            <>
              <Link href="/sign-in" className={linkClasses}>
                Sign in
              </Link>
              <Link href="/sign-up" className={linkClasses}>
                Create account
              </Link>
            </>
          )}
        </nav>
      </div>
    </header>
  );
}

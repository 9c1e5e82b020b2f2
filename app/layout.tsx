import type { Metadata } from "next";
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/auth/site-header";
import { Providers } from "@/components/providers";
import "./globals.css";

export const metadata: Metadata = {
  title: "Bloomery",
  description: "Multiple-choice assessments from your teaching material, sorted by Bloom's taxonomy.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <Providers>
          <SiteHeader />
          {children}
        </Providers>
      </body>
    </html>
  );
}

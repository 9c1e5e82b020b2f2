import type { Metadata } from "next";
import { AuthCard } from "@/components/auth/form-field";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";

export const metadata: Metadata = { title: "Choose a new password · Bloomery", referrer: "no-referrer" };

// The mailed link is /reset-password?token=…; the page never sends the token anywhere but our API.
export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token } = await searchParams;
  return (
    <AuthCard title="Choose a new password">
      <ResetPasswordForm token={typeof token === "string" ? token : ""} />
    </AuthCard>
  );
}

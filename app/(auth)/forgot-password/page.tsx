import type { Metadata } from "next";
import { AuthCard } from "@/components/auth/form-field";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { isDevMailboxEnabled } from "@/lib/mail/send-mail";

export const metadata: Metadata = { title: "Forgot your password · Bloomery" };
export const dynamic = "force-dynamic";

export default function ForgotPasswordPage() {
  return (
    <AuthCard title="Forgot your password?">
      <ForgotPasswordForm isDevMailboxEnabled={isDevMailboxEnabled()} />
    </AuthCard>
  );
}

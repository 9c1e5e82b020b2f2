import type { Metadata } from "next";
import { Suspense } from "react";
import { AuthCard } from "@/components/auth/form-field";
import { SignUpForm } from "@/components/auth/sign-up-form";

export const metadata: Metadata = { title: "Create an account · Bloomery" };

export default function SignUpPage() {
  return (
    <AuthCard title="Create an account">
      <Suspense>
        <SignUpForm />
      </Suspense>
    </AuthCard>
  );
}

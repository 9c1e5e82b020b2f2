import type { Metadata } from "next";
import { DocumentsPage } from "@/components/documents/documents-page";
import { getCurrentUser } from "@/lib/auth/get-current-user";

export const metadata: Metadata = { title: "Documents · Bloomery" };

export default async function Documents() {
  const user = await getCurrentUser();
  return <DocumentsPage isSignedIn={user !== null} />;
}

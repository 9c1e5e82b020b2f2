import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getPool } from "@/lib/db";
import { listMailbox } from "@/lib/mail/list-mailbox";
import { isDevMailboxEnabled } from "@/lib/mail/send-mail";

export const metadata: Metadata = { title: "Development mailbox · Bloomery", robots: { index: false } };
export const dynamic = "force-dynamic";

/** Mail the app would have sent, for development and tests; absent on a production server. */
export default async function MailboxPage() {
  if (!isDevMailboxEnabled()) notFound();
  const messages = await listMailbox(await getPool());
  return (
    <main className="mx-auto max-w-4xl px-4 py-10">
      <h1 className="text-3xl font-bold tracking-tight">Development mailbox</h1>
      <p className="mt-1 mb-6 text-slate-600 dark:text-slate-400">Mail the app sent, newest first. This page exists only outside production.</p>
      {messages.length === 0 && <p>No mail yet.</p>}
      <ol className="space-y-4">
        {messages.map((message) => (
          <li key={message.id} className="rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
            <article aria-label={`${message.subject} to ${message.to}`}>
              <h2 className="font-semibold">{message.subject}</h2>
              <p className="text-sm text-slate-600 dark:text-slate-400">
                To {message.to} · {message.createdAt.toISOString()}
              </p>
              <p className="mt-3 whitespace-pre-wrap text-sm">
                {linkify(message.text)}
              </p>
            </article>
          </li>
        ))}
      </ol>
    </main>
  );
}

function linkify(text: string) {
  return text.split(/(https?:\/\/\S+)/g).map((part, index) =>
    /^https?:\/\//.test(part) ? (
      <a key={index} href={part} className="break-all text-indigo-700 underline dark:text-indigo-300">
        {part}
      </a>
    ) : (
      part
    ),
  );
}

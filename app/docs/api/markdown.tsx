import type { ReactNode } from "react";

// The guide in the OpenAPI document is plain Markdown of a few kinds: headings, paragraphs, lists,
// `code` and **bold**. This renders exactly those, so the page needs no Markdown library.

/** Inline `code` and **bold** in a line of text. */
export function InlineMarkdown({ text }: { text: string }) {
  const parts: ReactNode[] = [];
  const pattern = /`([^`]+)`|\*\*([^*]+)\*\*/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) parts.push(text.slice(last, match.index));
    parts.push(
      match[1] !== undefined ? (
        <code key={match.index} className="rounded bg-slate-100 px-1 py-0.5 text-[0.9em] break-words dark:bg-slate-800">
          {match[1]}
        </code>
      ) : (
        <strong key={match.index}>{match[2]}</strong>
      ),
    );
    last = match.index + match[0].length;
  }
  parts.push(text.slice(last));
  return <>{parts}</>;
}

export function slugOf(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** Block-level Markdown: `## ` headings, `- ` and `1. ` lists, blank-line separated paragraphs. */
export function Markdown({ source }: { source: string }) {
  const blocks = source.split(/\n{2,}/);
  return (
    <>
      {blocks.map((block, index) => {
        const lines = block.split("\n");
        if (block.startsWith("## ")) {
          const title = block.slice(3).trim();
          return (
            <h2 key={index} id={slugOf(title)} className="mt-10 scroll-mt-20 text-2xl font-bold tracking-tight">
              {title}
            </h2>
          );
        }
        if (lines.every((line) => /^- /.test(line))) {
          return (
            <ul key={index} className="my-3 list-disc space-y-1 pl-6">
              {lines.map((line, item) => (
                <li key={item}>
                  <InlineMarkdown text={line.slice(2)} />
                </li>
              ))}
            </ul>
          );
        }
        if (lines.every((line) => /^\d+\. /.test(line))) {
          return (
            <ol key={index} className="my-3 list-decimal space-y-1 pl-6">
              {lines.map((line, item) => (
                <li key={item}>
                  <InlineMarkdown text={line.replace(/^\d+\. /, "")} />
                </li>
              ))}
            </ol>
          );
        }
        return (
          <p key={index} className="my-3 leading-relaxed">
            <InlineMarkdown text={block} />
          </p>
        );
      })}
    </>
  );
}

import type { Metadata } from "next";
import { headers } from "next/headers";
import { openApiDocumentFor, publicOrigin } from "@/lib/openapi/get-openapi-document";
import { Markdown, slugOf } from "./markdown";
import { OperationSection, type OperationObject } from "./operation-section";
import { FieldTable, type JsonSchema } from "./schema-view";

export const metadata: Metadata = { title: "API reference · Bloomery" };
export const dynamic = "force-dynamic";

async function serverUrlOf(): Promise<string> {
  return publicOrigin(await headers(), "http://localhost:3000");
}

/** The readable form of /api/openapi.json: the guide, then every route by topic, then the shared shapes. */
export default async function ApiReferencePage() {
  const serverUrl = await serverUrlOf();
  const document = openApiDocumentFor(serverUrl);
  const components = document.components.schemas as Record<string, JsonSchema>;
  const sharedParameters = document.components.parameters as unknown as Record<string, JsonSchema>;
  const guideSections = [...document.info.description.matchAll(/^## (.+)$/gm)].map((match) => match[1]);
  const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ path, method: method.toUpperCase(), operation: operation as OperationObject & { tags: string[] } })),
  );
  const tags = document.tags.filter((tag) => tag.name !== "EduMate-compatible" && operations.some(({ operation }) => operation.tags[0] === tag.name));

  return (
    <main className="mx-auto max-w-5xl px-4 py-10">
      <h1 className="text-3xl font-bold tracking-tight">{document.info.title} reference</h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">
        {document.info.summary} Machine-readable: <a className="font-medium text-indigo-700 underline dark:text-indigo-300" href="/api/openapi.json">OpenAPI 3.1 document</a>{" "}
        (version {document.info.version}), from which clients can be generated.
      </p>

      <nav aria-label="Contents" className="mt-6 rounded-xl border border-slate-200 bg-white p-4 text-sm dark:border-slate-800 dark:bg-slate-900">
        <h2 className="font-semibold">Contents</h2>
        <div className="mt-2 grid gap-4 sm:grid-cols-2">
          <ul className="space-y-1">
            {guideSections.map((title) => (
              <li key={title}>
                <a className="text-indigo-700 hover:underline dark:text-indigo-300" href={`#${slugOf(title)}`}>
                  {title}
                </a>
              </li>
            ))}
            <li>
              <a className="text-indigo-700 hover:underline dark:text-indigo-300" href="#schemas">
                Shared shapes
              </a>
            </li>
          </ul>
          <ul className="space-y-2">
            {tags.map((tag) => (
              <li key={tag.name}>
                <a className="font-medium text-indigo-700 hover:underline dark:text-indigo-300" href={`#tag-${slugOf(tag.name)}`}>
                  {tag.name}
                </a>
                <ul className="mt-1 space-y-0.5 pl-3">
                  {operations
                    .filter(({ operation }) => operation.tags[0] === tag.name)
                    .map(({ path, method, operation }) => (
                      <li key={operation.operationId}>
                        <a className="font-mono text-xs wrap-anywhere text-slate-700 hover:underline dark:text-slate-300" href={`#${operation.operationId}`}>
                          {method} {path}
                        </a>
                      </li>
                    ))}
                </ul>
              </li>
            ))}
          </ul>
        </div>
      </nav>

      <section aria-label="Guide">
        <Markdown source={document.info.description} />
      </section>

      {tags.map((tag) => (
        <section key={tag.name} aria-labelledby={`tag-${slugOf(tag.name)}`} className="mt-12">
          <h2 id={`tag-${slugOf(tag.name)}`} className="scroll-mt-20 text-2xl font-bold tracking-tight">
            {tag.name}
          </h2>
          <p className="mt-1 text-slate-700 dark:text-slate-300">{tag.description}</p>
          {operations
            .filter(({ operation }) => operation.tags[0] === tag.name)
            .map(({ path, method, operation }) => (
              <OperationSection
                key={operation.operationId}
                method={method}
                path={path}
                operation={operation}
                serverUrl={serverUrl}
                components={components}
                sharedParameters={sharedParameters}
              />
            ))}
        </section>
      ))}

      <section aria-labelledby="schemas" className="mt-12">
        <h2 id="schemas" className="scroll-mt-20 text-2xl font-bold tracking-tight">
          Shared shapes
        </h2>
        {Object.entries(components)
          .filter(([name]) => !/(Request|Response\d+)$/.test(name))
          .map(([name, schema]) => (
            <section key={name} aria-labelledby={`schema-${name}`} className="border-t border-slate-200 py-6 dark:border-slate-800">
              <h3 id={`schema-${name}`} className="font-mono text-lg font-semibold wrap-anywhere">
                {name}
              </h3>
              <FieldTable schema={schema} components={components} />
            </section>
          ))}
      </section>
    </main>
  );
}

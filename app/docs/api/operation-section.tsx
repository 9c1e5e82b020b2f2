import { Markdown } from "./markdown";
import { FieldTable, typeLabel, type JsonSchema } from "./schema-view";

export interface ExampleObject {
  summary: string;
  value?: unknown;
  "x-request"?: ExampleRequest;
}

interface ExampleRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  json?: unknown;
  form?: Record<string, string>;
  multipart?: Record<string, string | { filename: string }>;
  raw?: { contentType?: string; text: string };
}

export interface OperationObject {
  operationId: string;
  summary: string;
  description: string;
  "x-edumate-compatible"?: boolean;
  "x-auth": string;
  "x-idempotent"?: boolean;
  "x-rate-limited"?: boolean;
  parameters: (JsonSchema & { $ref?: string })[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { description: string; headers?: Record<string, unknown>; content?: Record<string, { schema: JsonSchema; examples?: Record<string, ExampleObject> }>; "x-examples"?: Record<string, ExampleObject> }>;
}

const METHOD_COLOURS: Record<string, string> = {
  GET: "bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-200",
  POST: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200",
  PUT: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
  PATCH: "bg-violet-100 text-violet-900 dark:bg-violet-950 dark:text-violet-200",
  DELETE: "bg-rose-100 text-rose-900 dark:bg-rose-950 dark:text-rose-200",
};

const AUTH_LABELS: Record<string, string> = {
  none: "No authentication",
  optional: "Authentication optional",
  user: "Signed in or API key",
  "key-manager": "Signed in (not an API key)",
};

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The example request as a curl command against this server. */
export function curlOf(serverUrl: string, request: ExampleRequest): string {
  const parts = [`curl -X ${request.method} ${shellQuote(`${serverUrl.replace(/\/$/, "")}${request.url}`)}`];
  for (const [name, value] of Object.entries(request.headers ?? {})) parts.push(`-H ${shellQuote(`${name}: ${value}`)}`);
  if (request.json !== undefined) parts.push(`-H 'Content-Type: application/json'`, `--data-raw ${shellQuote(JSON.stringify(request.json))}`);
  for (const [name, value] of Object.entries(request.form ?? {})) parts.push(`--data-urlencode ${shellQuote(`${name}=${value}`)}`);
  for (const [name, value] of Object.entries(request.multipart ?? {})) {
    parts.push(`-F ${shellQuote(typeof value === "string" ? `${name}=${value}` : `${name}=@${value.filename}`)}`);
  }
  if (request.raw) {
    if (request.raw.contentType) parts.push(`-H ${shellQuote(`Content-Type: ${request.raw.contentType}`)}`);
    parts.push(`--data-raw ${shellQuote(request.raw.text)}`);
  }
  return parts.join(" \\\n  ");
}

function Badge({ children, tone = "slate" }: { children: string; tone?: "slate" | "indigo" | "amber" }) {
  const tones = {
    slate: "border-slate-300 text-slate-700 dark:border-slate-600 dark:text-slate-300",
    indigo: "border-indigo-300 bg-indigo-50 text-indigo-800 dark:border-indigo-700 dark:bg-indigo-950 dark:text-indigo-200",
    amber: "border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100",
  };
  return <span className={`rounded-full border px-2 py-0.5 text-xs font-medium ${tones[tone]}`}>{children}</span>;
}

function Example({ serverUrl, example, isOpen }: { serverUrl: string; example: ExampleObject; isOpen: boolean }) {
  const request = example["x-request"];
  return (
    <details open={isOpen} className="rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <summary className="cursor-pointer px-3 py-2 text-sm font-medium">{example.summary}</summary>
      <div className="space-y-2 border-t border-slate-200 p-3 dark:border-slate-800">
        {request && (
          <>
            <p className="text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">Request</p>
            <pre tabIndex={0} className="overflow-x-auto rounded bg-slate-900 p-3 text-xs text-slate-100">{curlOf(serverUrl, request)}</pre>
          </>
        )}
        <p className="text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">Response</p>
        <pre tabIndex={0} className="max-h-96 overflow-auto rounded bg-slate-100 p-3 text-xs dark:bg-slate-800">
          {example.value === undefined ? "(no body)" : typeof example.value === "string" ? example.value : JSON.stringify(example.value, null, 2)}
        </pre>
      </div>
    </details>
  );
}

export function OperationSection({
  method,
  path,
  operation,
  serverUrl,
  components,
  sharedParameters,
}: {
  method: string;
  path: string;
  operation: OperationObject;
  serverUrl: string;
  components: Record<string, JsonSchema>;
  sharedParameters: Record<string, JsonSchema>;
}) {
  const parameters = operation.parameters.map((parameter) =>
    typeof parameter.$ref === "string" ? sharedParameters[parameter.$ref.split("/").pop()!] : parameter,
  );
  const body = operation.requestBody ? Object.entries(operation.requestBody.content)[0] : undefined;
  const headingId = `${operation.operationId}-heading`;
  return (
    <article id={operation.operationId} aria-labelledby={headingId} className="scroll-mt-20 border-t border-slate-200 py-8 dark:border-slate-800">
      <h3 id={headingId} className="flex flex-wrap items-center gap-2 text-lg font-semibold">
        <span className={`rounded px-2 py-0.5 font-mono text-sm font-bold ${METHOD_COLOURS[method]}`}>{method}</span>
        <code className="break-all">{path}</code>
      </h3>
      <p className="mt-1 text-slate-700 dark:text-slate-300">{operation.summary}</p>
      <div className="mt-2 flex flex-wrap gap-2">
        <Badge>{AUTH_LABELS[operation["x-auth"]] ?? operation["x-auth"]}</Badge>
        {operation["x-edumate-compatible"] && <Badge tone="indigo">EduMate-compatible</Badge>}
        {operation["x-idempotent"] && <Badge tone="amber">Idempotency-Key</Badge>}
        {operation["x-rate-limited"] && <Badge tone="amber">Rate-limited</Badge>}
      </div>
      <div className="text-sm">
        <Markdown source={operation.description} />
      </div>

      {parameters.length > 0 && (
        <>
          <h4 className="mt-4 font-semibold">Parameters</h4>
          <div tabIndex={0} className="overflow-x-auto">
            <table className="mt-1 w-full text-left text-sm">
              <thead>
                <tr className="border-b border-slate-200 dark:border-slate-700">
                  <th scope="col" className="py-1.5 pr-3 font-semibold">Name</th>
                  <th scope="col" className="py-1.5 pr-3 font-semibold">In</th>
                  <th scope="col" className="py-1.5 pr-3 font-semibold">Type</th>
                  <th scope="col" className="py-1.5 font-semibold">Notes</th>
                </tr>
              </thead>
              <tbody>
                {parameters.map((parameter) => (
                  <tr key={`${parameter.in}-${parameter.name}`} className="border-b border-slate-100 align-top dark:border-slate-800">
                    <td className="py-1.5 pr-3">
                      <code className="font-semibold wrap-anywhere">{String(parameter.name)}</code>
                      {parameter.required ? <span className="ml-1 text-xs text-rose-700 dark:text-rose-300">required</span> : null}
                    </td>
                    <td className="py-1.5 pr-3">{String(parameter.in)}</td>
                    <td className="py-1.5 pr-3">
                      <code className="wrap-anywhere">{typeLabel(parameter.schema as JsonSchema)}</code>
                    </td>
                    <td className="py-1.5 text-slate-700 dark:text-slate-300">{typeof parameter.description === "string" ? parameter.description : ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}

      {body && (
        <>
          <h4 className="mt-4 font-semibold">
            Request body <span className="text-sm font-normal text-slate-500 dark:text-slate-400">{body[0]}</span>
          </h4>
          <FieldTable schema={body[1].schema} components={components} />
        </>
      )}

      <h4 className="mt-4 font-semibold">Responses</h4>
      <div className="mt-2 space-y-4">
        {Object.entries(operation.responses).map(([status, response]) => {
          const content = response.content ? Object.entries(response.content)[0] : undefined;
          const examples = Object.values(content?.[1].examples ?? response["x-examples"] ?? {});
          return (
            <section key={status} aria-label={`${status} response`}>
              <p className="text-sm">
                <strong className={Number(status) < 400 ? "text-emerald-800 dark:text-emerald-300" : "text-rose-800 dark:text-rose-300"}>{status}</strong> – {response.description}
                {content && (
                  <span className="text-slate-500 dark:text-slate-400">
                    {" "}
                    (<code className="wrap-anywhere">{content[0] === "application/json" ? typeLabel(content[1].schema) : content[0]}</code>)
                  </span>
                )}
                {response.headers && <span className="block text-xs text-slate-500 dark:text-slate-400">Headers: {Object.keys(response.headers).join(", ")}</span>}
              </p>
              <div className="mt-2 space-y-2">
                {examples.map((example, index) => (
                  <Example key={example.summary} serverUrl={serverUrl} example={example} isOpen={index === 0 && Number(status) < 300} />
                ))}
              </div>
            </section>
          );
        })}
      </div>
    </article>
  );
}

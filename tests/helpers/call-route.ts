// Each route types its own params; the helper passes whatever the call names.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type RouteHandler = (request: Request, context: any) => Response | Promise<Response>;

export interface RouteCall {
  method?: string;
  path: string;
  json?: unknown;
  body?: BodyInit;
  /** Undefined values are left out, so a test can switch a header on and off. */
  headers?: Record<string, string | undefined>;
  params?: Record<string, string | string[]>;
}

/** Calls a route handler exactly as Next.js would, with a real Request, and reads the JSON back. */
export async function callRoute(handler: RouteHandler, call: RouteCall): Promise<{ status: number; body: any; headers: Headers }> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(call.headers ?? {})) if (value !== undefined) headers.set(name, value);
  let body = call.body;
  if (call.json !== undefined) {
    body = JSON.stringify(call.json);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  const request = new Request(new URL(call.path, "http://localhost:3000"), { method: call.method ?? "GET", headers, body });
  const response = await handler(request, { params: Promise.resolve(call.params ?? {}) });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON: the test sees the raw text and can say so.
  }
  return { status: response.status, body: parsed, headers: response.headers };
}

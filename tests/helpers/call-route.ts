type RouteHandler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Response | Promise<Response>;

export interface RouteCall {
  method?: string;
  path: string;
  json?: unknown;
  body?: BodyInit;
  headers?: Record<string, string>;
  params?: Record<string, string | string[]>;
}

/** Calls a route handler exactly as Next.js would, with a real Request, and reads the JSON back. */
export async function callRoute(handler: RouteHandler, call: RouteCall): Promise<{ status: number; body: any; headers: Headers }> {
  const headers = new Headers(call.headers);
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

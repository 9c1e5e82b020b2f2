import { ApiError } from "./jobs";

export interface FieldIssue {
  path: string;
  message: string;
}

/** An API error with the per-field problems the server named, for forms to show beside each field. */
export class ApiRequestError extends ApiError {
  constructor(
    message: string,
    status: number,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message, status);
  }

  /** The first problem with one field, e.g. issueFor("email"). */
  issueFor(field: string): string | undefined {
    return this.issues.find((issue) => issue.path === field || issue.path.startsWith(`${field}.`))?.message;
  }
}

/** Calls our API with JSON and returns the parsed answer; any non-2xx throws ApiRequestError. */
export async function fetchJson<T>(url: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const response = await fetch(url, {
    method: init.method ?? "GET",
    headers: init.body === undefined ? undefined : { "Content-Type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    cache: "no-store",
  });
  if (!response.ok) {
    const body = await response.json().catch(() => null);
    const message = body?.error?.message ?? (typeof body?.detail === "string" ? body.detail : `Request failed (${response.status})`);
    throw new ApiRequestError(message, response.status, Array.isArray(body?.error?.issues) ? body.error.issues : []);
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

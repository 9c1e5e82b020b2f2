import { ZodError } from "zod";

/** The closed set of failures the API reports; each maps to one HTTP status. */
export const ERROR_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorIssue {
  path: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly options: { issues?: ErrorIssue[]; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function issuesFromZod(error: ZodError): ErrorIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));
}

/** A readable one-line summary of zod issues: "text: Required; blooms: Unknown Bloom level". */
export function summariseIssues(issues: ErrorIssue[]): string {
  return issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message)).join("; ");
}

/**
 * A 400 (or 422) naming every problem. A schema may mark an issue with `params.status` when a more
 * precise status fits, e.g. "payload_too_large" for text over its size limit.
 */
export function validationError(error: ZodError, status: ErrorCode = "bad_request"): AppError {
  const issues = issuesFromZod(error);
  const marked = error.issues
    .map((issue) => (issue.code === "custom" ? (issue.params as { status?: ErrorCode } | undefined)?.status : undefined))
    .find((code): code is ErrorCode => code !== undefined && code in ERROR_STATUS);
  return new AppError(marked ?? status, summariseIssues(issues), { issues });
}

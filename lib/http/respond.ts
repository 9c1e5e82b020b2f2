import { NextResponse } from "next/server";
import { AppError, type ErrorCode } from "../errors";
import { describeError, log } from "../log";

/**
 * The wire shape of every error: `error` for our clients, `detail` (the same sentence) because
 * EduMate's clients read FastAPI's `{"detail": "…"}`.
 */
export function errorResponse(error: AppError): NextResponse {
  const body: Record<string, unknown> = {
    error: { code: error.code, message: error.message, ...(error.options.issues ? { issues: error.options.issues } : {}) },
    detail: error.message,
  };
  return NextResponse.json(body, { status: error.status, headers: error.options.headers });
}

export function jsonError(code: ErrorCode, message: string, headers?: Record<string, string>): NextResponse {
  return errorResponse(new AppError(code, message, { headers }));
}

type Handler<C> = (request: Request, context: C) => Promise<Response>;

/** Wraps a route handler so that no input ever produces a stack trace or an unexplained 500. */
export function withErrors<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      if (error instanceof AppError) return errorResponse(error);
      log.error("unhandled error in route", { path: new URL(request.url).pathname, ...describeError(error) });
      return jsonError("internal", "Something went wrong on our side; please try again.");
    }
  };
}

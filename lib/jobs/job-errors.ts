/** A failure whose message is written for the person who asked for the job. */
export class JobFailedError extends Error {
  readonly userMessage: string;
  constructor(userMessage: string, options?: { cause?: unknown }) {
    super(userMessage, options);
    this.name = "JobFailedError";
    this.userMessage = userMessage;
  }
}

/** Thrown by a handler whose work may succeed later (a webhook receiver that is down). */
export class RetryLaterError extends Error {
  constructor(
    readonly userMessage: string,
    readonly delaySeconds: number,
  ) {
    super(userMessage);
    this.name = "RetryLaterError";
  }
}

export class JobTimeoutError extends Error {
  constructor(readonly seconds: number) {
    super(`Job timed out after ${seconds} second${seconds === 1 ? "" : "s"}`);
    this.name = "JobTimeoutError";
  }
}

/** The abort reason used when the instance shuts down: the job is handed back, not failed. */
export class WorkerShutdownError extends Error {
  constructor() {
    super("The worker is shutting down");
    this.name = "WorkerShutdownError";
  }
}

const GENERIC_FAILURE = "The job failed because of an internal error; please try again.";

/**
 * The sentence stored in `error`: a handler's own message when it wrote one for users, otherwise a
 * generic one (the detail goes to the server log, never to the client).
 */
export function describeJobFailure(error: unknown): string {
  if (error && typeof error === "object" && "userMessage" in error && typeof error.userMessage === "string") {
    return error.userMessage;
  }
  return GENERIC_FAILURE;
}

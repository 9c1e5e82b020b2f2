import { AppError } from "../errors";

/** EduMate's 404 for a missing assessment, and ours for someone else's: the two are indistinguishable. */
export function assessmentNotFound(): AppError {
  return new AppError("not_found", "Assessment not found");
}

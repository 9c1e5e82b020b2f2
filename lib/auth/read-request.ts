import { z } from "zod";
import { AppError, validationError } from "../errors";
import { readBodyText, readJsonBody } from "../http/read-body";

const MAX_FORM_BYTES = 16 * 1024;

/**
 * A JSON body checked against a schema, with FastAPI's 422 for a missing or ill-typed field, as
 * EduMate's clients expect; the body names every problem.
 */
export async function readEdumateJson<S extends z.ZodType>(request: Request, schema: S, maxBytes = 1024 * 1024): Promise<z.output<S>> {
  const data = await readJsonBody(request, z.unknown(), { maxBytes });
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw validationError(parsed.error, "unprocessable");
  return parsed.data;
}

/** Form fields (urlencoded or multipart), as FastAPI's OAuth2PasswordRequestForm reads them. */
export async function readFormFields(request: Request): Promise<Record<string, string>> {
  const contentType = request.headers.get("content-type") ?? "";
  const text = await readBodyText(request, MAX_FORM_BYTES);
  if (/^application\/x-www-form-urlencoded\b/i.test(contentType)) {
    return Object.fromEntries(new URLSearchParams(text));
  }
  if (/^multipart\/form-data\b/i.test(contentType)) {
    const form = await new Request("http://form.invalid/", { method: "POST", headers: { "content-type": contentType }, body: text })
      .formData()
      .catch(() => {
        throw new AppError("bad_request", "The multipart body could not be read");
      });
    const fields: Record<string, string> = {};
    for (const [name, value] of form.entries()) if (typeof value === "string") fields[name] = value;
    return fields;
  }
  throw new AppError(
    "unprocessable",
    "Send username and password as form fields (Content-Type: application/x-www-form-urlencoded)",
  );
}

import type { z } from "zod";
import { readJsonBody } from "../http/read-body";

/**
 * A JSON body that may be left out entirely (`curl -X POST` with no data): then it is `{}`, checked
 * against the same schema. A body that is sent must be JSON and valid.
 */
export async function readOptionalJsonBody<S extends z.ZodType>(request: Request, schema: S, maxBytes: number): Promise<z.output<S>> {
  const isEmpty = request.body === null || request.headers.get("content-length") === "0";
  if (isEmpty && !request.headers.get("content-type")) return schema.parse({});
  return readJsonBody(request, schema, { maxBytes });
}

import { z } from "zod";
import { validationError } from "../errors";
import { bloomsRequirementSchema } from "../generation/blooms";
import type { GenerateRequest } from "../generation/generate-request";

/**
 * `POST /chat`'s query string, as EduMate's FastAPI read it: `query` and `collection_name` are
 * required; `blooms_requirements` left out means EduMate's default 5/3/4/3/2/3.
 */
export const chatQuerySchema = z.object({
  query: z
    .string({ error: "query is required: what the questions should be about" })
    .trim()
    .min(1, "query is empty")
    .max(1000, "query is longer than 1000 characters"),
  collection_name: z
    .string({ error: "collection_name is required: the name /chunking returned" })
    .trim()
    .min(1, "collection_name is empty")
    .max(200, "collection_name is longer than 200 characters"),
  blooms_requirements: bloomsRequirementSchema,
});

/** Reads `POST /chat?…` into a generation request over that collection, titled by the query; problems are 422s, as EduMate answered. */
export function readChatRequest(request: Request): GenerateRequest {
  const params = new URL(request.url).searchParams;
  const parsed = chatQuerySchema.safeParse({
    query: params.get("query") ?? undefined,
    collection_name: params.get("collection_name") ?? undefined,
    blooms_requirements: params.get("blooms_requirements") ?? undefined,
  });
  if (!parsed.success) throw validationError(parsed.error, "unprocessable");
  const { query, collection_name, blooms_requirements } = parsed.data;
  return { collection_name, query, title: query.slice(0, 200), blooms: blooms_requirements };
}

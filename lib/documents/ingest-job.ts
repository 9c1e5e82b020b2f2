import { z } from "zod";
import { getPool } from "../db";
import { defineJobKind } from "../jobs/types";
import { failAbandonedDocuments } from "./fail-abandoned-documents";
import { indexDocument } from "./index-document";
import type { IngestResult } from "./ingest-result";

export const ingestPayloadSchema = z.object({ documentId: z.uuid() });
export type IngestPayload = z.infer<typeof ingestPayloadSchema>;

/** Reads an uploaded document, chunks it and indexes the chunks for retrieval. */
export const ingestJob = defineJobKind({
  kind: "ingest",
  payloadSchema: ingestPayloadSchema,
  async handle(payload, context): Promise<IngestResult> {
    const pool = await getPool();
    await failAbandonedDocuments(pool);
    return indexDocument(pool, payload.documentId, context);
  },
});

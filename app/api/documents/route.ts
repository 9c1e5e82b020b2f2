import { NextResponse } from "next/server";
import { authenticateRequest, requireUser } from "@/lib/auth/authenticate-request";
import { getPool } from "@/lib/db";
import { createDocumentUpload } from "@/lib/documents/create-document-upload";
import { listDocuments } from "@/lib/documents/list-documents";
import { readUploadForm } from "@/lib/documents/read-upload-form";
import { withErrors } from "@/lib/http/respond";
import { withIdempotency } from "@/lib/idempotency/with-idempotency";
import { MAX_UPLOAD_BYTES } from "@/lib/ingest/limits";
import { limitUploads } from "@/lib/rate-limit/limit-uploads";
import { rateLimitHeaders } from "@/lib/rate-limit/rate-limit";

export const dynamic = "force-dynamic";

// GET /api/documents – the caller's documents, newest first, with status, pages and chunk count
export const GET = withErrors(async (request) => {
  const { user } = await requireUser(request);
  const documents = await listDocuments(await getPool(), user.id);
  return NextResponse.json({ documents }, { headers: { "Cache-Control": "no-store" } });
});

// POST /api/documents – upload a file (multipart `file`, optional collection_name), signed in or anonymous; 202 while it is read
export const POST = withErrors(
  withIdempotency(
    async (request) => {
      const auth = await authenticateRequest(request);
      const db = await getPool();
      const rateLimit = await limitUploads(db, request, auth);
      const upload = await readUploadForm(request);
      const created = await createDocumentUpload(db, upload, { ownerId: auth?.user.id });
      return NextResponse.json(
        { status: "queued", document_id: created.documentId, job_id: created.jobId, collection_name: created.collectionName },
        { status: 202, headers: rateLimitHeaders(rateLimit) },
      );
    },
    { maxBytes: MAX_UPLOAD_BYTES + 64 * 1024 },
  ),
);

import { NextResponse } from "next/server";
import { authenticateRequest } from "@/lib/auth/authenticate-request";
import { getPool } from "@/lib/db";
import { createDocumentUpload } from "@/lib/documents/create-document-upload";
import { readUploadForm } from "@/lib/documents/read-upload-form";
import { withErrors } from "@/lib/http/respond";
import { withIdempotency } from "@/lib/idempotency/with-idempotency";
import { MAX_UPLOAD_BYTES } from "@/lib/ingest/limits";
import { limitUploads } from "@/lib/rate-limit/limit-uploads";
import { rateLimitHeaders } from "@/lib/rate-limit/rate-limit";

export const dynamic = "force-dynamic";

// POST /chunking – EduMate's upload: multipart `file` (+ optional collection_name) → {status: "queued", job_id, collection_name}
export const POST = withErrors(
  withIdempotency(
    async (request) => {
      const auth = await authenticateRequest(request);
      const db = await getPool();
      const rateLimit = await limitUploads(db, request, auth);
      const upload = await readUploadForm(request);
      const created = await createDocumentUpload(db, upload, { ownerId: auth?.user.id });
      return NextResponse.json(
        { status: "queued", job_id: created.jobId, collection_name: created.collectionName },
        { headers: rateLimitHeaders(rateLimit) },
      );
    },
    { maxBytes: MAX_UPLOAD_BYTES + 64 * 1024 },
  ),
);

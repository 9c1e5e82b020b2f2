import { NextResponse } from "next/server";
import { importAssessmentFile, MAX_IMPORT_BYTES } from "@/lib/assessments/import-assessment-file";
import { requireUser } from "@/lib/auth/authenticate-request";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { formatBytes } from "@/lib/http/read-body";
import { withErrors } from "@/lib/http/respond";
import { withIdempotency } from "@/lib/idempotency/with-idempotency";

export const dynamic = "force-dynamic";

// POST /api/assessments/import – multipart `file` (Bloomery JSON, GIFT or Aiken) and optional `title` → a new assessment
export const POST = withErrors(
  withIdempotency(
    async (request) => {
      const { user } = await requireUser(request);
      const declared = Number(request.headers.get("content-length") ?? "NaN");
      if (Number.isFinite(declared) && declared > MAX_IMPORT_BYTES + 64 * 1024) {
        throw new AppError("payload_too_large", `The file is larger than ${formatBytes(MAX_IMPORT_BYTES)}`);
      }
      if (!(request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
        throw new AppError("unsupported_media_type", "Send the file as multipart/form-data in a field named `file`");
      }
      const form = await request.formData().catch(() => {
        throw new AppError("bad_request", "The multipart body could not be read");
      });
      const file = form.get("file");
      if (!(file instanceof File)) throw new AppError("bad_request", "No file: send it in a field named `file`");
      if (file.size > MAX_IMPORT_BYTES) throw new AppError("payload_too_large", `The file is larger than ${formatBytes(MAX_IMPORT_BYTES)}`);
      const title = form.get("title");
      const summary = await importAssessmentFile(await getPrisma(), user.id, {
        bytes: new Uint8Array(await file.arrayBuffer()),
        name: file.name,
        title: typeof title === "string" ? title.slice(0, 200) : undefined,
      });
      return NextResponse.json(summary, { status: 201 });
    },
    { maxBytes: MAX_IMPORT_BYTES + 64 * 1024 },
  ),
);

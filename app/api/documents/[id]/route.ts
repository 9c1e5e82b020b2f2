import { NextResponse } from "next/server";
import { authenticateRequest } from "@/lib/auth/authenticate-request";
import { getPool } from "@/lib/db";
import { deleteDocument } from "@/lib/documents/delete-document";
import { renameDocumentRequestSchema } from "@/lib/documents/document-schemas";
import { getDocument } from "@/lib/documents/get-document";
import { parseDocumentId } from "@/lib/documents/parse-document-id";
import { renameDocument } from "@/lib/documents/rename-document";
import { readJsonBody } from "@/lib/http/read-body";
import { withErrors } from "@/lib/http/respond";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

// GET /api/documents/{id} – one document with a preview of its extracted text; another user's is 404
export const GET = withErrors(async (request, { params }: Context) => {
  const auth = await authenticateRequest(request);
  const document = await getDocument(await getPool(), parseDocumentId((await params).id), auth?.user.id);
  return NextResponse.json(document, { headers: { "Cache-Control": "no-store" } });
});

// PATCH /api/documents/{id} – rename {file_name}
export const PATCH = withErrors(async (request, { params }: Context) => {
  const auth = await authenticateRequest(request);
  const id = parseDocumentId((await params).id);
  const { file_name } = await readJsonBody(request, renameDocumentRequestSchema, { maxBytes: 16 * 1024 });
  await renameDocument(await getPool(), id, auth?.user.id, file_name);
  return NextResponse.json({ id, file_name });
});

// DELETE /api/documents/{id} – delete the document and its chunks; assessments made from it stay
export const DELETE = withErrors(async (request, { params }: Context) => {
  const auth = await authenticateRequest(request);
  await deleteDocument(await getPool(), parseDocumentId((await params).id), auth?.user.id);
  return new NextResponse(null, { status: 204 });
});

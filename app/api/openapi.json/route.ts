import { NextResponse } from "next/server";
import { withErrors } from "@/lib/http/respond";
import { getOpenApiDocument } from "@/lib/openapi/get-openapi-document";

export const dynamic = "force-dynamic";

// GET /api/openapi.json – the OpenAPI 3.1 document of every route, generated from the handlers' zod schemas
export const GET = withErrors(async (request) => {
  // The server address comes from the request's Host, so no shared cache may keep one caller's copy for another.
  return NextResponse.json(getOpenApiDocument(request), { headers: { "Cache-Control": "private, max-age=300", Vary: "Host" } });
});

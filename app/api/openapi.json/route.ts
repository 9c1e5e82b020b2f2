import { NextResponse } from "next/server";
import { withErrors } from "@/lib/http/respond";
import { getOpenApiDocument } from "@/lib/openapi/get-openapi-document";

export const dynamic = "force-dynamic";

// GET /api/openapi.json – the OpenAPI 3.1 document of every route, generated from the handlers' zod schemas
export const GET = withErrors(async (request) => {
  return NextResponse.json(getOpenApiDocument(request), { headers: { "Cache-Control": "public, max-age=300" } });
});

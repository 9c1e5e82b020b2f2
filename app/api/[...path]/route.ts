import { jsonError } from "@/lib/http/respond";

export const dynamic = "force-dynamic";

// Any /api path no route claims: a JSON 404 rather than the HTML page.
function notFound(request: Request) {
  return jsonError("not_found", `No API route at ${new URL(request.url).pathname}`);
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };

import { NextResponse } from "next/server";
import { contentDisposition, exportAssessmentFile, parseExportQuery } from "@/lib/assessments/export-assessment-file";
import { parseAssessmentId } from "@/lib/assessments/read-path-ids";
import { requireUser } from "@/lib/auth/authenticate-request";
import { getPrisma } from "@/lib/db";
import { withErrors } from "@/lib/http/respond";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

// GET /api/assessments/{id}/export?format=… – the assessment as a file (owner only); `problems=only` lists what the format cannot carry
export const GET = withErrors(async (request, { params }: Context) => {
  const { user } = await requireUser(request);
  const id = parseAssessmentId((await params).id);
  const searchParams = new URL(request.url).searchParams;
  const onlyProblems = searchParams.get("problems") === "only";
  searchParams.delete("problems");
  const file = await exportAssessmentFile(await getPrisma(), user.id, id, parseExportQuery(searchParams));
  if (onlyProblems) return NextResponse.json({ filename: file.filename, problems: file.problems });
  return new NextResponse(Buffer.from(file.bytes), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": contentDisposition(file.filename),
      "Cache-Control": "no-store",
      // Clients that cannot read the file can still learn that something was left out or changed.
      "Bloomery-Export-Problems": String(file.problems.length),
    },
  });
});

import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/authenticate-request";
import { getPrisma } from "@/lib/db";
import { validationError } from "@/lib/errors";
import { withErrors } from "@/lib/http/respond";
import { listWebhookDeliveries } from "@/lib/webhooks/list-webhook-deliveries";
import { listDeliveriesQuerySchema } from "@/lib/webhooks/webhook-schemas";

export const dynamic = "force-dynamic";

// GET /api/webhooks/deliveries?page=&page_size=&job_id=&status= – the caller's webhook deliveries, newest first, with every attempt
export const GET = withErrors(async (request) => {
  const { user } = await requireUser(request);
  const query = listDeliveriesQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw validationError(query.error);
  const page = await listWebhookDeliveries(await getPrisma(), user.id, query.data);
  return NextResponse.json(page, { headers: { "Cache-Control": "no-store" } });
});

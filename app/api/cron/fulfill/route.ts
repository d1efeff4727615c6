import { NextResponse } from "next/server";
import { isAuthorizedCronCall } from "@/lib/fulfillment/cron-auth";
import { runFulfillmentNow } from "@/lib/fulfillment/worker";

export const dynamic = "force-dynamic";

/** For external schedulers: runs one fulfillment pass. Authorization: Bearer $CRON_SECRET. */
export async function POST(request: Request) {
  const auth = isAuthorizedCronCall(request.headers.get("authorization"));
  if (!auth.ok) return NextResponse.json({ error: auth.error }, { status: auth.status });
  const summary = await runFulfillmentNow();
  return NextResponse.json({ ok: true, summary });
}

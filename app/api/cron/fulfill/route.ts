import { NextResponse } from "next/server";
import { isAuthorizedCronCall } from "@/lib/fulfillment/cron-auth";
import { runFulfillmentNow, runInvitationSyncNow } from "@/lib/fulfillment/worker";

export const dynamic = "force-dynamic";

/**
 * For external schedulers: runs one fulfillment pass. Authorization: Bearer $CRON_SECRET.
 * `?sync=1` first reads open invitations from GitHub (acceptance, decline, expiry), which the
 * server otherwise does every few minutes; expired ones re-sent by it go out in the same pass.
 */
export async function POST(request: Request) {
  const auth = isAuthorizedCronCall(request.headers.get("authorization"));
  if (!auth.ok) return NextResponse.json({ error: auth.error }, { status: auth.status });
  const sync =
    new URL(request.url).searchParams.get("sync") === "1"
      ? await runInvitationSyncNow()
      : undefined;
  const summary = await runFulfillmentNow();
  return NextResponse.json({ ok: true, summary, ...(sync ? { sync } : {}) });
}

import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { grantEvents, grants, type GrantStatus } from "../db/schema";
import type { Database } from "../db/types";

export type ResendRequester = "auto" | "buyer" | "merchant";

// The buyer may only renew an invitation that expired; the merchant may also replace one that
// is still open (lost in the buyer's notifications) or was declined.
const RESENDABLE: Record<ResendRequester, GrantStatus[]> = {
  auto: ["expired"],
  buyer: ["expired"],
  merchant: ["expired", "invited", "declined"],
};

/**
 * Queues a new invitation; the engine deletes the stale one on GitHub first. Counts resends,
 * so that the automatic resend happens once and later ones wait for someone to ask.
 */
export async function resendInvitation(
  db: Database,
  grantId: number,
  requester: ResendRequester,
  now: Date,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [queued] = await tx
      .update(grants)
      .set({
        status: "queued",
        resends: sql`${grants.resends} + 1`,
        attempts: 0,
        queuedAt: now,
        nextAttemptAt: now,
        lastError: null,
        updatedAt: now,
      })
      .where(
        and(
          eq(grants.id, grantId),
          inArray(grants.status, RESENDABLE[requester]),
          isNull(grants.revokeRequestedAt),
          requester === "auto" ? eq(grants.resends, 0) : undefined,
        ),
      )
      .returning({ id: grants.id });
    if (!queued) return false;
    await tx
      .insert(grantEvents)
      .values({ grantId, at: now, kind: "resend_requested", detail: { by: requester } });
    return true;
  });
}

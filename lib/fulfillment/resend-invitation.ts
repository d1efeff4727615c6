import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { grantEvents, grants, type GrantStatus } from "../db/schema";
import type { Database } from "../db/types";

/** Who asks. A buyer names themselves: they may only renew an invitation of their own. */
export type ResendRequester = "auto" | { buyerId: string } | "merchant";

// The buyer may only renew an invitation that expired; the merchant may also replace one that
// is still open (lost in the buyer's notifications) or was declined.
const RESENDABLE: Record<"auto" | "buyer" | "merchant", GrantStatus[]> = {
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
  const by = typeof requester === "string" ? requester : "buyer";
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
          inArray(grants.status, RESENDABLE[by]),
          isNull(grants.revokeRequestedAt),
          by === "auto" ? eq(grants.resends, 0) : undefined,
          typeof requester === "object" ? eq(grants.buyerId, requester.buyerId) : undefined,
        ),
      )
      .returning({ id: grants.id });
    if (!queued) return false;
    await tx
      .insert(grantEvents)
      .values({ grantId, at: now, kind: "resend_requested", detail: { by } });
    return true;
  });
}

import { and, eq, isNull, sql } from "drizzle-orm";
import { grants } from "../../db/schema";
import type { Database } from "../../db/types";
import type { GrantStatus } from "../grant";
import { transitionGrant } from "../transition";

/** Who asks. A buyer names themselves: they may only renew an invitation of their own. */
export type ResendRequester = "auto" | { buyerId: string } | "merchant";

// The buyer may only renew an invitation that expired; the merchant may also replace one that
// is still open (lost in the buyer's notifications) or was declined.
const RESENDABLE: Record<"auto" | "buyer" | "merchant", readonly GrantStatus[]> = {
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
  return transitionGrant(db, {
    grants: grantId,
    from: RESENDABLE[by],
    when: and(
      isNull(grants.revokeRequestedAt),
      by === "auto" ? eq(grants.resends, 0) : undefined,
      typeof requester === "object" ? eq(grants.buyerId, requester.buyerId) : undefined,
    ),
    set: {
      status: "queued",
      resends: sql`${grants.resends} + 1`,
      attempts: 0,
      queuedAt: now,
      nextAttemptAt: now,
      lastError: null,
    },
    event: { kind: "resend_requested", at: now, detail: { by } },
  });
}
